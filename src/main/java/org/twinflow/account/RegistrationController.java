package org.twinflow.account;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.twinflow.city.Countries;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.system.web.SubmitOnce;

/** City registration: the officer's account and the city, then verification by the secretariat. */
@Controller
class RegistrationController {

    static final String VIEW_REGISTRATION_FORM = "account/register";

    private static final String REGISTERED = "/login?registered";

    private final CityRegistrationService registrations;
    private final SubmitOnce submitOnce;

    RegistrationController(CityRegistrationService registrations, SubmitOnce submitOnce) {
        this.submitOnce = submitOnce;
        this.registrations = registrations;
    }

    @ModelAttribute("countries")
    Map<String, String> countries() {
        return Countries.byEnglishName();
    }

    @ModelAttribute("governmentTypes")
    List<LocalGovernmentType> governmentTypes() {
        return List.of(LocalGovernmentType.values());
    }

    @GetMapping("/register")
    String initRegistrationForm(Model model) {
        model.addAttribute("registration", new RegistrationForm());
        return VIEW_REGISTRATION_FORM;
    }

    @PostMapping("/register")
    String processRegistrationForm(@Valid @ModelAttribute("registration") RegistrationForm registration, BindingResult result) {
        if (registration.getCountryCode() != null && !result.hasFieldErrors("countryCode")
                && !Countries.isKnown(registration.getCountryCode())) {
            result.rejectValue("countryCode", "Pattern.registration.countryCode");
        }
        if (!result.hasFieldErrors("passwordConfirmation") && !registration.passwordsMatch()) {
            result.rejectValue("passwordConfirmation", "registration.passwordConfirmation.mismatch");
        }
        if (result.hasErrors()) {
            registration.setPassword(null);
            registration.setPasswordConfirmation(null);
            return VIEW_REGISTRATION_FORM;
        }
        try {
            // Anonymous: the address being registered stands for the person, so a double click or a retry registers once.
            submitOnce.run(registration.getSubmissionId(), "registration:" + registration.getEmail().strip().toLowerCase(Locale.ROOT),
                    () -> registrations.register(registration), registered -> REGISTERED);
        } catch (EmailTakenException taken) {
            // Saying so reveals that the address has an account; registration cannot avoid it, sign-in does.
            result.rejectValue("email", "registration.email.taken");
            registration.setPassword(null);
            registration.setPasswordConfirmation(null);
            return VIEW_REGISTRATION_FORM;
        }
        return "redirect:" + REGISTERED;
    }
}
