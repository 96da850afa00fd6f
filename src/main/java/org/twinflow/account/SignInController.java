package org.twinflow.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.twinflow.system.AdministratorCheck;

/** The one sign-in page for cities and staff (Spring Security processes the POST). */
@Controller
class SignInController {

    static final String VIEW_LOGIN = "account/login";

    private final AdministratorCheck administrators;

    SignInController(AdministratorCheck administrators) {
        this.administrators = administrators;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("noAdministrator", !administrators.hasAdministrator());
        return VIEW_LOGIN;
    }
}
