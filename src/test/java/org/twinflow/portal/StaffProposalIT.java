package org.twinflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.twinflow.document.DocumentInfo;
import org.twinflow.proposal.Proposal;
import org.twinflow.system.StaffGroups;

/**
 * The staff view of a proposal: the secretariat, the committee and administrators see every proposal;
 * a reviewer only one they have or had a task on; anyone else gets 404. Every Camunda Form links to it.
 */
class StaffProposalIT extends ProposalPageTestSupport {

    static final String LINK = "<a href=\"/staff/proposals/{{proposal.reference}}\" target=\"_blank\">Open the full proposal and its documents</a>";

    @Test
    void shouldShowTheSecretariatTheFullProposalWithDocumentsClarificationsAndInternalTimeline() throws Exception {
        // given a proposal with a letter, a clarification answered and reviewers assigned
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        DocumentInfo letter = attach(proposal, "letter-of-intent.pdf");
        askForClarification(proposal, "Please attach the council resolution.");
        screening.answerClarification(proposal.getReference(), "Resolution 12/2026 is attached.", officer);
        List<String> reviewers = inReview(proposal);

        // when a secretariat member opens the staff view
        String page = mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff("secretary1", StaffGroups.SECRETARIAT)))
                .andExpect(status().isOk())
                .andExpect(view().name(StaffProposalController.VIEW_PROPOSAL))
                .andReturn().getResponse().getContentAsString();

        // then everything is there, with the reviewers' ids and the internal entries
        assertThat(page).contains(proposal.getTitle(), "SDG 11 – Sustainable cities and communities", "150,000.00",
                "href=\"/staff/proposals/" + proposal.getReference() + "/documents/" + letter.id() + "\"",
                "Please attach the council resolution.", "Resolution 12/2026 is attached.",
                reviewers.get(0), reviewers.get(1), "Reviewers assigned", "Screened by the secretariat")
                .doesNotContain("??");

        // and the document downloads as a PDF attachment
        mvc.perform(get("/staff/proposals/{ref}/documents/{id}", proposal.getReference(), letter.id())
                        .with(asStaff("secretary1", StaffGroups.SECRETARIAT)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
    }

    @Test
    void shouldTellTheTimelineInWordsWithTheNameOfEachPersonAndTwinflowForWhatItDidItself() throws Exception {
        // given a proposal taken to approval by named staff, its officer, a timer and Twinflow's own steps
        Journey journey = namedJourney();

        // when the secretariat member opens the staff view
        String page = mvc.perform(get("/staff/proposals/{ref}", journey.proposal().getReference())
                        .with(asStaff(journey.secretary(), StaffGroups.SECRETARIAT)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String timeline = timelineOf(page);

        // then every entry reads as words, with who did it
        assertThat(timeline).contains(
                "Proposal submitted", "by Rina Wulandari of Semarang",
                "Screened by the secretariat", "clarification needed", "complete, on to review", "by Sofia Reyes",
                "The secretariat asked for clarification", "Please attach the council resolution that approves the co-financing.",
                "Message sent", "receipt of the proposal", "reminder of the clarification deadline", "by Twinflow",
                "Clarification answered",
                "Reviewers assigned", "Amara Okafor, Bao Tran",
                "Review submitted", "recommendation: Fund", "by Amara Okafor", "by Bao Tran",
                "Scores aggregated", "overall score 4.5",
                "The committee decided", "Approved", "by Kofi Mensah",
                "Status changed", "In screening", "In review");
        // and no code, no user id, nobody unknown
        assertInWords(timeline);
        assertThat(timeline).doesNotContain(journey.officer(), journey.secretary(), journey.committeeMember(), journey.reviewers().get(0),
                journey.reviewers().get(1));
        // and the clarification names who asked
        assertThat(page).contains("Asked by Sofia Reyes on").doesNotContain("Asked by " + journey.secretary());
    }

    @Test
    void shouldLetTheCommitteeAndAdministratorsOpenAnyProposal() throws Exception {
        Proposal proposal = submit(newCityOfficer());

        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff("member1", StaffGroups.COMMITTEE)))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff("admin1", StaffGroups.ADMINS)))
                .andExpect(status().isOk());
    }

    @Test
    void shouldLetAReviewerOpenOnlyAProposalTheyHaveOrHadATaskOn() throws Exception {
        // given a proposal in review by two reviewers, and another reviewer
        Proposal proposal = submit(newCityOfficer());
        DocumentInfo letter = attach(proposal, "letter.pdf");
        List<String> reviewers = inReview(proposal);
        String outsider = newReviewer();

        // then an assigned reviewer may open it and its documents, without learning who the other reviewer is
        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff(reviewers.get(0), StaffGroups.REVIEWERS)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(proposal.getTitle())))
                .andExpect(content().string(not(containsString(reviewers.get(1)))));
        mvc.perform(get("/staff/proposals/{ref}/documents/{id}", proposal.getReference(), letter.id())
                        .with(asStaff(reviewers.get(0), StaffGroups.REVIEWERS)))
                .andExpect(status().isOk());
        // and a reviewer without a task gets 404, as for an unknown reference
        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff(outsider, StaffGroups.REVIEWERS)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/proposals/{ref}/documents/{id}", proposal.getReference(), letter.id())
                        .with(asStaff(outsider, StaffGroups.REVIEWERS)))
                .andExpect(status().isNotFound());

        // and after scoring, the task is history: the reviewer still may open it
        score(proposal, reviewers.get(1), 4, "Solid.");
        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff(reviewers.get(1), StaffGroups.REVIEWERS)))
                .andExpect(status().isOk());
    }

    @Test
    void shouldRefuseCitiesAndAnswerNotFoundForUnknownReferencesAndDocuments() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        Proposal other = submit(newCityOfficer());
        DocumentInfo otherLetter = attach(other, "other.pdf");

        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asOfficer(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/proposals/{ref}", "TW-1999-9999").with(asStaff("secretary1", StaffGroups.SECRETARIAT)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/proposals/{ref}/documents/{id}", proposal.getReference(), otherLetter.id())
                        .with(asStaff("secretary1", StaffGroups.SECRETARIAT)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldShowATitleWithMarkupAsText() throws Exception {
        Proposal proposal = submitTitled(newCityOfficer(), SCRIPT_TITLE);

        mvc.perform(get("/staff/proposals/{ref}", proposal.getReference()).with(asStaff("secretary1", StaffGroups.SECRETARIAT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ESCAPED_SCRIPT_TITLE)))
                .andExpect(content().string(not(containsString(SCRIPT_TITLE))));
    }

    @Test
    void shouldLinkEveryProposalFormToTheStaffViewRightAfterTheEssentialsTitle() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> checked = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            JsonNode form;
            try (InputStream in = resource.getInputStream()) {
                form = json.readTree(in);
            }
            for (JsonNode component : form.path("components")) {
                if ("group".equals(component.path("type").asText()) && "Proposal essentials".equals(component.path("label").asText())) {
                    JsonNode first = component.path("components").get(0);
                    assertThat(first.path("type").asText()).as("first component of %s", resource.getFilename()).isEqualTo("text");
                    assertThat(first.path("text").asText()).as("link in %s", resource.getFilename()).isEqualTo(LINK);
                    checked.add(resource.getFilename());
                }
            }
            Set<String> ids = new HashSet<>();
            collectIds(form.path("components"), ids, resource.getFilename());
        }
        assertThat(checked).as("forms with proposal essentials").hasSizeGreaterThanOrEqualTo(9);
    }

    private static void collectIds(JsonNode components, Set<String> ids, String form) {
        for (JsonNode component : components) {
            if (component.has("id")) {
                assertThat(ids.add(component.path("id").asText())).as("unique id %s in %s", component.path("id").asText(), form).isTrue();
            }
            collectIds(component.path("components"), ids, form);
        }
    }
}
