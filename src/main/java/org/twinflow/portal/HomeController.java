package org.twinflow.portal;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.twinflow.proposal.ThematicArea;

/** The public landing page: the programme, its thematic areas and steps, and the approved partnerships. */
@Controller
class HomeController {

    static final String VIEW_HOME = "home";

    private final PartnershipListFinder partnerships;

    HomeController(PartnershipListFinder partnerships) {
        this.partnerships = partnerships;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        model.addAttribute("thematicAreas", Arrays.asList(ThematicArea.values()));
        model.addAttribute("partnerships", partnerships.approvedPartnerships(locale));
        return VIEW_HOME;
    }
}
