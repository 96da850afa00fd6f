package org.twinflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.twinflow.account.CityVerification;
import org.twinflow.approval.Decision;
import org.twinflow.followup.AgreementVerification;
import org.twinflow.followup.OverdueAgreementAction;
import org.twinflow.followup.ReportReview;
import org.twinflow.review.ConflictOfInterest;
import org.twinflow.review.OverdueReviewAction;
import org.twinflow.review.Recommendation;
import org.twinflow.review.ReplacementOutcome;
import org.twinflow.screening.ScreeningOutcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every choice in a Camunda Form offers exactly the options of its enum, in the enum's order, so that a form
 * and the listener reading it cannot drift apart: renaming a value on one side fails here, not in Tasklist.
 */
class FormChoicesTest {

    static Stream<Arguments> choices() {
        return Stream.of(
                Arguments.of("screen-proposal", "screeningOutcome", ScreeningOutcome.class),
                Arguments.of("review-proposal", "recommendation", Recommendation.class),
                Arguments.of("declare-conflict-of-interest", "conflictOfInterest", ConflictOfInterest.class),
                Arguments.of("assign-replacement-reviewer", "replacementOutcome", ReplacementOutcome.class),
                Arguments.of("handle-overdue-review", "overdueReviewAction", OverdueReviewAction.class),
                Arguments.of("decide-on-proposal", "decision", Decision.class),
                Arguments.of("verify-agreement", "agreementVerification", AgreementVerification.class),
                Arguments.of("handle-overdue-agreement", "overdueAgreementAction", OverdueAgreementAction.class),
                Arguments.of("review-progress-report", "reportReview", ReportReview.class),
                Arguments.of("evaluate-final-report", "finalReportReview", ReportReview.class),
                Arguments.of("verify-city", "cityVerification", CityVerification.class));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("choices")
    <E extends Enum<E> & FormChoice> void shouldOfferExactlyTheOptionsItsListenerAccepts(String form, String key, Class<E> choice)
            throws IOException {
        JsonNode field = field(form, key).orElseThrow(() -> new AssertionError(form + ".form has no field " + key));
        List<String> offered = new ArrayList<>();
        field.path("values").forEach(option -> offered.add(option.path("value").asText()));
        assertThat(offered).as("options of %s in %s.form", key, form)
                .containsExactlyElementsOf(Arrays.stream(choice.getEnumConstants()).map(FormChoice::value).toList());
    }

    @ParameterizedTest
    @MethodSource("overdueForms")
    void shouldAllowTheExtensionTheListenersAccept(String form) throws IOException {
        JsonNode days = field(form, ProposalProcess.Vars.EXTENSION_DAYS).orElseThrow();
        assertThat(days.path("validate").path("max").asInt()).isEqualTo(ProposalProcess.MAX_EXTENSION_DAYS);
        assertThat(days.path("validate").path("min").asInt()).isEqualTo(1);
    }

    static Stream<String> overdueForms() {
        return Stream.of("handle-overdue-review", "handle-overdue-agreement");
    }

    private static Optional<JsonNode> field(String form, String key) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of("forms", form + ".form")));
        return find(root, key);
    }

    private static Optional<JsonNode> find(JsonNode node, String key) {
        for (JsonNode component : node.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return Optional.of(component);
            }
            Optional<JsonNode> nested = find(component, key);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
