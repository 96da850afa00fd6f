package org.twinflow.system.security.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Failed sign-ins of the last day for administrators, so that they see an attack (SecurityConfig lets only
 * users whom Camunda allows to use Admin in).
 */
@Controller
class SignInFailuresController {

    static final String PATH = "/staff/security/sign-in-failures";
    static final String VIEW = "staff/sign-in-failures";

    private final SignInFailureReport report;
    private final SignInThrottleProperties policy;

    SignInFailuresController(SignInFailureReport report, SignInThrottleProperties policy) {
        this.report = report;
        this.policy = policy;
    }

    @GetMapping(PATH)
    String showFailures(Model model) {
        model.addAttribute("report", report.lastDay());
        model.addAttribute("policy", policy);
        model.addAttribute("rowLimit", SignInFailureReport.ROWS);
        return VIEW;
    }
}
