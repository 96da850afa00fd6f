package org.twinflow.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.twinflow.system.AdministratorCheck;
import org.twinflow.system.security.SecurityConfig;

/** The one sign-in page for cities and staff (Spring Security processes the POST). */
@Controller
class SignInController {

    static final String VIEW_LOGIN = "account/login";
    /** The longest wait the page will name; anything else in the parameter is not from the sign-in. */
    private static final int MAX_MINUTES = 24 * 60;

    private final AdministratorCheck administrators;

    SignInController(AdministratorCheck administrators) {
        this.administrators = administrators;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = SecurityConfig.SIGN_IN_THROTTLED, required = false) String throttledMinutes, Model model) {
        Integer minutes = minutes(throttledMinutes);
        if (minutes != null) {
            model.addAttribute("throttledMinutes", minutes);
        }
        model.addAttribute("noAdministrator", !administrators.hasAdministrator());
        return VIEW_LOGIN;
    }

    private static Integer minutes(String value) {
        if (value == null || !value.matches("\\d{1,4}")) {
            return null;
        }
        int minutes = Integer.parseInt(value);
        return minutes >= 1 && minutes <= MAX_MINUTES ? minutes : null;
    }
}
