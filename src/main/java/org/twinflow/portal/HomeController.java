package org.twinflow.portal;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.twinflow.portal.call.CallViews;
import org.twinflow.proposal.ThematicArea;

/** The public landing page: the open and coming calls, the programme's thematic areas and steps, and the approved partnerships. */
@Controller
class HomeController {

    static final String VIEW_HOME = "home";

    private final PartnershipListFinder partnerships;
    private final CallViews calls;

    HomeController(PartnershipListFinder partnerships, CallViews calls) {
        this.partnerships = partnerships;
        this.calls = calls;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        var published = calls.published(locale);
        model.addAttribute("openCalls", published.open());
        model.addAttribute("upcomingCalls", published.upcoming());
        model.addAttribute("thematicAreas", Arrays.asList(ThematicArea.values()));
        model.addAttribute("partnerships", partnerships.approvedPartnerships(locale));
        return VIEW_HOME;
    }
}
