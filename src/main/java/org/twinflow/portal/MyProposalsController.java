package org.twinflow.portal;

import java.security.Principal;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.twinflow.account.CityAccounts;

/** "My proposals": the signed-in officer's city's proposals and what each is waiting for. */
@Controller
class MyProposalsController {

    static final String VIEW_LIST = "proposals/list";

    private final CityAccounts cityAccounts;
    private final MyProposalsFinder finder;

    MyProposalsController(CityAccounts cityAccounts, MyProposalsFinder finder) {
        this.cityAccounts = cityAccounts;
        this.finder = finder;
    }

    @GetMapping("/proposals")
    String showMyProposals(Principal principal, Locale locale, Model model) {
        var city = cityAccounts.requireCityOf(principal.getName());
        model.addAttribute("city", city);
        model.addAttribute("rows", finder.proposalsOf(city.getId(), locale));
        return VIEW_LIST;
    }
}
