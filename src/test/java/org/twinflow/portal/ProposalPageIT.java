package org.twinflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.twinflow.approval.DecisionRecord;
import org.twinflow.document.DocumentInfo;
import org.twinflow.proposal.Proposal;
import org.twinflow.system.StaffGroups;

/** The applicant's proposal page: what was submitted, status, timeline, documents, decision and feedback; own proposals only. */
class ProposalPageIT extends ProposalPageTestSupport {

    @Test
    void shouldShowEverythingSubmittedWithStatusTimelineAndDocuments() throws Exception {
        // given a submitted proposal with a letter of intent
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        DocumentInfo letter = attach(proposal, "letter-of-intent.pdf");

        // when its officer opens the page
        String page = mvc.perform(get("/proposals/{ref}", proposal.getReference()).with(asOfficer(officer)))
                .andExpect(status().isOk())
                .andExpect(view().name(ProposalPageController.VIEW_PAGE))
                .andReturn().getResponse().getContentAsString();

        // then it shows the fields, partners, SDG names, expected results, budget, status and timeline in plain words
        assertThat(page).contains(proposal.getTitle(), proposal.getReference(), "Semarang (Indonesia)", "Toyama", "Japan", "Co-lead",
                "Decentralised cooperation project", "Sustainable Mobility", "18 months",
                "SDG 11 – Sustainable cities and communities", "SDG 13 – Climate action",
                "Transport planners trained in transit-oriented development", "Officials trained",
                "150,000.00", "90,000.00", "60,000.00", "In screening",
                "Proposal submitted", "Status changed", "receipt of the proposal")
                .contains("href=\"/proposals/" + proposal.getReference() + "/documents/" + letter.id() + "\"", "letter-of-intent.pdf")
                // and nothing the process does not wait for
                .doesNotContain("/clarification\"", "/agreement\"", "/reports\"", "??");
    }

