package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.twinflow.CallFixtures;
import org.twinflow.ProposalFixtures;
import org.twinflow.account.CityAccounts;
import org.twinflow.call.CallDates;
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallService;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentService;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.StaffGroups;

/**
 * The proposal form takes its call: the call a city applies to, its title and deadline on the form, its areas, limits
 * and required documents in the checks, and its deadline on submission and in "My proposals".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ProposalFormCallIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired CallService calls;
    @Autowired ProposalService proposals;
    @Autowired DocumentService documents;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    private final List<String> references = new ArrayList<>();
    City city;
    RequestPostProcessor officer;

    @BeforeEach
    void signInAnOfficerOfANewVerifiedCity() {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String userId = "officer-" + UUID.randomUUID();
        cityAccounts.link(userId, city.getId());
        officer = user(userId).authorities(new SimpleGrantedAuthority(StaffGroups.authority(StaffGroups.CITIES)));
    }

    @AfterEach
    void resetTheClockAndCloseTheCallsOfThisTest() {
        ClockUtil.reset();
        references.forEach(reference -> CallFixtures.closeForGood(jdbc, transactions, reference));
    }

    @Test
    void shouldShowTheCallsTitleAndDeadlineAndOfferOnlyItsAreas() throws Exception {
        // given an open climate call that requires the council resolution
        CallForProposals call = publishedCall(Duration.ofDays(30));

        // when the officer applies to it
        String page = mvc.perform(get("/proposals/new").param("call", call.getReference()).with(officer))
                .andExpect(status().isOk())
                .andExpect(view().name(ProposalFormController.VIEW_PROPOSAL_FORM))
                .andReturn().getResponse().getContentAsString();

        // then the form names the call and its deadline, carries it, and offers only its areas and its documents as required
        assertThat(page).contains(call.getReference() + " – " + call.getTitle(), CallDates.format(call.getClosesAt(), call.getTimeZone()),
                "name=\"callReference\" value=\"" + call.getReference() + "\"", "id=\"thematicArea-CLIMATE_DRR\"",
                "id=\"thematicArea-SDG_LOCALISATION\"", "Council resolution (PDF) – required by the call", "name=\"submit\"")
                .doesNotContain("id=\"thematicArea-MOBILITY\"", "Letter of intent (PDF) – required", "??");
    }

    @Test
    void shouldSubmitToTheCallOnlyWithTheDocumentsItRequires() throws Exception {
        // given an open call that requires the council resolution
        CallForProposals call = publishedCall(Duration.ofDays(30));

        // when the officer submits a complete proposal without it, then the form asks for it and nothing is stored
        mvc.perform(form("/proposals/new", climateProposal(call)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(ProposalFormController.FORM, "councilResolution", "CallDocument"))
                .andExpect(content()
                        .string(containsString("The call " + call.getReference() + " requires the council resolution")));
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();

        // and with the resolution, the proposal is submitted to this call, the resolution stored with it
        String proposalUrl = mvc.perform(form("/proposals/new", climateProposal(call))
                        .file(new MockMultipartFile("councilResolution", "resolution-12-2027.pdf", "application/pdf", PDF)))
                .andExpect(redirectedUrlPattern("/proposals/TW-*"))
                .andReturn().getResponse().getRedirectedUrl();
        Proposal submitted = proposals.byReference(proposalUrl.substring("/proposals/".length()));
        assertThat(submitted.getCallId()).isEqualTo(call.getId());
        assertThat(submitted.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(documents.documentsOf(submitted.getId())).extracting(DocumentInfo::kind).containsExactly(DocumentKind.COUNCIL_RESOLUTION);
    }

    @Test
    void shouldCheckAProposalAgainstTheLimitsAndAreasOfItsOwnCall() throws Exception {
        // given a call that funds at most 100,000 EUR per proposal, for 12 to 24 months, in climate and SDG localisation
        CallDraft d = CallFixtures.climateCall(newReference(), clock.instant(), Duration.ofDays(30));
        CallForProposals call = publish(new CallDraft(d.reference(), d.title(), d.description(), d.mode(), d.thematicAreas(), d.sdgs(),
                d.leadCountries(), d.requiredDocuments(), d.opensAt(), d.closesAt(), d.timeZone(), d.budget(), d.currency(),
                new BigDecimal("100000.00"), d.maxFundingShare(), 12, 24, d.reviewerCount(), d.reportingInterval()));

        // when the officer asks for 110,000 for a 30-month mobility project
        MultiValueMap<String, String> params = climateProposal(call);
        params.set("thematicArea", "MOBILITY");
        params.set("endDate", LocalDate.parse(params.getFirst("startDate")).plusMonths(30).toString());
        params.set("totalBudget", "150000");
        params.set("requestedAmount", "110000");
        params.set("coFinancing", "40000");
        String page = mvc.perform(form("/proposals/new", params)
                        .file(new MockMultipartFile("councilResolution", "resolution.pdf", "application/pdf", PDF)))

                // then each is refused with the call's own limit, and nothing stored
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(ProposalFormController.FORM, "thematicArea", "CallArea"))
                .andExpect(model().attributeHasFieldErrorCode(ProposalFormController.FORM, "endDate", "Duration"))
                .andExpect(model().attributeHasFieldErrorCode(ProposalFormController.FORM, "requestedAmount", "CallMax"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("does not fund this thematic area", "the call accepts 12 to 24 months",
                "The call funds at most 100,000 EUR per proposal.");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldSendACityToChooseWhenSeveralCallsAreOpen() throws Exception {
        // given a second open call next to OPEN-2026
        publishedCall(Duration.ofDays(30));

        // when the officer starts a proposal without naming a call, then the landing page's calls ask for a choice
        mvc.perform(get("/proposals/new").with(officer))
                .andExpect(redirectedUrl("/#calls"))
                .andExpect(flash().attribute("warning", containsString("Choose the call you apply to")));
        // and a form posted without its call stores nothing
        mvc.perform(form("/proposals/new", params("title", "Green corridors with Iloilo", "save", "1")))
                .andExpect(redirectedUrl("/#calls"));
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldSendACityBackFromACallThatIsNotOpenAndAnswerNotFoundForAnUnknownOne() throws Exception {
        // given a call that opens in ten days
        String coming = calls.create(CallFixtures.climateCall(newReference(), clock.instant().plus(Duration.ofDays(10)), Duration.ofDays(30)))
                .getReference();
        calls.publish(coming, "sofia");

        mvc.perform(get("/proposals/new").param("call", coming).with(officer))
                .andExpect(redirectedUrl("/calls/" + coming))
                .andExpect(flash().attribute("warning", containsString("does not take proposals now")));
        mvc.perform(get("/proposals/new").param("call", "NO-SUCH-CALL").with(officer)).andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseASubmissionAfterTheCallClosedAndKeepTheDraft() throws Exception {
        // given a draft, with its council resolution, in a call that closes in two hours
        CallForProposals call = publishedCall(Duration.ofHours(2));
        MultiValueMap<String, String> typed = climateProposal(call);
        typed.remove("submit");
        typed.add("save", "1");
        String editUrl = mvc.perform(form("/proposals/new", typed)
                        .file(new MockMultipartFile("councilResolution", "resolution.pdf", "application/pdf", PDF)))
                .andExpect(redirectedUrlPattern("/proposals/TW-*/edit"))
                .andReturn().getResponse().getRedirectedUrl();
        String reference = editUrl.substring("/proposals/".length(), editUrl.length() - "/edit".length());

        // when the officer submits it three hours later
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(3))));
        MultiValueMap<String, String> submission = climateProposal(call);
        submission.set("summary", "Revised after the deadline.");
        String page = mvc.perform(form(editUrl, submission))

                // then the form says the call has closed, with its deadline, and keeps what was typed
                .andExpect(status().isOk())
                .andExpect(view().name(ProposalFormController.VIEW_PROPOSAL_FORM))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The call " + call.getReference() + " “" + call.getTitle() + "” closed on "
                + CallDates.format(call.getClosesAt(), call.getTimeZone()) + "; proposals can no longer be submitted to it. Your draft is kept.",
                "Revised after the deadline.").doesNotContain("name=\"submit\"");

        // and the proposal is still the draft it was, with no process
        Proposal draft = proposals.byReference(reference);
        assertThat(draft.getStatus()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(draft.getSummary()).isNotEqualTo("Revised after the deadline.");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count()).isZero();

        // and My proposals says so, offering nothing to finish
        String list = mvc.perform(get("/proposals").with(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(reference, call.getReference() + " – " + call.getTitle(), "Call closed — can no longer be submitted")
                .doesNotContain("Finish and submit the draft", "href=\"/proposals/" + reference + "/edit\"");
    }

    @Test
    void shouldListEachProposalsCallAndADraftsDeadline() throws Exception {
        // given a draft in an open call and a proposal submitted to the first call
        CallForProposals call = publishedCall(Duration.ofDays(30));
        Proposal draft = proposals.createDraft(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)));
        MultiValueMap<String, String> typed = params("title", "Flood early warning with Da Nang", "callReference", call.getReference(),
                "save", "1");
        mvc.perform(form("/proposals/new", typed)).andExpect(redirectedUrlPattern("/proposals/TW-*/edit"));

        // when the officer opens My proposals, then each row names its call, and the draft in the climate call its deadline
        String list = mvc.perform(get("/proposals").with(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(draft.getReference(), CallFixtures.FIRST_CALL_REFERENCE + " – Open call for partnerships",
                call.getReference() + " – " + call.getTitle(), "Deadline: " + CallDates.format(call.getClosesAt(), call.getTimeZone()),
                "Finish and submit the draft").doesNotContain("Call closed", "??");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String newReference() {
        String reference = CallFixtures.uniqueReference();
        references.add(reference);
        return reference;
    }

    private CallForProposals publishedCall(Duration openFor) {
        return publish(CallFixtures.climateCall(newReference(), clock.instant(), openFor));
    }

    private CallForProposals publish(CallDraft draft) {
        calls.create(draft);
        return calls.publish(draft.reference(), "sofia");
    }

    private MockMultipartHttpServletRequestBuilder form(String url, MultiValueMap<String, String> params) {
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        request.params(params).with(officer).with(csrf());
        return request;
    }

    private static MultiValueMap<String, String> params(String... keysAndValues) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    /** A complete flood early-warning proposal of Semarang with Toyama to the call, as the browser posts it with "Submit". */
    private MultiValueMap<String, String> climateProposal(CallForProposals call) {
        var draft = ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock));
        var partner = draft.partners().get(0);
        var result = draft.expectedResults().get(0);
        MultiValueMap<String, String> params = params(
                "callReference", call.getReference(),
                "title", "Flood early warning for river cities Semarang–Toyama",
                "partnershipType", draft.partnershipType().name(),
                "thematicArea", "CLIMATE_DRR",
                "summary", "Hydrologists and disaster officers of both cities build a shared flood early-warning practice.",
                "objectives", draft.objectives(),
                "activities", draft.activities(),
                "startDate", draft.startDate().toString(),
                "endDate", draft.startDate().plusMonths(draft.durationMonths()).toString(),
                "totalBudget", draft.totalBudget().toPlainString(),
                "requestedAmount", draft.requestedAmount().toPlainString(),
                "coFinancing", draft.coFinancing().toPlainString(),
                "partners[0].cityName", partner.cityName(),
                "partners[0].countryCode", partner.countryCode(),
                "partners[0].role", partner.role().name(),
                "partners[0].contactEmail", partner.contactEmail(),
                "expectedResults[0].result", result.result(),
                "expectedResults[0].indicator", result.indicator(),
                "expectedResults[0].target", result.target(),
                "declarationCorrect", "true",
                "declarationAuthorised", "true",
                "submit", "1");
        params.add("sdgs", "11");
        params.add("sdgs", "13");
        return params;
    }
}
