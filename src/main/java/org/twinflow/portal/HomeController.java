package org.twinflow.portal;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.twinflow.proposal.ThematicArea;

/** The public landing page: what the programme is, and where staff work. */
@Controller
class HomeController {

    static final String VIEW_HOME = "home";

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("thematicAreas", Arrays.asList(ThematicArea.values()));
        return VIEW_HOME;
    }
}
