package org.twinflow.portal.call;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallService;
import org.twinflow.funding.FundingService;

/**
 * The ranking of a competitive call's reviewed proposals, as the committee's funding form shows it (FundingRanking's
 * order), with the running total against what is left of the budget, and the reserve list. For the committee, the
 * secretariat and administrators (SecurityConfig).
 */
@Controller
class CallRankingController {

    static final String VIEW_RANKING = "staff/calls/ranking";

    private final CallService calls;
    private final FundingService funding;
    private final CallViews views;

    CallRankingController(CallService calls, FundingService funding, CallViews views) {
        this.calls = calls;
        this.funding = funding;
        this.views = views;
    }

    @GetMapping("/staff/calls/{reference}/ranking")
    String showRanking(@PathVariable String reference, Locale locale, Model model) {
        CallForProposals call = calls.byReference(reference);
        model.addAttribute("call", views.of(call, locale));
        model.addAttribute("ranking", funding.ranking(call.getId()));
        model.addAttribute("remaining", funding.remainingBudget(call.getId()));
        model.addAttribute("reserve", funding.reserveOf(call.getId()));
        return VIEW_RANKING;
    }
}
