package org.twinflow.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.VerificationStatus;
import org.twinflow.proposal.CityNotVerifiedException;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * A city registers itself and its officer; it can sign in at once, but submit only once the
 * secretariat has verified it through the {@code city-registration} process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistrationIT {

    static final String PASSWORD = "Pune-twinning-2027";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired CityAccounts cityAccounts;
    @Autowired CityRepository cities;
    @Autowired ProposalService proposals;
    @Autowired Clock clock;

    @Test
    void shouldShowTheRegistrationFormWithCountriesAndTypes() throws Exception {
        mvc.perform(get("/register"))
                .andExpect(status().isOk())
                .andExpect(view().name(RegistrationController.VIEW_REGISTRATION_FORM))
                .andExpect(content().string(Matchers.containsString("<option value=\"IN\">India</option>")))
                .andExpect(content().string(Matchers.containsString("Association of local governments")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("for=\"email\"")));
    }

    @Test
    void shouldMarkTheRequiredFieldsInTheirLabelsAsTheProposalFormDoes() throws Exception {
        String page = mvc.perform(get("/register")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // the fields a city must fill in say so in their label, like "Title of the proposal (required)"
        assertThat(page).contains("Fields marked as required must be filled in before you register.",
                "<label for=\"firstName\">First name (required)</label>",
                "<label for=\"lastName\">Last name (required)</label>",
                "<label for=\"email\">Work e-mail address (required)</label>",
                "<label for=\"password\">Password (required)</label>",
                "<label for=\"passwordConfirmation\">Repeat the password (required)</label>",
                "<label for=\"cityName\">Name of the city, local government or association (required)</label>",
                "<label for=\"countryCode\">Country (required)</label>",
                "<label for=\"governmentType\">Type of local government (required)</label>",
                "<label for=\"legalRepresentative\">Legal representative (required)</label>");
        // and the optional ones do not
        assertThat(page).contains("<label for=\"region\">Region or province</label>", "<label for=\"population\">Population</label>",
                "<label for=\"website\">Website</label>", "<label for=\"contactPhone\">Telephone</label>");
        // and every marked field is a required input, every unmarked one is not
        for (String required : List.of("firstName", "lastName", "email", "password", "passwordConfirmation", "cityName", "legalRepresentative")) {
            assertThat(inputTag(page, required)).as(required).contains(" required");
        }
        for (String optional : List.of("region", "population", "website", "contactPhone")) {
            assertThat(inputTag(page, optional)).as(optional).doesNotContain(" required");
        }
    }

    @Test
    void shouldRegisterACityThatSignsInAtOnceButSubmitsOnlyOnceVerified() throws Exception {
        // when a city registers
        String email = unique("officer") + "@pune.example";
        mvc.perform(register(email, "पुणे (Pune)"))
                .andExpect(redirectedUrl("/login?registered"));

        // then its officer signs in with the e-mail address and is told verification is pending
        String userId = identityService.createUserQuery().userEmail(email).singleResult().getId();
        assertThat(identityService.createGroupQuery().groupMember(userId).singleResult().getId()).isEqualTo(StaffGroups.CITIES);
        mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(authenticated().withUsername(userId));
        City city = cityAccounts.requireCityOf(userId);
        assertThat(city.getName()).isEqualTo("पुणे (Pune)");
        assertThat(city.getVerificationStatus()).isEqualTo(VerificationStatus.PENDING);
        assertThat(city.getLegalRepresentative()).isEqualTo("Mayor Asha Kulkarni");

        // and may draft, but not submit
        Proposal draft = proposals.createDraft(ProposalFixtures.mobilityProposal(city.getId(), LocalDate.now(clock),
                "Pune–Toyama light rail exchange", java.util.List.of(ProposalFixtures.toyama())));
        assertThatThrownBy(() -> proposals.submit(draft.getReference(), userId)).isInstanceOf(CityNotVerifiedException.class);

        // when the secretariat verifies the city in its task
        Task verification = taskService.createTaskQuery().processInstanceBusinessKey("CITY-" + city.getId()).singleResult();
        assertThat(verification.getTaskDefinitionKey()).isEqualTo("Task_VerifyCity");
        assertThat(taskService.getIdentityLinksForTask(verification.getId())).anyMatch(link -> StaffGroups.SECRETARIAT.equals(link.getGroupId()));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) taskService.getVariable(verification.getId(), "city");
        assertThat(shown).containsEntry("name", "पुणे (Pune)").containsEntry("country", "India").containsEntry("officerEmail", email);
        taskService.complete(verification.getId(), Map.of("cityVerification", "approve"));

        // then the city may submit
        assertThat(cities.findById(city.getId()).orElseThrow().getVerificationStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(proposals.submit(draft.getReference(), userId).getSubmittedAt()).isNotNull();
    }

    @Test
    void shouldShowTheRejectionReasonToTheOfficer() throws Exception {
        // given a registered city that the secretariat rejects
        String email = unique("fake") + "@nowhere.example";
        mvc.perform(register(email)).andExpect(redirectedUrl("/login?registered"));
        String userId = identityService.createUserQuery().userEmail(email).singleResult().getId();
        City city = cityAccounts.requireCityOf(userId);
        Task verification = taskService.createTaskQuery().processInstanceBusinessKey("CITY-" + city.getId()).singleResult();
        taskService.complete(verification.getId(), Map.of("cityVerification", "reject",
                "verificationNote", "We found no local government of this name."));

        // when the officer opens a page, then the reason is shown
        mvc.perform(get("/login").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(userId)))
                .andExpect(content().string(Matchers.containsString("We found no local government of this name.")));
    }

    @Test
    void shouldRegisterAnOfficerWhoseNamesAreBothAsLongAsTheFormTakes() throws Exception {
        // when a city registers with a first and a last name of 100 characters each, the most the form takes
        String email = unique("longname") + "@pune.example";
        String first = "Asha" + "a".repeat(96);
        String last = "Kulkarni" + "i".repeat(92);
        mvc.perform(register(email, "Pune", first, last))
                .andExpect(redirectedUrl("/login?registered"));

        // then the city keeps the whole name of its contact
        String userId = identityService.createUserQuery().userEmail(email).singleResult().getId();
        assertThat(cityAccounts.requireCityOf(userId).getContactName()).isEqualTo(first + " " + last);
    }

    @Test
    void shouldRefuseAnEmailThatAlreadyHasAnAccountAndCreateNothing() throws Exception {
        // given an account with this e-mail address
        String email = unique("taken") + "@pune.example";
        mvc.perform(register(email)).andExpect(redirectedUrl("/login?registered"));
        long users = identityService.createUserQuery().count();
        long cityCount = cities.count();

        // when someone registers with it again (in other case)
        mvc.perform(register(email.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("registration", "email", "registration.email.taken"))
                .andExpect(content().string(Matchers.containsString("This e-mail address already has an account")));

        // then nothing more is stored
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(cities.count()).isEqualTo(cityCount);
    }

    @Test
    void shouldShowEachErrorNextToItsFieldKeepWhatWasTypedAndStoreNothing() throws Exception {
        long users = identityService.createUserQuery().count();
        String page = mvc.perform(post("/register").with(csrf())
                        .param("firstName", "").param("lastName", "Kulkarni").param("email", "not-an-address")
                        .param("password", "short").param("passwordConfirmation", "short")
                        .param("cityName", "<script>alert(1)</script>").param("countryCode", "XX").param("governmentType", "")
                        .param("population", "-5").param("website", "pune.gov.in").param("legalRepresentative", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("registration", "firstName", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "email", "Email"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "password", "Size"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "countryCode", "Pattern.registration.countryCode"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "governmentType", "NotNull"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "population", "Min"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "website", "Pattern"))
                .andExpect(model().attributeHasFieldErrorCode("registration", "legalRepresentative", "NotBlank"))
                .andExpect(content().string(Matchers.containsString("class=\"error-summary\"")))
                .andExpect(content().string(Matchers.containsString("href=\"#website\"")))
                .andExpect(content().string(Matchers.containsString("Enter the full address, starting with http:// or https://.")))
                .andExpect(content().string(Matchers.containsString("value=\"Kulkarni\"")))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"short\""))))
                .andReturn().getResponse().getContentAsString();
        // and the summary lists them in the order of the form, whichever check found them (the country is checked after Bean Validation)
        int summary = page.indexOf("class=\"error-summary\"");
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(page.substring(summary, page.indexOf("</ul>", summary)));
        List<String> anchors = new ArrayList<>();
        while (links.find()) {
            anchors.add(links.group(1));
        }
        assertThat(anchors).containsExactly("firstName", "email", "password", "countryCode", "governmentType", "population", "website",
                "legalRepresentative");
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void shouldRefuseDifferentPasswords() throws Exception {
        mvc.perform(register(unique("typo") + "@pune.example").param("passwordConfirmation", PASSWORD + "!"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("registration", "passwordConfirmation",
                        "registration.passwordConfirmation.mismatch"));
    }

    @Test
    void shouldRefuseARegistrationWithoutCsrfToken() throws Exception {
        String email = unique("csrf") + "@pune.example";
        MockHttpServletRequestBuilder withoutToken = post("/register").param("email", email).param("firstName", "A");
        mvc.perform(withoutToken).andExpect(status().isForbidden());
        assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();
    }

    private MockHttpServletRequestBuilder register(String email) {
        return register(email, "Pune");
    }

    private MockHttpServletRequestBuilder register(String email, String cityName) {
        return register(email, cityName, "Asha", "Kulkarni");
    }

    private MockHttpServletRequestBuilder register(String email, String cityName, String firstName, String lastName) {
        return post("/register").with(csrf())
                .param("firstName", firstName).param("lastName", lastName).param("email", email)
                .param("password", PASSWORD).param("passwordConfirmation", PASSWORD)
                .param("cityName", cityName).param("countryCode", "IN").param("region", "Maharashtra")
                .param("governmentType", "MUNICIPALITY").param("population", "7400000")
                .param("website", "https://www.pmc.gov.in").param("legalRepresentative", "Mayor Asha Kulkarni")
                .param("contactPhone", "+91 20 2550 1000");
    }

    /** The {@code <input ...>} tag with this id. */
    private static String inputTag(String page, String id) {
        Matcher input = Pattern.compile("<input [^>]*id=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(input.find()).as("input #%s", id).isTrue();
        return input.group();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
