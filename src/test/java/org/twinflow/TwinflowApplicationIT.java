package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinflow.process.ProposalProcess.ELIGIBILITY_DECISION_KEY;
import static org.twinflow.process.ProposalProcess.FOLLOW_UP_PROCESS_KEY;
import static org.twinflow.process.ProposalProcess.PROCESS_KEY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.account.CityRegistrationService;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * The whole application on H2 (profile {@code test}): what is deployed, whether the BPMN follows the
 * conventions staff and code rely on, and whether the REST API is locked down. Shares its context
 * with every other {@code RANDOM_PORT} + {@code test} IT.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TwinflowApplicationIT {

    /** From application-test.yaml. */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-admin-password";

    private static final List<String> PROCESS_KEYS = List.of(PROCESS_KEY, FOLLOW_UP_PROCESS_KEY, CityRegistrationService.PROCESS_KEY);
    private static final Pattern ELEMENT_ID = Pattern.compile(
            "^(StartEvent|EndEvent|Task|Gateway|SequenceFlow|BoundaryEvent|Event|SubProcess|CallActivity|Message)_[A-Z][A-Za-z]+$");
    /** The repository's folders, relative to the Maven base directory (the working directory of failsafe). */
    private static final Path FORMS_FOLDER = Path.of("forms");
    private static final Path PROCESSES_FOLDER = Path.of("processes");

    @LocalServerPort
    private int port;

    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private CityRepository cities;
    @Autowired
    private ProposalService proposals;
    @Autowired
    private Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> throwawayUsers = new ArrayList<>();

    @AfterEach
    void deleteThrowawayUsers() {
        throwawayUsers.forEach(identityService::deleteUser);
    }

    // --- deployment --------------------------------------------------------------------------------

    @Test
    void shouldDeployBothProcessesTheDecisionAndEveryFormInOneDeployment() throws IOException {
        // given the latest definitions
        ProcessDefinition proposal = latestProcessDefinition(PROCESS_KEY);
        ProcessDefinition followUp = latestProcessDefinition(FOLLOW_UP_PROCESS_KEY);
        DecisionDefinition eligibility = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ELIGIBILITY_DECISION_KEY).latestVersion().singleResult();

        // then they come from one deployment
        assertThat(eligibility).as("decision %s deployed", ELIGIBILITY_DECISION_KEY).isNotNull();
        String deploymentId = proposal.getDeploymentId();
        assertThat(followUp.getDeploymentId()).as("deployment of %s", FOLLOW_UP_PROCESS_KEY).isEqualTo(deploymentId);
        assertThat(eligibility.getDeploymentId()).as("deployment of %s", ELIGIBILITY_DECISION_KEY).isEqualTo(deploymentId);

        // and that deployment holds exactly the forms, processes and decisions of the repository's folders
        Set<String> deployed = deployedFileNames(deploymentId);
        assertThat(filter(deployed, ".form")).as("forms deployed with the processes, compared with %s/",
                FORMS_FOLDER).isEqualTo(filesIn(FORMS_FOLDER, ".form")).hasSize(15);
        assertThat(filter(deployed, ".bpmn")).as("BPMN files, compared with %s/", PROCESSES_FOLDER)
                .isEqualTo(filesIn(PROCESSES_FOLDER, ".bpmn"));
        assertThat(filter(deployed, ".dmn")).as("DMN files, compared with %s/", PROCESSES_FOLDER)
                .isEqualTo(filesIn(PROCESSES_FOLDER, ".dmn"));
    }

    @Test
    void shouldResolveEveryFormRefOfEveryUserTaskToAFormOfTheSameDeployment() throws IOException {
        for (String key : PROCESS_KEYS) {
            // given the process and the forms deployed with it
            ProcessDefinition definition = latestProcessDefinition(key);
            Map<String, JsonNode> formsById = deployedForms(definition.getDeploymentId());

            // then each deployed form is form-js JSON of the schema version the 7.24 Tasklist reads, its id its file name
            formsById.forEach((id, form) -> {
                assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of form %s", id).isEqualTo(16);
                assertThat(form.path("components").isArray()).as("components of form %s", id).isTrue();
            });

            // and every user task names one of them, bound to the deployment
            List<UserTask> userTasks = List.copyOf(model(definition).getModelElementsByType(UserTask.class));
            assertThat(userTasks).as("user tasks of %s", key).isNotEmpty();
            for (UserTask task : userTasks) {
                assertThat(task.getCamundaFormRef()).as("camunda:formRef of %s in %s", task.getId(), key)
                        .isNotBlank().isIn(formsById.keySet());
                assertThat(task.getCamundaFormRefBinding()).as("camunda:formRefBinding of %s in %s", task.getId(), key)
                        .isEqualTo("deployment");
            }
        }
    }

    @Test
    void shouldGiveEveryUserTaskItsStaffADueDateAndDocumentation() {
        for (String key : PROCESS_KEYS) {
            for (UserTask task : model(latestProcessDefinition(key)).getModelElementsByType(UserTask.class)) {
                String where = task.getId() + " in " + key;
                assertThat(isSet(task.getCamundaCandidateGroups()) || isSet(task.getCamundaAssignee()))
                        .as("candidate groups or assignee of %s", where).isTrue();
                assertThat(task.getCamundaDueDate()).as("camunda:dueDate of %s", where).isNotBlank();
                assertThat(task.getDocumentations()).as("documentation of %s", where)
                        .extracting(Documentation::getTextContent).anySatisfy(text -> assertThat(text).isNotBlank());
            }
        }
    }

    @Test
    void shouldNameEveryBpmnElementByConvention() {
        for (String key : PROCESS_KEYS) {
            List<String> offending = model(latestProcessDefinition(key)).getModelElementsByType(BaseElement.class).stream()
                    // the process id is its key (kebab-case); timer definitions may keep any id; most expressions have none
                    .filter(e -> !(e instanceof Process) && !(e instanceof TimerEventDefinition) && e.getId() != null)
                    .map(BaseElement::getId)
                    .filter(id -> !ELEMENT_ID.matcher(id).matches())
                    .toList();
            assertThat(offending).as("element ids of %s not matching %s", key, ELEMENT_ID).isEmpty();
        }
    }

    // --- REST API and authorization ----------------------------------------------------------------

    @Test
    void shouldRequireAuthenticationOnTheRestApi() throws Exception {
        // without credentials
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);

        // as the administrator
        HttpResponse<String> definitions = get("/engine-rest/process-definition", ADMIN, ADMIN_PASSWORD);
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(keysOf(definitions)).containsAll(PROCESS_KEYS);
        HttpResponse<String> decisions = get("/engine-rest/decision-definition", ADMIN, ADMIN_PASSWORD);
        assertThat(decisions.statusCode()).isEqualTo(200);
        assertThat(keysOf(decisions)).contains(ELIGIBILITY_DECISION_KEY);

        // with a wrong password (of a throwaway user: failed sign-ins count for that login's throttle,
        // and the shared context still needs the administrator)
        String user = throwawayUser(StaffGroups.SECRETARIAT);
        assertThat(get("/engine-rest/process-definition", user, "not-" + user).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", "nobody-" + user, user).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldLetReviewersSeeTheirTasksButNoProcessInstances() throws Exception {
        // given a submitted proposal, so that there is an instance to hide
        Proposal proposal = submitProposal();
        String reviewer = throwawayUser(StaffGroups.REVIEWERS);

        // when the reviewer asks for tasks and instances
        HttpResponse<String> tasks = get("/engine-rest/task", reviewer, reviewer);
        HttpResponse<String> instances = get("/engine-rest/process-instance/count", reviewer, reviewer);

        // then tasks are open to the reviewer, other people's process instances are not
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(tasks.body()).isArray()).isTrue();
        assertThat(instances.statusCode()).isEqualTo(200);
        assertThat(count(instances)).as("process instances a reviewer can read").isZero();
        HttpResponse<String> asAdmin = get("/engine-rest/process-instance/count?businessKey=" + proposal.getReference(),
                ADMIN, ADMIN_PASSWORD);
        assertThat(count(asAdmin)).as("instances of %s the administrator can read", proposal.getReference()).isEqualTo(1);
        assertThat(count(get("/engine-rest/process-instance/count", ADMIN, ADMIN_PASSWORD))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldRefuseCityAccountsTheRestApi() throws Exception {
        // given a city account and a submitted proposal
        submitProposal();
        String city = throwawayUser(StaffGroups.CITIES);

        // then every REST resource refuses it, even with the right password
        for (String path : List.of("/engine-rest/task/count", "/engine-rest/task", "/engine-rest/process-definition",
                "/engine-rest/process-instance", "/engine-rest/decision-definition", "/engine-rest/deployment",
                "/engine-rest/history/process-instance", "/engine-rest/variable-instance", "/engine-rest/incident",
                "/engine-rest/execution", "/engine-rest/job", "/engine-rest/user")) {
            assertThat(get(path, city, city).statusCode()).as("status of %s for a city account", path).isEqualTo(403);
        }
    }

    @Test
    void shouldCheckAuthorizationsAndRefuseJavaSerialization() throws IOException {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
        assertThat(configuration.isAuthorizationEnabled()).as("authorization checks").isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).as("Java serialization").isFalse();
        // On for the shared filters (${currentUser()}, ${now()}); staff cannot store filters (TasklistFiltersIT), and ad-hoc queries stay plain
        assertThat(configuration.isEnableExpressionsInStoredQueries()).as("expressions in stored queries").isTrue();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).as("expressions in ad-hoc queries").isFalse();

        // and a Java-serialized object, as a client could send it, is refused on a running instance
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitProposal().getReference()).singleResult();
        var javaSerialized = Variables.serializedObjectValue(javaSerialized(new ArrayList<>(List.of("Semarang", "Toyama"))))
                .serializationDataFormat(SerializationDataFormats.JAVA).objectTypeName(ArrayList.class.getName()).create();
        assertThatThrownBy(() -> runtimeService.setVariable(instance.getId(), "cities", javaSerialized))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Java serialization format is prohibited");
        assertThat(runtimeService.getVariable(instance.getId(), "cities")).isNull();
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static String javaSerialized(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private Proposal submitProposal() {
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        return proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
    }

    /** A user in the given group whose password is its id (letters and digits only, as Camunda wants); deleted after the test. */
    private String throwawayUser(String group) {
        String id = "it" + group + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        User user = identityService.newUser(id);
        user.setFirstName("Throwaway");
        user.setLastName(group);
        user.setPassword(id);
        identityService.saveUser(user);
        throwawayUsers.add(id);
        identityService.createMembership(id, group);
        return id;
    }

    private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Set<String> keysOf(HttpResponse<String> response) throws IOException {
        Set<String> keys = new TreeSet<>();
        json.readTree(response.body()).forEach(definition -> keys.add(definition.path("key").asText()));
        return keys;
    }

    private long count(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("status of a count").isEqualTo(200);
        return json.readTree(response.body()).path("count").asLong(-1);
    }

    private ProcessDefinition latestProcessDefinition(String key) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion().singleResult();
        assertThat(definition).as("process %s deployed", key).isNotNull();
        return definition;
    }

    private BpmnModelInstance model(ProcessDefinition definition) {
        return repositoryService.getBpmnModelInstance(definition.getId());
    }

    /** The deployment's resources by file name (resource names may carry a path, depending on how the app runs). */
    private Set<String> deployedFileNames(String deploymentId) {
        return repositoryService.getDeploymentResourceNames(deploymentId).stream()
                .map(TwinflowApplicationIT::fileName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The deployment's forms by their JSON {@code id}, checking that the id is the file's base name. */
    private Map<String, JsonNode> deployedForms(String deploymentId) throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (!resource.endsWith(".form")) {
                continue;
            }
            JsonNode form;
            try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
                form = json.readTree(in);
            }
            String id = form.path("id").asText();
            assertThat(id).as("id of form %s", resource).isEqualTo(fileName(resource).replaceFirst("\\.form$", ""));
            forms.put(id, form);
        }
        return forms;
    }

    private static Set<String> filesIn(Path folder, String suffix) throws IOException {
        assertThat(folder).as("the repository's %s folder (tests run in the Maven base directory)", folder).isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> filter(Set<String> names, String suffix) {
        return names.stream().filter(n -> n.endsWith(suffix)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String fileName(String resourceName) {
        String normalised = resourceName.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
