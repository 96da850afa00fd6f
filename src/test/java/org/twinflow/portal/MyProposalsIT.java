package org.twinflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.twinflow.proposal.Proposal;
import org.twinflow.system.StaffGroups;

/** "My proposals": the city's own proposals, their status in plain words and what to do now and by when. */
class MyProposalsIT extends ProposalPageTestSupport {

    @Test
    void shouldListTheCitysProposalsAndDraftsWithStatusPartnersAndWhatToDo() throws Exception {
        // given a submitted proposal and a draft of the same city
        String officer = newCityOfficer();
        Proposal submitted = submit(officer);
        Proposal draft = draft(officer);

        // when the officer opens My proposals
        String page = mvc.perform(get("/proposals").with(asOfficer(officer)))
                .andExpect(status().isOk())
                .andExpect(view().name(MyProposalsController.VIEW_LIST))
                .andReturn().getResponse().getContentAsString();

        // then both are listed, with status in plain words, partners with countries and the draft's next step
        assertThat(page).contains(submitted.getReference(), draft.getReference(), submitted.getTitle(), "In screening",
                "Draft – not submitted yet", "Toyama (Japan)", "Finish and submit the draft",
                "href=\"/proposals/" + draft.getReference() + "/edit\"", "href=\"/proposals/" + submitted.getReference() + "\"");
    }

    @Test
    void shouldShowTheClarificationToAnswerWithItsDeadline() throws Exception {
        // given a clarification request of the secretariat
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        askForClarification(proposal, "Please attach the council resolution.");
        var deadline = screening.openClarification(proposal.getId()).orElseThrow().getDeadline().atZone(ZoneOffset.UTC);

        // when the officer opens My proposals, then the row says what to do and by when, highlighted
        mvc.perform(get("/proposals").with(asOfficer(officer)).locale(Locale.UK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Clarification requested")))
                .andExpect(content().string(containsString("class=\"action-needed\"")))
                .andExpect(content().string(containsString("Answer the clarification request")))
                .andExpect(content().string(containsString(
                        "by " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.UK).format(deadline) + " (UTC)")));
    }

    @Test
    void shouldShowTheRevisionAndTheSignedAgreementByTheDeadlinesTheProcessWaitsFor() throws Exception {
        // given a proposal returned for revision and an approved one of the same city
        String officer = newCityOfficer();
        Proposal returned = submit(officer);
        decided(returned, "return_for_revision", "Clarify the partner roles.");
        Proposal approved = submit(officer);
        approved(approved);

        // when the officer opens My proposals
        String page = mvc.perform(get("/proposals").with(asOfficer(officer)).locale(Locale.UK))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // then each row says what to do by the very instant the process's timer waits for (one deadline, one source)
        assertThat(page).contains("Revise and resubmit the proposal", "Upload the signed agreement",
                "by " + shown(timerDue(returned, "BoundaryEvent_RevisionDeadlinePassed")) + " (UTC)",
                "by " + shown(timerDue(approved, "BoundaryEvent_AgreementDeadlinePassed")) + " (UTC)");
    }

    private Instant timerDue(Proposal proposal, String timer) {
        return managementService.createJobQuery().timers().activityId(timer).list().stream()
                .filter(job -> runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                        .processInstanceBusinessKey(proposal.getReference()).count() == 1)
                .findFirst().orElseThrow(() -> new AssertionError("no timer " + timer + " of " + proposal.getReference()))
                .getDuedate().toInstant();
    }

    private static String shown(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.UK).format(instant.atZone(ZoneOffset.UTC));
    }

    @Test
    void shouldShowAnEmptyStateWithALinkToANewProposal() throws Exception {
        mvc.perform(get("/proposals").with(asOfficer(newCityOfficer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your city has no proposals yet.")))
                .andExpect(content().string(containsString("href=\"/proposals/new\"")));
    }

    @Test
    void shouldNeverListAnotherCitysProposals() throws Exception {
        // given a proposal of another city
        Proposal theirs = submit(newCityOfficer());

        // when an officer of a city opens its list, then the other city's proposal is not there
        mvc.perform(get("/proposals").with(asOfficer(newCityOfficer())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(theirs.getReference()))));
    }

    @Test
    void shouldShowATitleWithMarkupAsText() throws Exception {
        String officer = newCityOfficer();
        submitTitled(officer, SCRIPT_TITLE);

        mvc.perform(get("/proposals").with(asOfficer(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ESCAPED_SCRIPT_TITLE)))
                .andExpect(content().string(not(containsString(SCRIPT_TITLE))));
    }

    @Test
    void shouldRefuseStaffAndSendAnonymousVisitorsToSignIn() throws Exception {
        for (String group : List.of(StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE, StaffGroups.ADMINS)) {
            mvc.perform(get("/proposals").with(asStaff("staff1", group))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/proposals")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }
}
