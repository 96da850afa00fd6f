package org.twinflow.account;

import java.security.Principal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.twinflow.city.City;
import org.twinflow.city.VerificationStatus;

/** Tells a city officer on every page whether the secretariat has verified the city yet (see the layout). */
@ControllerAdvice
class CityVerificationAdvice {

    private final CityAccounts accounts;

    CityVerificationAdvice(CityAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute
    void addVerification(Principal principal, Model model) {
        if (principal == null) {
            return;
        }
        accounts.cityOf(principal.getName()).filter(city -> city.getVerificationStatus() != VerificationStatus.VERIFIED)
                .ifPresent((City city) -> {
                    model.addAttribute("cityVerification", city.getVerificationStatus().name());
                    model.addAttribute("cityVerificationNote", city.getVerificationNote());
                });
    }
}