    @Test
    void shouldTellTheApplicantTheTimelineInWordsWithItsOfficerByNameAndStaffAsTheBodyTheyActedFor() throws Exception {
        // given a proposal taken to approval by named staff, its officer, a timer and Twinflow's own steps
        Journey journey = namedJourney();

        // when its officer opens the page
        String page = mvc.perform(get("/proposals/{ref}", journey.proposal().getReference()).with(asOfficer(journey.officer())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String timeline = timelineOf(page);

        // then every entry reads as words, with the officer's name, the secretariat, the committee or Twinflow
        assertThat(timeline).contains(
                "Proposal submitted", "by Rina Wulandari",
                "The secretariat asked for clarification", "Please attach the council resolution that approves the co-financing.",
                "by the secretariat",
                "Message sent", "receipt of the proposal", "reminder of the clarification deadline", "by Twinflow",
                "Clarification answered",
                "The committee decided", "Approved", "by the committee",
                "Status changed", "In screening", "Approved – waiting for the signed agreement");
        // and no code, nobody unknown, and no staff member's name or id: reviews stay anonymous
        assertInWords(timeline);
        assertThat(page).doesNotContain("Sofia Reyes", "Kofi Mensah", "Amara Okafor", "Bao Tran", journey.secretary(),
                journey.committeeMember(), journey.reviewers().get(0), journey.reviewers().get(1), "Reviewers assigned");
    }

    @Test
    void shouldDownloadTheCitysOwnDocumentAsAPdfAttachment() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        DocumentInfo letter = attach(proposal, "letter-of-intent.pdf");

        byte[] body = mvc.perform(get("/proposals/{ref}/documents/{id}", proposal.getReference(), letter.id()).with(asOfficer(officer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("letter-of-intent.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(PDF);
    }

    @Test
    void shouldAnswerNotFoundToAnotherCitysOfficerOnThePageAndEachDownload() throws Exception {
        // given a proposal with a document of one city
        Proposal proposal = submit(newCityOfficer());
        DocumentInfo letter = attach(proposal, "letter.pdf");
        String otherOfficer = newCityOfficer();

        // then an officer of another city gets 404 for the page, the document and an unknown reference
        mvc.perform(get("/proposals/{ref}", proposal.getReference()).with(asOfficer(otherOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/proposals/{ref}/documents/{id}", proposal.getReference(), letter.id()).with(asOfficer(otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/proposals/{ref}", "TW-1999-9999").with(asOfficer(otherOfficer))).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswerNotFoundForADocumentOfAnotherProposalUnderTheCitysOwnReference() throws Exception {
        // given two cities' proposals, each with a document
        String officer = newCityOfficer();
        Proposal own = submit(officer);
        Proposal theirs = submit(newCityOfficer());
        DocumentInfo theirLetter = attach(theirs, "their-letter.pdf");

        // when the officer asks for the other document under the own reference, then 404
        mvc.perform(get("/proposals/{ref}/documents/{id}", own.getReference(), theirLetter.id()).with(asOfficer(officer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseStaffOnTheApplicantsPages() throws Exception {
        Proposal proposal = submit(newCityOfficer());
        DocumentInfo letter = attach(proposal, "letter.pdf");

        for (String group : List.of(StaffGroups.SECRETARIAT, StaffGroups.COMMITTEE, StaffGroups.REVIEWERS, StaffGroups.ADMINS)) {
            mvc.perform(get("/proposals/{ref}", proposal.getReference()).with(asStaff("staff1", group))).andExpect(status().isForbidden());
            mvc.perform(get("/proposals/{ref}/documents/{id}", proposal.getReference(), letter.id()).with(asStaff("staff1", group)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void shouldShowATitleWithMarkupAsText() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submitTitled(officer, SCRIPT_TITLE);

        mvc.perform(get("/proposals/{ref}", proposal.getReference()).with(asOfficer(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ESCAPED_SCRIPT_TITLE)))
                .andExpect(content().string(not(containsString(SCRIPT_TITLE))));
    }

    @Test
    void shouldShowTheDecisionAndTheConsolidatedFeedbackWithoutReviewerIds() throws Exception {
        // given a proposal scored by two reviewers and approved
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        List<String> reviewers = approved(proposal);

        // when its officer opens the page
        String page = mvc.perform(get("/proposals/{ref}", proposal.getReference()).with(asOfficer(officer)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // then it shows the decision, the letter, the mean scores and the comments as Reviewer 1 and 2
        assertThat(page).contains("Approved", "The committee approves the partnership.", "Reviewers’ consolidated feedback",
                "4.50", "Reviewer 1", "Reviewer 2", "Strong design.", "Clear budget.",
                "Approved – waiting for the signed agreement", "Upload the signed agreement");
        // and never who the reviewers are
        assertThat(page).doesNotContain(reviewers.get(0), reviewers.get(1), "Test Reviewer", "@reviewers.example");
    }

    @Test
    void shouldOfferTheRevisionWithItsDeadlineWhenReturnedForRevision() throws Exception {
        // given a proposal the committee returned for revision
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        decided(proposal, "return_for_revision", "Please add a budget line for the pilot route.");
        DecisionRecord returned = decisions.of(proposal.getId()).orElseThrow();
        // the deadline is the one stored when the process armed its timer, and the timer waits for that instant
        var deadline = returned.revisionDueAt().atZone(java.time.ZoneOffset.UTC);
        assertThat(Duration.between(returned.decidedAt(), returned.revisionDueAt())).isBetween(Duration.ofDays(30), Duration.ofDays(30).plusSeconds(5));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers().activityId("BoundaryEvent_RevisionDeadlinePassed")
                .singleResult().getDuedate().toInstant()).isEqualTo(returned.revisionDueAt());

        // when its officer opens the page and the list, then both offer the edit form with the deadline
        String by = "by " + java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ENGLISH).format(deadline) + " (UTC)";
        for (String url : List.of("/proposals/" + proposal.getReference(), "/proposals")) {
            mvc.perform(get(url).with(asOfficer(officer)).locale(java.util.Locale.ENGLISH))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Revise and resubmit the proposal")))
                    .andExpect(content().string(containsString(by)))
                    .andExpect(content().string(containsString("href=\"/proposals/" + proposal.getReference() + "/edit\"")));
        }
    }
}
