package org.twinflow.proposal;

/**
 * What a notice about a proposal says about it and whom it goes to, read in one query (the proposal's
 * row and its lead city's), rather than the whole aggregate with its partners, SDGs and results. What a
 * stage adds (a decision's feedback, a deadline, the reasons of ineligibility) comes from the stage's
 * {@code NoticeDetailsSource}.
 */
public record ProposalNoticeFacts(Long id, String reference, String title, String cityName, String contactEmail,
        String contactName) {
}
