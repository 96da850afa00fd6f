package org.twinflow.portal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
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
import org.twinflow.call.CallMode;
import org.twinflow.call.CallNotFoundException;
import org.twinflow.call.CallService;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.StaffGroups;

/**
 * Calls for proposals in the portal through MockMvc on the real application: the secretariat creates, checks, publishes,
 * edits and extends calls; other staff and cities may not; the public sees published calls on the landing page and on
 * their own pages, and cities find the way to apply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class CallPagesIT {

    static final RequestPostProcessor SECRETARY = staff("sofia", StaffGroups.SECRETARIAT);

    @Autowired MockMvc mvc;
    @Autowired CallService calls;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    private final List<String> references = new ArrayList<>();

    @AfterEach
    void closeTheCallsOfThisTest() {
        references.forEach(reference -> CallFixtures.closeForGood(jdbc, transactions, reference));
    }

    // --- the secretariat writes a call -----------------------------------------------------------

    @Test
    void shouldOfferANewCallWithTheConfiguredDefaults() throws Exception {
        // when the secretariat opens a new call
        String page = mvc.perform(get("/staff/calls/new").with(SECRETARY))

                // then the form has every field, with the configuration's values and no SDG ticked
                .andExpect(status().isOk())
                .andExpect(view().name(StaffCallFormController.VIEW_CALL_FORM))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"reference\"", "name=\"title\"", "name=\"description\"", "value=\"COMPETITIVE\"",
                "value=\"ROLLING\"", "value=\"CLIMATE_DRR\"", "id=\"sdg-17\"", "name=\"leadCountries\"", "value=\"COUNCIL_RESOLUTION\"",
                "<option value=\"Asia/Jakarta\">", "<option value=\"UTC\" selected=\"selected\">", "type=\"time\"",
                "name=\"currency\" value=\"EUR\"", "name=\"maxFundingSharePercent\" value=\"80\"", "name=\"minDurationMonths\" value=\"6\"",
                "name=\"maxDurationMonths\" value=\"36\"", "name=\"reviewerCount\" value=\"2\"", "name=\"reportingIntervalMonths\" value=\"6\"")
                .doesNotContain("value=\"SIGNED_AGREEMENT\"", "checked=\"checked\"", "??");
    }

    @Test
    void shouldCreateACallWithAllGoalsAndSeveralAreasInItsTimeZone() throws Exception {
        // given a complete call: all seventeen goals, three areas, three lead countries, two documents, in Jakarta time
        String reference = newReference();
        MultiValueMap<String, String> form = validCall(reference);
        IntStream.rangeClosed(1, 17).forEach(n -> form.add("sdgs", String.valueOf(n)));

        // when the secretariat saves it
        mvc.perform(post("/staff/calls/new").params(form).with(SECRETARY).with(csrf()))

                // then it goes to the call's page with a message
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/calls/" + reference))
                .andExpect(flash().attribute("message", containsString("saved as a draft")));

        // and the call is stored as written: dates in Jakarta time (17:00 there is 10:00 UTC), the share as a fraction
        CallForProposals call = calls.byReference(reference);
        assertThat(call.isPublished()).isFalse();
        assertThat(call.getMode()).isEqualTo(CallMode.COMPETITIVE);
        assertThat(call.getThematicAreas()).containsExactlyInAnyOrder(ThematicArea.CLIMATE_DRR, ThematicArea.SDG_LOCALISATION,
                ThematicArea.MOBILITY);
        assertThat(call.getSdgs()).containsExactlyElementsOf(IntStream.rangeClosed(1, 17).boxed().toList());
        assertThat(call.getLeadCountries()).containsExactly("ID", "PH", "TH");
        assertThat(call.getRequiredDocuments()).containsExactlyInAnyOrder(DocumentKind.LETTER_OF_INTENT, DocumentKind.COUNCIL_RESOLUTION);
        assertThat(call.getTimeZone()).isEqualTo(CallFixtures.JAKARTA);
        assertThat(call.getOpensAt()).isEqualTo(LocalDateTime.of(opensDay(), LocalTime.of(9, 0)).atZone(CallFixtures.JAKARTA).toInstant());
        assertThat(call.getClosesAt()).isEqualTo(LocalDateTime.of(closesDay(), LocalTime.of(17, 0)).toInstant(ZoneOffset.ofHours(7)));
        assertThat(call.getMaxFundingShare()).isEqualByComparingTo("0.75");
        assertThat(call.getBudget()).isEqualByComparingTo("400000");
        assertThat(call.getReportingInterval()).isEqualTo(Period.ofMonths(6));

        // and the secretariat's list shows it as a draft, its deadline in both zones, with nothing submitted
        String list = mvc.perform(get("/staff/calls").with(SECRETARY)).andExpect(status().isOk())
                .andExpect(view().name(StaffCallController.VIEW_LIST)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(reference, "Twinning for Climate Resilience", "Competitive", "Draft – not published",
                CallDates.format(call.getClosesAt(), call.getTimeZone()), "17:00 Asia/Jakarta (10:00 UTC)", "400,000 EUR",
                "href=\"/staff/calls/" + reference + "/edit\"").doesNotContain("??");
    }

    static Stream<Arguments> invalidCalls() {
        return Stream.of(
                invalid("closes before it opens", f -> f.set("closesDate", opensDay().minusDays(1).toString()), "closesDate",
                        "The call must close after it opens"),
                invalid("closes in a year no database column of MySQL holds", f -> f.set("closesDate", "2100-01-01"), "closesDate",
                        "A date between the years 2000 and 2037"),
                invalid("budget of zero", f -> f.set("budget", "0"), "budget", "The budget must be more than zero."),
                invalid("budget beyond any column", f -> f.set("budget", "1e2147483647"), "budget",
                        "The budget can be at most 9,999,999,999,999.99."),
                invalid("largest request above the budget", f -> f.set("maxRequestedAmount", "500000"), "maxRequestedAmount",
                        "The largest request cannot be more than the call's budget"),
                invalid("no thematic area", f -> f.remove("thematicAreas"), "thematicAreas", "Choose at least one thematic area."),
                invalid("unknown country code", f -> f.set("leadCountries", "ID, XX"), "leadCountries", "Not an ISO country code: XX."),
                invalid("share above 100 %", f -> f.set("maxFundingSharePercent", "120"), "maxFundingSharePercent",
                        "The funding share can be at most 100 %."),
                invalid("time that is no time", f -> f.set("opensTime", "nine"), "opensTime", "Enter the opening time, for example 09:00."));
    }

    private static Arguments invalid(String name, Consumer<MultiValueMap<String, String>> mistake, String field, String message) {
        return Arguments.of(name, mistake, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void shouldRefuseAnInvalidCallNextToItsFieldKeepWhatWasTypedAndStoreNothing(String name,
            Consumer<MultiValueMap<String, String>> mistake, String field, String message) throws Exception {
        // given a complete call with one mistake
        String reference = newReference();
        MultiValueMap<String, String> form = validCall(reference);
        mistake.accept(form);

        // when the secretariat saves it
        String page = mvc.perform(post("/staff/calls/new").params(form).with(SECRETARY).with(csrf()))

                // then the form comes back with the message at the field and in the summary, as typed
                .andExpect(status().isOk())
                .andExpect(view().name(StaffCallFormController.VIEW_CALL_FORM))
                .andExpect(model().attributeHasFieldErrors(StaffCallFormController.FORM, field))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(message.replace("'", "&#39;"), "href=\"#" + field + "\"", "value=\"" + reference + "\"",
                "value=\"Twinning for Climate Resilience\"", "Cities facing floods and heat");

        // and nothing was stored
        assertThatThrownBy(() -> calls.byReference(reference)).isInstanceOf(CallNotFoundException.class);
    }

    @Test
    void shouldShowAMalformedReferenceAndCurrencyWithTheFormsOtherMistakesAtOnce() throws Exception {
        // given a call with a budget of zero, a reference with a space and a currency sign instead of a code
        MultiValueMap<String, String> form = validCall("bad ref!");
        form.set("budget", "0");
        form.set("currency", "€");

        // when the secretariat saves it, all three are shown, not the budget first and the others on the next try
        mvc.perform(post("/staff/calls/new").params(form).with(SECRETARY).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(StaffCallFormController.FORM, "budget", "reference", "currency"))
                .andExpect(content().string(containsString("Enter a three-letter ISO currency code, such as EUR.")));
    }

    @Test
    void shouldRefuseAReferenceAnotherCallHas() throws Exception {
        mvc.perform(post("/staff/calls/new").params(validCall(CallFixtures.FIRST_CALL_REFERENCE)).with(SECRETARY).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(StaffCallFormController.FORM, "reference"))
                .andExpect(view().name(StaffCallFormController.VIEW_CALL_FORM));
        assertThat(calls.byReference(CallFixtures.FIRST_CALL_REFERENCE).getTitle()).isEqualTo("Open call for partnerships");
    }

    // --- who may -----------------------------------------------------------------------------------

    @Test
    void shouldLetOnlyTheSecretariatChangeCallsAdministratorsLookAndNobodyElse() throws Exception {
        String reference = draftCall();
        List<String> pages = List.of("/staff/calls", "/staff/calls/new", "/staff/calls/" + reference, "/staff/calls/" + reference + "/edit");

        // reviewers, the committee and cities get 403 on every page and every action
        for (RequestPostProcessor outsider : List.of(staff("amara", StaffGroups.REVIEWERS), staff("kofi", StaffGroups.COMMITTEE),
                user("officer").authorities(new SimpleGrantedAuthority(StaffGroups.authority(StaffGroups.CITIES))))) {
            for (String page : pages) {
                mvc.perform(get(page).with(outsider)).andExpect(status().isForbidden());
            }
            mvc.perform(post("/staff/calls/{ref}/publish", reference).with(outsider).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/staff/calls/new").params(validCall(newReference())).with(outsider).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // administrators may look at the list and the call, but not write or publish
        RequestPostProcessor admin = staff("admin1", StaffGroups.ADMINS);
        mvc.perform(get("/staff/calls").with(admin)).andExpect(status().isOk())
                .andExpect(content()
                        .string(not(containsString("href=\"/staff/calls/new\""))));
        mvc.perform(get("/staff/calls/{ref}", reference).with(admin)).andExpect(status().isOk());
        mvc.perform(get("/staff/calls/new").with(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/staff/calls/{ref}/edit", reference).with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/calls/{ref}/publish", reference).with(admin).with(csrf())).andExpect(status().isForbidden());
        // anonymous visitors are sent to sign in
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        }
        assertThat(calls.byReference(reference).isPublished()).isFalse();
    }

    @Test
    void shouldRefusePostsWithoutCsrfToken() throws Exception {
        String reference = draftCall();
        String another = newReference();

        mvc.perform(post("/staff/calls/new").params(validCall(another)).with(SECRETARY)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/calls/{ref}/publish", reference).with(SECRETARY)).andExpect(status().isForbidden());

        assertThatThrownBy(() -> calls.byReference(another)).isInstanceOf(CallNotFoundException.class);
        assertThat(calls.byReference(reference).isPublished()).isFalse();
    }

    // --- publication, changes and extensions ----------------------------------------------------------

    @Test
    void shouldPublishADraftCall() throws Exception {
        // given a draft call open from now for a month
        String reference = draftCall();

        // when the secretariat publishes it on the call's page
        String page = mvc.perform(get("/staff/calls/{ref}", reference).with(SECRETARY)).andExpect(status().isOk())
                .andExpect(view().name(StaffCallController.VIEW_CALL)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("action=\"/staff/calls/" + reference + "/publish\"", "name=\"_csrf\"", "Publish the call")
                .doesNotContain("id=\"extension-form\"");
        mvc.perform(post("/staff/calls/{ref}/publish", reference).with(SECRETARY).with(csrf()))
                .andExpect(redirectedUrl("/staff/calls/" + reference))
                .andExpect(flash().attribute("message", containsString("is published")));

        // then it is published by her, open, and may be extended
        CallForProposals call = calls.byReference(reference);
        assertThat(call.getPublishedBy()).isEqualTo("sofia");
        String published = mvc.perform(get("/staff/calls/{ref}", reference).with(SECRETARY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(published).contains("<strong id=\"call-phase\">Open</strong>", "id=\"extension-form\"", "href=\"/calls/" + reference + "\"")
                .containsPattern("Published</dt>\\s*<dd>[^<]+, by sofia</dd>")
                .doesNotContain("id=\"publish-form\"", "??", "by null");
    }

    @Test
    void shouldRefuseToChangeAPublishedCallOnceAProposalWasSubmittedToIt() throws Exception {
        // given a published call with a proposal submitted to it
        String reference = publishedCall(clock.instant(), Duration.ofDays(30));
        CallForProposals call = calls.byReference(reference);
        Long cityId = cities.save(ProposalFixtures.semarang(clock.instant())).getId();
        proposals.submitNew(climateProposal(call.getId(), cityId), "officer");

        // when the secretariat changes its budget
        MultiValueMap<String, String> form = formOf(call);
        form.set("budget", "500000");
        String page = mvc.perform(post("/staff/calls/{ref}/edit", reference).params(form).with(SECRETARY).with(csrf()))

                // then the form says why, and nothing changed
                .andExpect(status().isOk())
                .andExpect(view().name(StaffCallFormController.VIEW_CALL_FORM))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"error-summary\"", "Proposals have been submitted to " + reference,
                "only its deadline can be extended", "value=\"500000\"");
        assertThat(calls.byReference(reference).getBudget()).isEqualByComparingTo("400000");
        assertThat(calls.submittedProposalCount(call.getId())).isOne();
    }

    @Test
    void shouldLetThePublishedCallsTextChangeWhileNothingIsSubmittedButNotItsDates() throws Exception {
        // given a published call without submissions
        String reference = publishedCall(clock.instant(), Duration.ofDays(30));
        CallForProposals call = calls.byReference(reference);

        // when the secretariat corrects its title and saves the form as shown, then that is stored
        MultiValueMap<String, String> form = formOf(call);
        form.set("title", "Twinning for Climate Resilience and Heat");
        mvc.perform(post("/staff/calls/{ref}/edit", reference).params(form).with(SECRETARY).with(csrf()))
                .andExpect(redirectedUrl("/staff/calls/" + reference));
        assertThat(calls.byReference(reference).getTitle()).isEqualTo("Twinning for Climate Resilience and Heat");
        assertThat(calls.byReference(reference).getOpensAt()).isEqualTo(call.getOpensAt());

        // and when it moves the deadline there, it is told to extend it instead
        form.set("closesDate", call.getClosesAt().atZone(CallFixtures.JAKARTA).toLocalDate().plusDays(3).toString());
        mvc.perform(post("/staff/calls/{ref}/edit", reference).params(form).with(SECRETARY).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("extend its deadline instead")));
        assertThat(calls.byReference(reference).getClosesAt()).isEqualTo(call.getClosesAt());
    }

    @Test
    void shouldExtendTheDeadlineOnlyLaterAndWithAReasonAndListTheExtension() throws Exception {
        // given a published call closing in a month, at 17:00 Jakarta time
        Instant opens = clock.instant();
        String reference = publishedCall(opens, Duration.ofDays(30));
        CallForProposals call = calls.byReference(reference);
        LocalDate deadlineDay = call.getClosesAt().atZone(CallFixtures.JAKARTA).toLocalDate();

        // when the secretariat gives an earlier deadline, then it is refused next to the date
        mvc.perform(post("/staff/calls/{ref}/extensions", reference).with(SECRETARY).with(csrf())
                        .param("closesDate", deadlineDay.minusDays(2).toString()).param("closesTime", "17:00")
                        .param("reason", "Typhoon season"))
                .andExpect(status().isOk())
                .andExpect(view().name(StaffCallController.VIEW_CALL))
                .andExpect(model().attributeHasFieldErrors(StaffCallController.EXTENSION_FORM, "closesDate"))
                .andExpect(content()
                        .string(containsString("The new deadline must be later than the present one")));
        // when it gives a deadline in a year no database column of MySQL holds, then it is refused too
        mvc.perform(post("/staff/calls/{ref}/extensions", reference).with(SECRETARY).with(csrf())
                        .param("closesDate", "+99999-01-01").param("closesTime", "17:00").param("reason", "Typhoon season"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(StaffCallController.EXTENSION_FORM, "closesDate"))
                .andExpect(content().string(containsString("A date between the years 2000 and 2037")));
        // and without a reason, then the reason is asked for
        mvc.perform(post("/staff/calls/{ref}/extensions", reference).with(SECRETARY).with(csrf())
                        .param("closesDate", deadlineDay.plusDays(14).toString()).param("closesTime", "17:00").param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors(StaffCallController.EXTENSION_FORM, "reason"));
        assertThat(calls.byReference(reference).getClosesAt()).isEqualTo(call.getClosesAt());

        // when it extends by two weeks with a reason
        mvc.perform(post("/staff/calls/{ref}/extensions", reference).with(SECRETARY).with(csrf())
                        .param("closesDate", deadlineDay.plusDays(14).toString()).param("closesTime", "17:00")
                        .param("reason", "Floods in Central Java delayed the council sessions."))
                .andExpect(redirectedUrl("/staff/calls/" + reference))
                .andExpect(flash().attribute("message", containsString("The deadline of call " + reference + " is now")));

        // then the new deadline is stored and the extension is recorded and listed, on the staff page with who did it
        Instant newDeadline = LocalDateTime.of(deadlineDay.plusDays(14), LocalTime.of(17, 0)).atZone(CallFixtures.JAKARTA).toInstant();
        CallForProposals extended = calls.byReference(reference);
        assertThat(extended.getClosesAt()).isEqualTo(newDeadline);
        assertThat(calls.extensionsOf(extended.getId())).singleElement().satisfies(e -> {
            assertThat(e.previousClosesAt()).isEqualTo(call.getClosesAt());
            assertThat(e.reason()).isEqualTo("Floods in Central Java delayed the council sessions.");
            assertThat(e.extendedBy()).isEqualTo("sofia");
        });
        String staffPage = mvc.perform(get("/staff/calls/{ref}", reference).with(SECRETARY)).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("Floods in Central Java delayed the council sessions.", "Extended by sofia",
                "From " + CallDates.format(call.getClosesAt(), CallFixtures.JAKARTA) + " to " + CallDates.format(newDeadline, CallFixtures.JAKARTA));
        // and on the public page with the reason, without the staff member's id
        String publicPage = mvc.perform(get("/calls/{ref}", reference)).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("Floods in Central Java delayed the council sessions.", CallDates.format(newDeadline, CallFixtures.JAKARTA))
                .doesNotContain("sofia");
    }

    // --- the public --------------------------------------------------------------------------------

    @Test
    void shouldShowOpenAndComingCallsOnTheLandingPageButNoDraft() throws Exception {
        // given an open call, one opening in ten days and a draft
        Instant now = clock.instant();
        String open = publishedCall(now, Duration.ofDays(20).plusHours(5).plusMinutes(30));
        String coming = publishedCall(now.plus(Duration.ofDays(10)), Duration.ofDays(30));
        String draft = draftCall();
        CallForProposals openCall = calls.byReference(open);

        // when anyone opens the landing page
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // then the open call is listed with its areas, deadline, time left and budget; the coming one with its opening
        assertThat(page).contains("id=\"calls\"", "href=\"/calls/" + open + "\"", openCall.getTitle(),
                "Climate Change Adaptation and Disaster Risk Reduction", "SDGs Localisation",
                "Deadline: " + CallDates.format(openCall.getClosesAt(), CallFixtures.JAKARTA), "20 days and 5 hours left",
                "Budget: 400,000 EUR", "href=\"/calls/" + coming + "\"",
                "Opens: " + CallDates.format(calls.byReference(coming).getOpensAt(), CallFixtures.JAKARTA))
                .doesNotContain(draft, "??");
    }

    @Test
    void shouldShowACallsRulesAndTheWayToApplyToACity() throws Exception {
        // given a published, open call
        String reference = publishedCall(clock.instant(), Duration.ofDays(30));
        CallForProposals call = calls.byReference(reference);
        RequestPostProcessor city = user("officer").authorities(new SimpleGrantedAuthority(StaffGroups.authority(StaffGroups.CITIES)));

        // when a city opens its page
        String page = mvc.perform(get("/calls/{ref}", reference).with(city))
                .andExpect(status().isOk())
                .andExpect(view().name(PublicCallController.VIEW_CALL))
                .andReturn().getResponse().getContentAsString();

        // then it reads every rule in words, and may apply
        assertThat(page).contains(call.getTitle(), "Call for proposals " + reference, "Cities facing floods and heat",
                "Competitive – all proposals are reviewed, then ranked together after the deadline",
                "Climate Change Adaptation and Disaster Risk Reduction", "SDGs Localisation",
                "SDG 11 – Sustainable cities and communities", "SDG 13 – Climate action", "Any country",
                CallDates.format(call.getOpensAt(), CallFixtures.JAKARTA), CallDates.format(call.getClosesAt(), CallFixtures.JAKARTA),
                "400,000 EUR", "150,000 EUR, and at most 80 % of the proposal’s total budget", "6 to 36 months", "Council resolution",
                "href=\"/proposals/new?call=" + reference + "\"", "Apply to this call")
                .doesNotContain("??");
        // and anonymous visitors are asked to sign in instead
        mvc.perform(get("/calls/{ref}", reference))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Sign in with your city’s account to apply"),
                                not(containsString("/proposals/new?call=")))));
    }

    @Test
    void shouldSayWhenACallClosedAndOfferNoWayToApply() throws Exception {
        // given a call that has closed
        String reference = publishedCall(clock.instant(), Duration.ofDays(30));
        CallFixtures.closeForGood(jdbc, transactions, reference);
        CallForProposals closed = calls.byReference(reference);

        // when a city opens its page, then it says when it closed, and nothing to apply
        mvc.perform(get("/calls/{ref}", reference)
                        .with(user("officer").authorities(new SimpleGrantedAuthority(StaffGroups.authority(StaffGroups.CITIES)))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Closed on " + CallDates.format(closed.getClosesAt(), CallFixtures.JAKARTA)),
                        not(containsString("id=\"link-apply\"")))));
    }

    @Test
    void shouldAnswerNotFoundForAnUnpublishedOrUnknownCall() throws Exception {
        String draft = draftCall();

        mvc.perform(get("/calls/{ref}", draft)).andExpect(status().isNotFound());
        mvc.perform(get("/calls/{ref}", "NO-SUCH-CALL")).andExpect(status().isNotFound());
        mvc.perform(get("/staff/calls/{ref}", "NO-SUCH-CALL").with(SECRETARY)).andExpect(status().isNotFound());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static RequestPostProcessor staff(String userId, String group) {
        return user(userId).authorities(new SimpleGrantedAuthority(StaffGroups.authority(group)));
    }

    /** A reference for a call of this test, closed for good after it. */
    private String newReference() {
        String reference = CallFixtures.uniqueReference();
        references.add(reference);
        return reference;
    }

    private String draftCall() {
        return calls.create(CallFixtures.climateCall(newReference(), clock.instant(), Duration.ofDays(30))).getReference();
    }

    private String publishedCall(Instant opensAt, Duration openFor) {
        String reference = calls.create(CallFixtures.climateCall(newReference(), opensAt, openFor)).getReference();
        return calls.publish(reference, "sofia").getReference();
    }

    static LocalDate opensDay() {
        return LocalDate.now(CallFixtures.JAKARTA).plusDays(7);
    }

    static LocalDate closesDay() {
        return opensDay().plusMonths(2);
    }

    /** A complete call as the secretariat types it: three areas, three lead countries, two documents, in Jakarta time. */
    private static MultiValueMap<String, String> validCall(String reference) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("reference", reference);
        form.add("title", "Twinning for Climate Resilience");
        form.add("description", "Cities facing floods and heat learn from each other how to adapt and reduce disaster risk.");
        form.add("mode", "COMPETITIVE");
        form.add("thematicAreas", "CLIMATE_DRR");
        form.add("thematicAreas", "SDG_LOCALISATION");
        form.add("thematicAreas", "MOBILITY");
        form.add("_thematicAreas", "on");
        form.add("_sdgs", "on");
        form.add("leadCountries", "id, ph, TH");
        form.add("requiredDocuments", "LETTER_OF_INTENT");
        form.add("requiredDocuments", "COUNCIL_RESOLUTION");
        form.add("timeZone", "Asia/Jakarta");
        form.add("opensDate", opensDay().toString());
        form.add("opensTime", "09:00");
        form.add("closesDate", closesDay().toString());
        form.add("closesTime", "17:00");
        form.add("currency", "EUR");
        form.add("budget", "400000");
        form.add("maxRequestedAmount", "150000");
        form.add("maxFundingSharePercent", "75");
        form.add("minDurationMonths", "6");
        form.add("maxDurationMonths", "36");
        form.add("reviewerCount", "3");
        form.add("reportingIntervalMonths", "6");
        return form;
    }

    /** The call's edit form as the browser sends it back unchanged. */
    private static MultiValueMap<String, String> formOf(CallForProposals call) {
        CallDraft d = call.toDraft();
        var opens = d.opensAt().atZone(d.timeZone());
        var closes = d.closesAt().atZone(d.timeZone());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("reference", d.reference());
        form.add("title", d.title());
        form.add("description", d.description());
        form.add("mode", d.mode().name());
        d.thematicAreas().forEach(a -> form.add("thematicAreas", a.name()));
        d.sdgs().forEach(n -> form.add("sdgs", String.valueOf(n)));
        d.requiredDocuments().forEach(k -> form.add("requiredDocuments", k.name()));
        form.add("leadCountries", String.join(", ", d.leadCountries()));
        form.add("timeZone", d.timeZone().getId());
        form.add("opensDate", opens.toLocalDate().toString());
        form.add("opensTime", String.format("%02d:%02d", opens.getHour(), opens.getMinute()));
        form.add("closesDate", closes.toLocalDate().toString());
        form.add("closesTime", String.format("%02d:%02d", closes.getHour(), closes.getMinute()));
        form.add("currency", d.currency());
        form.add("budget", d.budget().toPlainString());
        form.add("maxRequestedAmount", d.maxRequestedAmount().toPlainString());
        form.add("maxFundingSharePercent", d.maxFundingShare().movePointRight(2).stripTrailingZeros().toPlainString());
        form.add("minDurationMonths", String.valueOf(d.minDurationMonths()));
        form.add("maxDurationMonths", String.valueOf(d.maxDurationMonths()));
        form.add("reviewerCount", String.valueOf(d.reviewerCount()));
        form.add("reportingIntervalMonths", String.valueOf(d.reportingInterval().toTotalMonths()));
        return form;
    }

    /** The fixture's Semarang–Toyama proposal, as a climate proposal to the given call. */
    private ProposalDraft climateProposal(Long callId, Long cityId) {
        ProposalDraft d = ProposalFixtures.semarangToyamaMobility(cityId, LocalDate.now(clock));
        return new ProposalDraft(callId, d.leadCityId(), d.partnershipType(), ThematicArea.CLIMATE_DRR, "Flood early warning Semarang–Toyama",
                d.summary(), d.objectives(), d.activities(), d.startDate(), d.durationMonths(), d.totalBudget(), d.requestedAmount(),
                d.coFinancing(), "EUR", d.partners(), d.sdgs(), d.expectedResults());
    }
}
