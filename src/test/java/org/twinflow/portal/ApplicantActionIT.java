package org.twinflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;


import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.twinflow.Jobs;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.followup.Report;
import org.twinflow.followup.ReportStatus;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.screening.Clarification;
import org.twinflow.system.StaffGroups;

/**
 * The applicant's actions on the proposal page: answer a clarification, upload the signed agreement,
 * submit a report. Each only while the process waits for it, once, for the city's own proposal, with
 * errors next to the fields and nothing stored when refused.
 */
class ApplicantActionIT extends ProposalPageTestSupport {

    private static final String QUESTION = "Please attach the council resolution.";
    private static final String ANSWER = "Attached: resolution 12/2026 of the city council.";

    // --- clarification -------------------------------------------------------------------------------

    @Test
    void shouldShowTheQuestionAndTakeTheAnswerWithAPdfOnce() throws Exception {
        // given a clarification request
        String officer = newCityOfficer();
        Proposal proposal = clarificationRequested(officer);

        // when the officer opens the page, then the question and the form are there
        mvc.perform(get(proposal, officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(QUESTION)))
                .andExpect(content().string(containsString("action=\"/proposals/" + proposal.getReference() + "/clarification\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));

        // when the officer answers with a PDF
        mvc.perform(clarification(proposal, officer, ANSWER, pdf("attachment", "resolution.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/proposals/" + proposal.getReference()))
                .andExpect(flash().attribute("message", containsString("Your answer was sent")));

        // then the answer is stored, the proposal is back in screening and the PDF is kept as a clarification
        assertThat(screening.clarificationsOf(proposal.getId())).singleElement().extracting(Clarification::getAnswer).isEqualTo(ANSWER);
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        assertThat(documents.documentsOf(proposal.getId())).extracting(DocumentInfo::kind, DocumentInfo::fileName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentKind.CLARIFICATION, "resolution.pdf"));

        // and a second answer (second tab, double click) gets the warning and stores nothing more
        mvc.perform(clarification(proposal, officer, "Another answer", pdf("attachment", "again.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/proposals/" + proposal.getReference()))
                .andExpect(flash().attribute("warning", containsString("Nothing was changed")));
        assertThat(screening.clarificationsOf(proposal.getId())).singleElement().extracting(Clarification::getAnswer).isEqualTo(ANSWER);
        assertThat(documents.documentsOf(proposal.getId())).hasSize(1);
    }

    @Test
    void shouldRefuseAnEmptyOrTooLongAnswerNextToTheFieldAndKeepTheText() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = clarificationRequested(officer);

        mvc.perform(clarification(proposal, officer, "   ", null))
                .andExpect(status().isOk())
                .andExpect(view().name(ProposalPageController.VIEW_PAGE))
                .andExpect(model().attributeHasFieldErrors(ApplicantActionController.CLARIFICATION_FORM, "answer"))
                .andExpect(content().string(containsString("Write your answer to the question.")))
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#answer\"")));

        // spaces of another script are no answer either (they were taken, then refused by the service with a 500)
        mvc.perform(clarification(proposal, officer, "\u3000\u3000", null))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(ApplicantActionController.CLARIFICATION_FORM, "answer"))
                .andExpect(content().string(containsString("Write your answer to the question.")));

        String tooLong = "x".repeat(ApplicantActionClarificationForm.MAX_ANSWER + 1);
        mvc.perform(clarification(proposal, officer, tooLong, null))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The answer is too long")))
                .andExpect(content().string(containsString(tooLong)));

        assertThat(screening.openClarification(proposal.getId())).isPresent();
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.CLARIFICATION_REQUESTED);
    }

    @Test
    void shouldRefuseANonPdfNamedPdfAndNeitherStoreNorCorrelate() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = clarificationRequested(officer);

        mvc.perform(clarification(proposal, officer, ANSWER, new MockMultipartFile("attachment", "resolution.pdf", "application/pdf", NOT_PDF)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(ApplicantActionController.CLARIFICATION_FORM, "attachment", "document.notPdf"))
                .andExpect(content().string(containsString("resolution.pdf is not a PDF file. Upload a PDF.")))
                .andExpect(content().string(containsString(ANSWER)));

        assertThat(documents.documentsOf(proposal.getId())).isEmpty();
        assertThat(screening.openClarification(proposal.getId())).isPresent();
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.CLARIFICATION_REQUESTED);
    }

