package org.twinflow.account;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
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
    void addVerification(Principal principal, Model model, HttpServletRequest request) {
        // Pages are shown on GET; a POST that is answered with a page again (a form with errors) has its own notice.
        if (principal == null || !HttpMethod.GET.matches(request.getMethod())) {
            return;
        }
        accounts.cityOf(principal.getName()).filter(city -> city.getVerificationStatus() != VerificationStatus.VERIFIED)
                .ifPresent((City city) -> {
                    model.addAttribute("cityVerification", city.getVerificationStatus().name());
                    model.addAttribute("cityVerificationNote", city.getVerificationNote());
                });
    }
}
