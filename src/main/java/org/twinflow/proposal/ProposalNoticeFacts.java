package org.twinflow.proposal;

import java.util.List;

/**
 * What a notice about a proposal says about it and whom it goes to, read in one query (the proposal's
 * row and its lead city's), rather than the whole aggregate with its partners, SDGs and results. What a
 * stage adds (a decision's feedback, a deadline) comes from the stage's {@code NoticeDetailsSource}.
 */
public record ProposalNoticeFacts(Long id, String reference, String title, String cityName, String contactEmail,
        String contactName, String eligibilityReasons) {

    public List<String> eligibilityReasonList() {
        return eligibilityReasons == null || eligibilityReasons.isBlank() ? List.of() : List.of(eligibilityReasons.split(","));
    }
}