    @Test
    void shouldNotShowOrTakeAnAnswerWhileNoClarificationIsRequested() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);

        mvc.perform(clarification(proposal, officer, ANSWER, null))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", containsString("Nothing was changed")));
        assertThat(screening.clarificationsOf(proposal.getId())).isEmpty();
    }

    // --- signed agreement ---------------------------------------------------------------------------------

    @Test
    void shouldTakeTheSignedAgreementOnceAndWarnOnASecondUpload() throws Exception {
        // given an approved proposal
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        approved(proposal);
        mvc.perform(get(proposal, officer))
                .andExpect(content().string(containsString("action=\"/proposals/" + proposal.getReference() + "/agreement\"")));

        // when the officer uploads the signed agreement
        mvc.perform(agreement(proposal, officer, pdf("file", "agreement-signed.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", containsString("signed agreement was uploaded")));

        // then it is stored and the secretariat verifies it
        Proposal uploaded = proposals.byReference(proposal.getReference());
        assertThat(uploaded.getStatus()).isEqualTo(ProposalStatus.AGREEMENT_IN_VERIFICATION);
        assertThat(followUp.recordOf(uploaded.getId()).orElseThrow().agreementFileName()).isEqualTo("agreement-signed.pdf");
        assertThat(documents.documentsOf(proposal.getId())).extracting(DocumentInfo::kind).containsExactly(DocumentKind.SIGNED_AGREEMENT);

        // and a second upload gets the warning and stores nothing more
        mvc.perform(agreement(proposal, officer, pdf("file", "second.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", containsString("Nothing was changed")));
        assertThat(documents.documentsOf(proposal.getId())).hasSize(1);
        assertThat(followUp.recordOf(proposal.getId()).orElseThrow().agreementFileName()).isEqualTo("agreement-signed.pdf");
    }

    @Test
    void shouldShowTheNewDeadlineWhenTheSecretariatGivesMoreTimeForAnOverdueAgreement() throws Exception {
        // given an approved proposal whose agreement deadline has passed
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        approved(proposal);
        Instant firstDue = followUp.recordOf(proposal.getId()).orElseThrow().agreementDueAt();
        assertThat(firstDue).isNotNull();
        mvc.perform(get(proposal, officer).locale(Locale.UK)).andExpect(content().string(containsString(byDeadline(firstDue))));
        ClockUtil.setCurrentTime(Date.from(firstDue.plus(Duration.ofMinutes(1))));
        String followUpInstance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        managementService.createJobQuery().processInstanceId(followUpInstance).timers()
                .activityId(ProposalProcess.Elements.BOUNDARY_AGREEMENT_DEADLINE_PASSED).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        Jobs.runAsync(managementService);
        // the page says so and offers no upload while the secretariat decides
        mvc.perform(get(proposal, officer))
                .andExpect(content().string(containsString("The deadline has passed, so the upload is closed for now.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(
                        "action=\"/proposals/" + proposal.getReference() + "/agreement\""))));

        // when the secretariat gives 20 more days in its Tasklist task
        complete(proposal, ProposalProcess.Elements.TASK_HANDLE_OVERDUE_AGREEMENT, null,
                Map.of(ProposalProcess.Vars.OVERDUE_AGREEMENT_ACTION, "extend", ProposalProcess.Vars.EXTENSION_DAYS, 20));

        // then the proposal page shows the new deadline and the extension in the timeline, and the upload works again
        Instant newDue = followUp.recordOf(proposal.getId()).orElseThrow().agreementDueAt();
        assertThat(Duration.between(clock.instant(), newDue)).isBetween(Duration.ofDays(20).minusMinutes(1), Duration.ofDays(20));
        mvc.perform(get(proposal, officer).locale(Locale.UK))
                .andExpect(content().string(containsString(byDeadline(newDue))))
                .andExpect(content().string(containsString("Deadline for the signed agreement extended")));
        mvc.perform(agreement(proposal, officer, pdf("file", "agreement-signed.pdf")))
                .andExpect(flash().attribute("message", containsString("signed agreement was uploaded")));
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.AGREEMENT_IN_VERIFICATION);
    }

    private static String byDeadline(Instant deadline) {
        return "by " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.UK)
                .format(deadline.atZone(ZoneOffset.UTC)) + " (UTC)";
    }

    @Test
    void shouldRefuseAMissingOrNonPdfAgreementAndStoreNothing() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        approved(proposal);

        mvc.perform(agreement(proposal, officer, null))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(ApplicantActionController.AGREEMENT_FORM, "file", "page.agreement.file.required"))
                .andExpect(content().string(containsString("Choose the signed agreement (a PDF file).")));
        mvc.perform(agreement(proposal, officer, new MockMultipartFile("file", "agreement.pdf", "application/pdf", NOT_PDF)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("agreement.pdf is not a PDF file. Upload a PDF.")));
        mvc.perform(agreement(proposal, officer, new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0])))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(ApplicantActionController.AGREEMENT_FORM, "file", "document.empty"));

        assertThat(documents.documentsOf(proposal.getId())).isEmpty();
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
    }

    @Test
    void shouldWarnWhenAnAgreementIsUploadedBeforeTheProposalIsApproved() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);

        mvc.perform(agreement(proposal, officer, pdf("file", "agreement.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", containsString("Nothing was changed")));
        assertThat(documents.documentsOf(proposal.getId())).isEmpty();
    }

    // --- reports -----------------------------------------------------------------------------------------------

    @Test
    void shouldTakeTheProgressReportWithIndicatorValuesAndAnAnnexOnce() throws Exception {
        // given a partnership whose first reporting period has ended
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        Report first = waitingForFirstReport(proposal, officer);

        // when the officer opens the page, then the report form shows the indicator with its target
        mvc.perform(get(proposal, officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Submit progress report 1")))
                .andExpect(content().string(containsString("Officials trained")))
                .andExpect(content().string(containsString("Target: 30")));

        // when the officer submits the report
        mvc.perform(report(proposal, officer, "12", "9", "1", "25").file(pdf("annex", "attendance.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", containsString("The report was submitted")));

        // then it is stored with the indicator value and the annex
        Report submitted = followUp.report(first.getId());
        assertThat(submitted.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.getParticipantsWomen()).isEqualTo(12);
        assertThat(submitted.getIndicatorValues()).singleElement().satisfies(v -> {
            assertThat(v.indicator()).isEqualTo("Officials trained");
            assertThat(v.target()).isEqualTo("30");
            assertThat(v.achieved()).isEqualTo("25");
        });
        assertThat(documents.documentsOf(proposal.getId())).extracting(DocumentInfo::kind).contains(DocumentKind.REPORT_ANNEX);

        // and a second submission gets the warning
        int stored = documents.documentsOf(proposal.getId()).size();
        mvc.perform(report(proposal, officer, "1", "1", "1", "1").file(pdf("annex", "again.pdf")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", containsString("Nothing was changed")));
        assertThat(documents.documentsOf(proposal.getId())).hasSize(stored);
    }

    @Test
    void shouldShowEachReportErrorNextToItsFieldAndStoreNothing() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);
        Report first = waitingForFirstReport(proposal, officer);

        // empty texts, a negative, a non-number and a missing count, no indicator value
        mvc.perform(multipart("/proposals/{ref}/reports", proposal.getReference()).with(asOfficer(officer)).with(csrf())
                        .param("narrative", "").param("activitiesDone", " ")
                        .param("participantsWomen", "-1").param("participantsMen", "many")
                        .param("indicators[0].achieved", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(ApplicantActionController.REPORT_FORM, "narrative", "activitiesDone",
                        "participantsWomen", "participantsMen", "participantsOther", "indicators[0].achieved"))
                .andExpect(content().string(containsString("Describe what happened in this period.")))
                .andExpect(content().string(containsString("List the activities carried out.")))
                .andExpect(content().string(containsString("The number cannot be negative.")))
                .andExpect(content().string(containsString("Enter a whole number, for example 12.")))
                .andExpect(content().string(containsString("Enter a number, 0 if there were none.")))
                .andExpect(content().string(containsString("Enter the value reached for this indicator.")))
                .andExpect(content().string(containsString("href=\"#indicators0.achieved\"")))
                .andExpect(content().string(containsString("aria-describedby=\"narrative-error\"")))
                .andExpect(content().string(containsString("value=\"many\"")));

        // a non-PDF annex with an otherwise valid report
        mvc.perform(report(proposal, officer, "1", "2", "0", "5")
                        .file(new MockMultipartFile("annex", "annex.pdf", "application/pdf", NOT_PDF)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(ApplicantActionController.REPORT_FORM, "annex", "document.notPdf"));

        assertThat(followUp.report(first.getId()).getStatus()).isEqualTo(ReportStatus.PLANNED);
        assertThat(documents.documentsOf(proposal.getId())).extracting(DocumentInfo::kind).doesNotContain(DocumentKind.REPORT_ANNEX);
    }

    @Test
    void shouldWarnWhenAReportIsSubmittedBeforeItIsDue() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = submit(officer);

        mvc.perform(report(proposal, officer, "1", "1", "1", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", containsString("Nothing was changed")));
    }

    // --- isolation and CSRF ----------------------------------------------------------------------------------------

    @Test
    void shouldAnswerNotFoundToAnotherCitysOfficerOnEveryActionAndChangeNothing() throws Exception {
        // given a clarification request to one city
        Proposal proposal = clarificationRequested(newCityOfficer());
        String otherOfficer = newCityOfficer();

        // then another city's officer gets 404 on each action
        mvc.perform(clarification(proposal, otherOfficer, ANSWER, null)).andExpect(status().isNotFound());
        mvc.perform(agreement(proposal, otherOfficer, pdf("file", "agreement.pdf"))).andExpect(status().isNotFound());
        mvc.perform(report(proposal, otherOfficer, "1", "1", "1", "1")).andExpect(status().isNotFound());
        assertThat(screening.openClarification(proposal.getId())).isPresent();
        assertThat(documents.documentsOf(proposal.getId())).isEmpty();
    }

    @Test
    void shouldRefuseAPostWithoutCsrfTokenAndStaffOnTheActions() throws Exception {
        String officer = newCityOfficer();
        Proposal proposal = clarificationRequested(officer);

        mvc.perform(multipart("/proposals/{ref}/clarification", proposal.getReference()).with(asOfficer(officer)).param("answer", ANSWER))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/proposals/{ref}/clarification", proposal.getReference())
                        .with(asStaff("secretary1", StaffGroups.SECRETARIAT)).with(csrf()).param("answer", ANSWER))
                .andExpect(status().isForbidden());
        assertThat(screening.openClarification(proposal.getId())).isPresent();
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private Proposal clarificationRequested(String officer) {
        Proposal proposal = submit(officer);
        askForClarification(proposal, QUESTION);
        return proposals.byReference(proposal.getReference());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder get(Proposal proposal, String officer) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/proposals/{ref}", proposal.getReference())
                .with(asOfficer(officer));
    }

    private static MockMultipartFile pdf(String field, String fileName) {
        return new MockMultipartFile(field, fileName, "application/pdf", PDF);
    }

    private static MockMultipartHttpServletRequestBuilder clarification(Proposal proposal, String officer, String answer,
            MockMultipartFile attachment) {
        MockMultipartHttpServletRequestBuilder request = multipart("/proposals/{ref}/clarification", proposal.getReference());
        if (attachment != null) {
            request.file(attachment);
        }
        request.param("answer", answer).with(asOfficer(officer)).with(csrf());
        return request;
    }

    private static MockMultipartHttpServletRequestBuilder agreement(Proposal proposal, String officer, MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart("/proposals/{ref}/agreement", proposal.getReference());
        if (file != null) {
            request.file(file);
        }
        request.with(asOfficer(officer)).with(csrf());
        return request;
    }

    private static MockMultipartHttpServletRequestBuilder report(Proposal proposal, String officer, String women, String men,
            String other, String achieved) {
        MockMultipartHttpServletRequestBuilder request = multipart("/proposals/{ref}/reports", proposal.getReference());
        request.param("narrative", "Two study visits and the first joint workshop took place.")
                .param("activitiesDone", "Study visit to Toyama; workshop on feeder buses in Semarang.")
                .param("participantsWomen", women).param("participantsMen", men).param("participantsOther", other)
                .param("indicators[0].achieved", achieved)
                .with(asOfficer(officer)).with(csrf());
        return request;
    }

}
