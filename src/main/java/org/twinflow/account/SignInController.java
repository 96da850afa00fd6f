package org.twinflow.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one sign-in page for cities and staff (Spring Security processes the POST). */
@Controller
class SignInController {

    static final String VIEW_LOGIN = "account/login";

    @GetMapping("/login")
    String login() {
        return VIEW_LOGIN;
    }
}
