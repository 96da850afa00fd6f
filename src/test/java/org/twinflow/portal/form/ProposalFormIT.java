package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.twinflow.CallFixtures;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentService;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.proposal.Sdg;

/**
 * The proposal form through MockMvc on the real application (H2, engine with the job executor off):
 * new proposal, draft, submission, every validation rule, attachments, isolation, CSRF, escaping,
 * unverified cities, submitted proposals and revisions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ProposalFormIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired DocumentService documents;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    City city;
    RequestPostProcessor officer;

    @BeforeEach
    void signInAnOfficerOfANewVerifiedCity() {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        officer = officerOf(city);
    }

    // --- rendering -------------------------------------------------------------------------------

    @Test
    void shouldShowTheNewProposalFormWithEverySectionAndAllSeventeenGoals() throws Exception {
        // when the officer opens a new proposal
        var page = mvc.perform(get(CallFixtures.NEW_PROPOSAL_FORM).with(officer))

                // then the form is shown, empty but for one row to type in, with the city as applicant
                .andExpect(status().isOk())
                .andExpect(view().name(ProposalFormController.VIEW_PROPOSAL_FORM))
                .andExpect(model().attributeExists("proposalForm"))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("<dd>Semarang</dd>")))
                .andExpect(content().string(containsString("<dd>Indonesia</dd>")))
                .andExpect(content().string(containsString("<label for=\"title\">Title of the proposal (required)</label>")))
                .andExpect(content().string(containsString("maxlength=\"300\"")))
                .andExpect(content().string(containsString("<label for=\"partners0.cityName\">")))
                .andExpect(content().string(containsString("<option value=\"JP\">Japan</option>")))
                .andExpect(content().string(containsString("type=\"date\"")))
                .andExpect(content().string(containsString("accept=\"application/pdf\"")))
                .andExpect(content().string(containsString("name=\"addPartner\"")))
                .andExpect(content().string(containsString("Sustainable Mobility")))
                .andReturn().getResponse().getContentAsString();
        ProposalForm form = (ProposalForm) mvc.perform(get(CallFixtures.NEW_PROPOSAL_FORM).with(officer)).andReturn().getModelAndView().getModel().get("proposalForm");
        assertThat(form.getPartners()).hasSize(1);
        // and every SDG is a checkbox labelled with its number and name
        IntStream.rangeClosed(Sdg.FIRST, Sdg.LAST).forEach(n -> {
            assertThat(page).contains("<label for=\"sdg-" + n + "\">SDG " + n + " – " + Sdg.name(n) + "</label>");
            assertThat(page).contains("id=\"sdg-" + n + "\"");
        });
        // and no raw message key leaked
        assertThat(page).doesNotContain("??");
    }

    // --- draft -----------------------------------------------------------------------------------

    @Test
    void shouldSaveADraftWithOnlyATitleAndShowItAgain() throws Exception {
        // when the officer saves a draft with nothing but a title
        String editUrl = mvc.perform(form("/proposals/new", params("title", "Flood early warning with Da Nang", "save", "1")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/proposals/TW-*/edit"))
                .andExpect(flash().attribute("message", containsString("saved")))
                .andReturn().getResponse().getRedirectedUrl();

        // then it is a draft of the city, and coming back shows the title
        String reference = referenceIn(editUrl);
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(proposals.byReference(reference).getLeadCityId()).isEqualTo(city.getId());
        mvc.perform(get(editUrl).with(officer))
                .andExpect(status().isOk())
                .andExpect(model().attribute("proposalForm", org.hamcrest.Matchers.hasProperty("title",
                        org.hamcrest.Matchers.is("Flood early warning with Da Nang"))))
                .andExpect(content().string(containsString("value=\"Flood early warning with Da Nang\"")));

        // and when more is saved later, everything typed comes back
        MultiValueMap<String, String> more = validParams();
        more.remove("submit");
        more.add("save", "1");
        mvc.perform(form(editUrl, more)).andExpect(redirectedUrl(editUrl));
        Proposal saved = proposals.byReference(reference);
        assertThat(saved.getTitle()).isEqualTo(more.getFirst("title"));
        assertThat(saved.getDurationMonths()).isEqualTo(18);
        assertThat(saved.getPartners()).singleElement().satisfies(p -> assertThat(p.cityName()).isEqualTo("Toyama"));
        assertThat(saved.sdgNumbers()).containsExactly(11, 13);
        ProposalForm shown = (ProposalForm) mvc.perform(get(editUrl).with(officer)).andReturn().getModelAndView().getModel().get("proposalForm");
        assertThat(shown.getEndDate()).isEqualTo(LocalDate.parse(more.getFirst("endDate")));
        assertThat(shown.getExpectedResults()).singleElement().satisfies(r -> assertThat(r.getIndicator()).isEqualTo("Officials trained"));
    }

    @Test
    void shouldAddAndRemovePartnerRowsWithoutJavaScriptKeepingWhatWasTyped() throws Exception {
        // given a form with one partner typed in, when "add a partner city" is pressed
        MultiValueMap<String, String> typed = params("title", "Three-city heritage exchange", "partners[0].cityName", "Toyama",
                "partners[0].countryCode", "JP", "partners[0].role", "CO_LEAD", "addPartner", "1");
        ProposalForm shown = (ProposalForm) mvc.perform(form("/proposals/new", typed))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"partners1.cityName\">")))
                // and the row buttons bring the officer back to the rows, not to the top of the page
                .andExpect(content().string(containsString("#partners\"")))
                .andReturn().getModelAndView().getModel().get("proposalForm");

        // then a second, empty row is shown and nothing was stored
        assertThat(shown.getPartners()).hasSize(2);
        assertThat(shown.getPartners().get(0).getCityName()).isEqualTo("Toyama");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();

        // and removing the first row leaves the other one
        typed.remove("addPartner");
        typed.add("partners[1].cityName", "Hue");
        typed.add("removePartner", "0");
        shown = (ProposalForm) mvc.perform(form("/proposals/new", typed)).andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("proposalForm");
        assertThat(shown.getPartners()).extracting(ProposalForm.PartnerRow::getCityName).containsExactly("Hue");
    }

    // --- submission ------------------------------------------------------------------------------

    @Test
    void shouldSubmitACompleteProposalWithItsAttachmentAndStartTheProcess() throws Exception {
        // when the officer submits a complete proposal with a letter of intent
        String proposalUrl = mvc.perform(form("/proposals/new", validParams())
                        .file(new MockMultipartFile("letterOfIntent", "letter-of-intent.pdf", "application/pdf", PDF)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/proposals/TW-*"))
                .andExpect(flash().attribute("message", containsString("submitted")))
                .andReturn().getResponse().getRedirectedUrl();

        // then it is submitted, its process runs, and the attachment is stored with it
        String reference = proposalUrl.substring("/proposals/".length());
        Proposal submitted = proposals.byReference(reference);
        assertThat(submitted.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(submitted.getCurrency()).isEqualTo("EUR");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count()).isOne();
        assertThat(documents.documentsOf(submitted.getId())).extracting(DocumentInfo::kind, DocumentInfo::fileName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentKind.LETTER_OF_INTENT, "letter-of-intent.pdf"));
        Jobs.runAsync(managementService);
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
    }

    static Stream<Arguments> invalidInput() {
        return Stream.of(
                invalid("empty title", p -> p.set("title", " "), "title", "NotBlank", "Enter a title for the proposal."),
                invalid("title too long", p -> p.set("title", "x".repeat(301)), "title", "Size", "at most 300 characters"),
                invalid("negative amount", p -> p.set("coFinancing", "-5"), "coFinancing", "DecimalMin", "cannot be negative"),
                invalid("absurd amount", p -> p.set("totalBudget", "1000000000000"), "totalBudget", "DecimalMax", "999,999,999"),
                invalid("not a number", p -> p.set("totalBudget", "lots"), "totalBudget", "typeMismatch", "as a number"),
                invalid("budget does not add up", p -> p.set("coFinancing", "50000"), "totalBudget", "BudgetSum", "add up"),
                invalid("end before start", p -> p.set("endDate", LocalDate.parse(p.getFirst("startDate")).minusDays(1).toString()),
                        "endDate", "AfterStart", "after the start date"),
                invalid("end on start", p -> p.set("endDate", p.getFirst("startDate")), "endDate", "AfterStart", "after the start date"),
                invalid("unknown SDG 18", p -> p.add("sdgs", "18"), "sdgs", "Sdg", "1 to 17"),
                invalid("no partner", p -> p.keySet().removeIf(k -> k.startsWith("partners")), "partners", "NotEmpty", "at least one partner"),
                invalid("unknown country", p -> p.set("partners[0].countryCode", "XX"), "partners[0].countryCode", "Country", "from the list"),
                invalid("missing declaration", p -> p.remove("declarationCorrect"), "declarationCorrect", "AssertTrue",
                        "information is correct"),
                invalid("invalid e-mail", p -> p.set("partners[0].contactEmail", "toyama at example"), "partners[0].contactEmail", "Email",
                        "e-mail address like"),
                invalid("no thematic area", p -> p.remove("thematicArea"), "thematicArea", "NotNull", "Choose the thematic area."));
    }

    private static Arguments invalid(String name, Consumer<MultiValueMap<String, String>> change, String field, String code, String text) {
        return Arguments.of(name, change, field, code, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInput")
    void shouldRefuseInvalidInputNextToItsFieldKeepWhatWasTypedAndStoreNothing(String name, Consumer<MultiValueMap<String, String>> change,
            String field, String code, String text) throws Exception {
        // given a complete proposal with one mistake
        MultiValueMap<String, String> params = validParams();
        change.accept(params);

        // when it is submitted
        String page = mvc.perform(form("/proposals/new", params))

                // then the form comes back with the error at the field and in the summary, in the bundle's words
                .andExpect(status().isOk())
                .andExpect(view().name(ProposalFormController.VIEW_PROPOSAL_FORM))
                .andExpect(model().attributeHasFieldErrorCode("proposalForm", field, code))
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#" + field.replace("[", "").replace("]", "") + "\"")))
                .andExpect(content().string(containsString("id=\"" + field.replace("[", "").replace("]", "") + "-error\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(text);
        // and what was typed is still there
        if (!"title".equals(field)) {
            assertThat(page).contains("value=\"Light rail and compact city planning exchange Semarang&ndash;Toyama\"");
        }
        // and nothing was stored or submitted
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldListTheErrorsInTheSummaryInTheOrderOfTheFieldsOnThePageEveryTime() throws Exception {
        // given a proposal with mistakes all over the form: a conversion error, Bean Validation in both groups,
        // a second partner row begun but not finished, and cross-field rules (dates)
        MultiValueMap<String, String> params = validParams();
        params.set("title", " ");
        params.set("partners[0].contactEmail", "toyama at example");
        params.add("partners[1].cityName", "Huế");
        params.remove("thematicArea");
        params.set("summary", "");
        params.set("endDate", LocalDate.parse(params.getFirst("startDate")).minusDays(1).toString());
        params.set("expectedResults[0].target", "");
        params.set("totalBudget", "lots");
        params.set("coFinancing", "-5");
        params.remove("declarationAuthorised");

        // when it is submitted twice
        String first = mvc.perform(form("/proposals/new", params)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(form("/proposals/new", params)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // then the summary links to the fields from the top of the form to the bottom, rows in row order, declarations last
        List<String> summary = summaryLinks(first);
        assertThat(summary).containsExactly("title", "partners0.contactEmail", "partners1.countryCode", "partners1.contactEmail",
                "thematicArea", "summary", "endDate", "expectedResults0.target", "totalBudget", "coFinancing", "declarationAuthorised");
        int summaryEnd = first.indexOf("</ul>", first.indexOf("id=\"error-summary\""));
        int previous = summaryEnd;
        for (String anchor : summary) {
            int target = first.indexOf("id=\"" + anchor + "\"", summaryEnd);
            assertThat(target).as("#%s after the field before it in the summary", anchor).isGreaterThan(previous);
            previous = target;
        }
        // and the second time it is the same summary with the same messages
        assertThat(summaryItems(second)).isEqualTo(summaryItems(first));
    }

    @Test
    void shouldRefuseANonPdfNamedPdfWithItsMessageAndStoreNothing() throws Exception {
        // when a text file named .pdf comes with a draft
        String page = mvc.perform(form("/proposals/new", params("title", "Waste to energy in Cebu", "save", "1"))
                        .file(new MockMultipartFile("councilResolution", "resolution.pdf", "application/pdf", "Just text".getBytes(StandardCharsets.UTF_8))))

                // then the form says so at the file input, and neither the draft nor the file was stored
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("proposalForm", "councilResolution", "proposalForm.document.notPdf"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The file resolution.pdf is not a PDF document.").contains("href=\"#councilResolution\"");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldRefuseAFileOverTenMegabytesAndKeepTheDraftAsItWas() throws Exception {
        // given a saved draft
        String editUrl = saveDraft("Coastal resilience with Iloilo");
        String reference = referenceIn(editUrl);

        // when a PDF over 10 MB is sent with a new title (MockMvc does not apply the container's limit, the application's own does)
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        mvc.perform(form(editUrl, params("title", "Renamed", "save", "1"))
                        .file(new MockMultipartFile("letterOfIntent", "big.pdf", "application/pdf", large)))

                // then the form says so, and nothing of the save was stored
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("proposalForm", "letterOfIntent", "proposalForm.document.tooLarge"))
                .andExpect(content().string(containsString("The file big.pdf is larger than 10 MB")));
        assertThat(proposals.byReference(reference).getTitle()).isEqualTo("Coastal resilience with Iloilo");
        assertThat(documents.documentsOf(proposals.byReference(reference).getId())).isEmpty();
    }

    @Test
    void shouldLetAnUnverifiedCitySaveButNotSubmit() throws Exception {
        // given an officer of a city the secretariat has not verified yet
        City pending = cities.save(new City("Battambang", "KH", "Battambang", LocalGovernmentType.MUNICIPALITY, 250_000L,
                "Sokha Chan", "city@battambang.example", clock.instant()));
        RequestPostProcessor pendingOfficer = officerOf(pending);

        // when it saves a draft, then that works
        mvc.perform(form("/proposals/new", params("title", "Heritage tourism with Luang Prabang", "save", "1")).with(pendingOfficer))
                .andExpect(status().is3xxRedirection());
        assertThat(proposals.proposalsOf(pending.getId())).singleElement()
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo(ProposalStatus.DRAFT));

        // and when it submits a complete proposal, it is told why it cannot, and nothing is submitted
        mvc.perform(get(CallFixtures.NEW_PROPOSAL_FORM).with(pendingOfficer))
                .andExpect(content().string(containsString("has not yet verified your city’s account")));
        mvc.perform(form("/proposals/new", validParams()).with(pendingOfficer))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("proposalForm"))
                .andExpect(content().string(containsString("cannot be submitted. You can save it as a draft now")));
        assertThat(proposals.proposalsOf(pending.getId())).singleElement()
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo(ProposalStatus.DRAFT));
    }

    // --- isolation and safety --------------------------------------------------------------------

    @Test
    void shouldAnswerNotFoundToAnotherCitysOfficerAndForbidStaff() throws Exception {
        // given a draft of the city
        String editUrl = saveDraft("Bus rapid transit with Curitiba");
        City other = cities.save(new City("Toyama", "JP", "Toyama", LocalGovernmentType.MUNICIPALITY, 410_000L, "Kenji Sato",
                "international@toyama.example", clock.instant()).verifiedBySecretariat(clock.instant()));
        RequestPostProcessor otherOfficer = officerOf(other);

        // when another city's officer opens or posts it, then 404 and nothing changes
        mvc.perform(get(editUrl).with(otherOfficer)).andExpect(status().isNotFound());
        mvc.perform(form(editUrl, params("title", "Taken over", "save", "1")).with(otherOfficer)).andExpect(status().isNotFound());
        assertThat(proposals.byReference(referenceIn(editUrl)).getTitle()).isEqualTo("Bus rapid transit with Curitiba");
        // and an unknown reference is just as unknown
        mvc.perform(get("/proposals/TW-1999-9999/edit").with(officer)).andExpect(status().isNotFound());

        // and staff may not use the city pages at all
        mvc.perform(get("/proposals/new").with(user("secretary").authorities(new SimpleGrantedAuthority("GROUP_secretariat"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldRefuseAPostWithoutCsrfToken() throws Exception {
        // when the form is posted without the token
        mvc.perform(multipart("/proposals/new").params(params("title", "Forged", "save", "1")).with(officer))

                // then it is refused and nothing stored
                .andExpect(status().isForbidden());
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldShowAScriptInTheTitleAsText() throws Exception {
        // given a draft whose title is a script
        String editUrl = saveDraft("<script>alert(1)</script>");

        // when the form is shown, then the title is escaped
        mvc.perform(get(editUrl).with(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    // --- submitted proposals and revisions -------------------------------------------------------

    @Test
    void shouldNotEditASubmittedProposal() throws Exception {
        // given a submitted proposal
        Proposal submitted = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "semarang");
        String editUrl = "/proposals/" + submitted.getReference() + "/edit";

        // when the officer opens or posts its edit form, then it goes to the proposal page with a warning
        mvc.perform(get(editUrl).with(officer))
                .andExpect(redirectedUrl("/proposals/" + submitted.getReference()))
                .andExpect(flash().attribute("warning", containsString("can no longer be changed")));
        mvc.perform(form(editUrl, params("title", "Changed after submission", "save", "1")))
                .andExpect(redirectedUrl("/proposals/" + submitted.getReference()))
                .andExpect(flash().attribute("warning", containsString("can no longer be changed")));
        assertThat(proposals.byReference(submitted.getReference()).getTitle()).isEqualTo(submitted.getTitle());
    }

    @Test
    void shouldSubmitARevisionThroughTheEditFormWhenTheProcessWaitsForIt() throws Exception {
        // given a proposal the committee returned for revision: the process waits at Task_AwaitRevision
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(managementService);
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getReference())
                .singleResult().getId();
        runtimeService.createProcessInstanceModification(instanceId)
                .cancelAllForActivity(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL)
                .startBeforeActivity(ProposalProcess.Elements.TASK_AWAIT_REVISION)
                // what the "return for revision" flow sets before the wait (RevisionDeadlines)
                .setVariable(ProposalProcess.Vars.REVISION_DUE_AT, Date.from(clock.instant().plus(Duration.ofDays(30))))
                .execute();
        proposals.moveTo(proposal.getId(), ProposalStatus.REVISION_REQUESTED);
        String editUrl = "/proposals/" + proposal.getReference() + "/edit";

        // when the officer opens the edit form, then it is prefilled, without "save as draft"
        mvc.perform(get(editUrl).with(officer))
                .andExpect(status().isOk())
                .andExpect(model().attribute("revision", true))
                .andExpect(content().string(containsString("value=\"Light rail and compact city planning exchange Semarang&ndash;Toyama\"")))
                .andExpect(content().string(containsString("readonly")))
                .andExpect(content().string(containsString("cannot be saved as a draft")))
                .andExpect(content().string(not(containsString("name=\"save\""))));

        // and when the revised proposal is submitted
        MultiValueMap<String, String> revised = validParams();
        revised.set("title", proposal.getTitle());
        revised.set("summary", "Revised: the pilot feeder-bus route now serves two districts.");
        mvc.perform(form(editUrl, revised))
                .andExpect(redirectedUrl("/proposals/" + proposal.getReference()))
                .andExpect(flash().attribute("message", containsString("revised proposal")));

        // then the revision is stored and the process went on to screening
        Jobs.runAsync(managementService);
        Proposal reloaded = proposals.byReference(proposal.getReference());
        assertThat(reloaded.getSummary()).startsWith("Revised:");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getReference())
                .activityIdIn(ProposalProcess.Elements.TASK_AWAIT_REVISION).count()).isZero();
        assertThat(reloaded.getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
    }

    @Test
    void shouldWarnWhenARevisionIsNoLongerAwaited() throws Exception {
        // given a proposal marked as returned for revision whose process does not (any more) wait for one
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(managementService);
        proposals.moveTo(proposal.getId(), ProposalStatus.REVISION_REQUESTED);

        // when the officer submits a revision, then a clear warning and nothing changed
        MultiValueMap<String, String> revised = validParams();
        revised.set("summary", "A revision nobody waits for");
        mvc.perform(form("/proposals/" + proposal.getReference() + "/edit", revised))
                .andExpect(redirectedUrl("/proposals/" + proposal.getReference()))
                .andExpect(flash().attribute("warning", containsString("not waiting for a revision")));
        assertThat(proposals.byReference(proposal.getReference()).getSummary()).doesNotStartWith("A revision nobody");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private RequestPostProcessor officerOf(City officersCity) {
        String userId = "officer-" + UUID.randomUUID();
        cityAccounts.link(userId, officersCity.getId());
        return user(userId).authorities(new SimpleGrantedAuthority("GROUP_cities"));
    }

    /** The form posted as the browser posts it, with the call it carries in a hidden field (the first call's, unless the test names one). */
    private MockMultipartHttpServletRequestBuilder form(String url, MultiValueMap<String, String> params) {
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        request.params(params).with(officer).with(csrf());
        if (!params.containsKey("callReference")) {
            request.param("callReference", CallFixtures.FIRST_CALL_REFERENCE);
        }
        return request;
    }

    private String saveDraft(String title) throws Exception {
        return mvc.perform(form("/proposals/new", params("title", title, "save", "1")))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static final Pattern SUMMARY_LINK = Pattern.compile("<a href=\"#([^\"]+)\">([^<]*)</a>");

    /** The anchors the error summary links to, top to bottom. */
    private static List<String> summaryLinks(String page) {
        return summaryItems(page).stream().map(item -> item.substring(0, item.indexOf(' '))).toList();
    }

    /** "anchor message" for each entry of the error summary. */
    private static List<String> summaryItems(String page) {
        int start = page.indexOf("id=\"error-summary\"");
        assertThat(start).as("error summary").isPositive();
        Matcher links = SUMMARY_LINK.matcher(page.substring(start, page.indexOf("</ul>", start)));
        List<String> items = new ArrayList<>();
        while (links.find()) {
            items.add(links.group(1) + " " + links.group(2));
        }
        return items;
    }

    private static String referenceIn(String editUrl) {
        return editUrl.substring("/proposals/".length(), editUrl.length() - "/edit".length());
    }

    private static MultiValueMap<String, String> params(String... keysAndValues) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    /** The fixture's complete Semarang–Toyama proposal as the browser would post it with "Submit". */
    private MultiValueMap<String, String> validParams() {
        var draft = ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock));
        var partner = draft.partners().get(0);
        var result = draft.expectedResults().get(0);
        MultiValueMap<String, String> params = params(
                "title", draft.title(),
                "partnershipType", draft.partnershipType().name(),
                "thematicArea", draft.thematicArea().name(),
                "summary", draft.summary(),
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
        draft.sdgs().forEach(n -> params.add("sdgs", String.valueOf(n)));
        return params;
    }
}
