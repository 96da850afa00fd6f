package org.twinflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Vars.APPLICANT_TYPE;
import static org.twinflow.process.ProposalProcess.Vars.CALL_MAX_DURATION_MONTHS;
import static org.twinflow.process.ProposalProcess.Vars.CALL_MAX_FUNDING_SHARE;
import static org.twinflow.process.ProposalProcess.Vars.CALL_MAX_REQUESTED_AMOUNT;
import static org.twinflow.process.ProposalProcess.Vars.CALL_MIN_DURATION_MONTHS;
import static org.twinflow.process.ProposalProcess.Vars.DURATION_MONTHS;
import static org.twinflow.process.ProposalProcess.Vars.FOREIGN_PARTNER_COUNT;
import static org.twinflow.process.ProposalProcess.Vars.FUNDING_SHARE;
import static org.twinflow.process.ProposalProcess.Vars.REQUESTED_AMOUNT;
import static org.twinflow.process.ProposalProcess.Vars.SDG_COUNT;
import static org.twinflow.process.ProposalProcess.Vars.THEMATIC_AREA;
import static org.twinflow.process.ProposalProcess.Vars.LEAD_COUNTRY;
import static org.twinflow.process.ProposalProcess.Vars.PROPOSAL_SDGS;
import static org.twinflow.process.ProposalProcess.Vars.CALL_THEMATIC_AREAS;
import static org.twinflow.process.ProposalProcess.Vars.CALL_LEAD_COUNTRIES;
import static org.twinflow.process.ProposalProcess.Vars.CALL_SDGS;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.process.ProposalProcess;

/**
 * Decision table {@code proposalEligibility} (processes/proposal-eligibility.dmn), evaluated
 * through the engine's {@link DecisionService} as the business rule task does.
 */
@Deployment(resources = "processes/proposal-eligibility.dmn")
class ProposalEligibilityDecisionTest {

    private static final String REASON = "reason";

    private static final int MIN_DURATION = 6;
    private static final int MAX_DURATION = 36;
    private static final double MAX_REQUESTED_AMOUNT = 150_000.0;
    private static final double MAX_FUNDING_SHARE = 0.8;

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .build();

    /** Lead city Bologna (municipality) with partners in Tuzla and Rosario, on urban mobility. */
    private static VariableMap eligibleProposal() {
        return Variables.createVariables()
                .putValue(APPLICANT_TYPE, LocalGovernmentType.MUNICIPALITY.name())
                .putValue(FOREIGN_PARTNER_COUNT, 2)
                .putValue(THEMATIC_AREA, ThematicArea.MOBILITY.name())
                .putValue(SDG_COUNT, 3)
                .putValue(DURATION_MONTHS, 24)
                .putValue(CALL_MIN_DURATION_MONTHS, MIN_DURATION)
                .putValue(CALL_MAX_DURATION_MONTHS, MAX_DURATION)
                .putValue(REQUESTED_AMOUNT, 80_000.0)
                .putValue(CALL_MAX_REQUESTED_AMOUNT, MAX_REQUESTED_AMOUNT)
                .putValue(FUNDING_SHARE, 0.6)
                .putValue(CALL_MAX_FUNDING_SHARE, MAX_FUNDING_SHARE)
                .putValue(LEAD_COUNTRY, "ID")
                .putValue(PROPOSAL_SDGS, List.of(11, 13, 17))
                .putValue(CALL_THEMATIC_AREAS, Stream.of(ThematicArea.values()).map(Enum::name).toList())
                .putValue(CALL_LEAD_COUNTRIES, List.of())
                .putValue(CALL_SDGS, List.of());
    }

    private List<String> evaluate(VariableMap variables) {
        DecisionService decisionService = extension.getDecisionService();
        DmnDecisionTableResult result =
                decisionService.evaluateDecisionTableByKey(ProposalProcess.ELIGIBILITY_DECISION_KEY, variables);
        return result.collectEntries(REASON);
    }

    @Test
    void shouldFindNoReasonForAnEligibleProposal() {
        // given
        VariableMap proposal = eligibleProposal();

        // when
        List<String> reasons = evaluate(proposal);

        // then
        assertThat(reasons).isEmpty();
    }

    static Stream<Arguments> singleViolations() {
        return Stream.of(
                Arguments.of(APPLICANT_TYPE, LocalGovernmentType.OTHER_PUBLIC_BODY.name(), "APPLICANT_NOT_LOCAL_GOVERNMENT"),
                Arguments.of(APPLICANT_TYPE, null, "APPLICANT_NOT_LOCAL_GOVERNMENT"),
                Arguments.of(FOREIGN_PARTNER_COUNT, 0, "NO_FOREIGN_PARTNER"),
                Arguments.of(FOREIGN_PARTNER_COUNT, null, "NO_FOREIGN_PARTNER"),
                Arguments.of(THEMATIC_AREA, "SPORTS", "THEMATIC_AREA_NOT_IN_CALL"),
                Arguments.of(CALL_THEMATIC_AREAS, List.of("CLIMATE_DRR", "LOCAL_ECONOMY"), "THEMATIC_AREA_NOT_IN_CALL"),
                Arguments.of(CALL_LEAD_COUNTRIES, List.of("FR", "DE"), "LEAD_COUNTRY_NOT_IN_CALL"),
                Arguments.of(CALL_SDGS, List.of(5, 6), "NO_SDG_OF_CALL"),
                Arguments.of(THEMATIC_AREA, null, "THEMATIC_AREA_MISSING"),
                Arguments.of(SDG_COUNT, 0, "NO_SDG"),
                Arguments.of(SDG_COUNT, null, "NO_SDG"),
                Arguments.of(DURATION_MONTHS, MIN_DURATION - 1, "DURATION_TOO_SHORT"),
                Arguments.of(DURATION_MONTHS, MAX_DURATION + 1, "DURATION_TOO_LONG"),
                Arguments.of(REQUESTED_AMOUNT, 0.0, "REQUESTED_AMOUNT_MISSING"),
                Arguments.of(REQUESTED_AMOUNT, -500.0, "REQUESTED_AMOUNT_MISSING"),
                Arguments.of(REQUESTED_AMOUNT, null, "REQUESTED_AMOUNT_MISSING"),
                Arguments.of(REQUESTED_AMOUNT, MAX_REQUESTED_AMOUNT + 0.01, "REQUESTED_AMOUNT_TOO_HIGH"),
                Arguments.of(FUNDING_SHARE, 0.81, "CO_FINANCING_TOO_LOW"));
    }

    @ParameterizedTest(name = "{0} = {1} gives {2}")
    @MethodSource("singleViolations")
    void shouldGiveExactlyOneReasonWhenOneRuleIsViolated(String variable, Object value,
            String expectedReason) {
        // given
        VariableMap proposal = eligibleProposal().putValue(variable, value);

        // when
        List<String> reasons = evaluate(proposal);

        // then
        assertThat(reasons).containsExactly(expectedReason);
    }

    @Test
    void shouldCollectAllReasonsWhenSeveralRulesAreViolated() {
        // given
        VariableMap proposal = eligibleProposal()
                .putValue(APPLICANT_TYPE, LocalGovernmentType.OTHER_PUBLIC_BODY.name())
                .putValue(FOREIGN_PARTNER_COUNT, 0)
                .putValue(THEMATIC_AREA, null)
                .putValue(DURATION_MONTHS, 48)
                .putValue(REQUESTED_AMOUNT, 200_000.0)
                .putValue(FUNDING_SHARE, 0.95);

        // when
        List<String> reasons = evaluate(proposal);

        // then
        assertThat(reasons).containsExactlyInAnyOrder(
                "APPLICANT_NOT_LOCAL_GOVERNMENT",
                "NO_FOREIGN_PARTNER",
                "THEMATIC_AREA_MISSING",
                "DURATION_TOO_LONG",
                "REQUESTED_AMOUNT_TOO_HIGH",
                "CO_FINANCING_TOO_LOW");
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                Arguments.of(DURATION_MONTHS, MIN_DURATION),
                Arguments.of(DURATION_MONTHS, MAX_DURATION),
                Arguments.of(REQUESTED_AMOUNT, MAX_REQUESTED_AMOUNT),
                Arguments.of(FUNDING_SHARE, MAX_FUNDING_SHARE),
                Arguments.of(FOREIGN_PARTNER_COUNT, 1),
                Arguments.of(SDG_COUNT, 1),
                Arguments.of(CALL_THEMATIC_AREAS, List.of("MOBILITY")),
                Arguments.of(CALL_LEAD_COUNTRIES, List.of("ID", "PH")),
                Arguments.of(CALL_SDGS, List.of(5, 13)));
    }

    @ParameterizedTest(name = "{0} = {1} is eligible")
    @MethodSource("boundaryValues")
    void shouldAcceptValuesExactlyAtTheCallLimits(String variable, Object value) {
        // given
        VariableMap proposal = eligibleProposal().putValue(variable, value);

        // when
        List<String> reasons = evaluate(proposal);

        // then
        assertThat(reasons).isEmpty();
    }

    @Test
    void shouldGiveReasonsInsteadOfFailingWhenEveryInputIsMissing() {
        // given
        VariableMap proposal = Variables.createVariables();
        Stream.of(APPLICANT_TYPE, FOREIGN_PARTNER_COUNT, THEMATIC_AREA, SDG_COUNT, DURATION_MONTHS,
                        CALL_MIN_DURATION_MONTHS, CALL_MAX_DURATION_MONTHS, REQUESTED_AMOUNT,
                        CALL_MAX_REQUESTED_AMOUNT, FUNDING_SHARE, CALL_MAX_FUNDING_SHARE)
                .forEach(name -> proposal.putValue(name, null));

        // when
        List<String> reasons = evaluate(proposal);

        // then
        assertThat(reasons)
                .allMatch(Objects::nonNull)
                .containsExactlyInAnyOrder(
                        "APPLICANT_NOT_LOCAL_GOVERNMENT",
                        "NO_FOREIGN_PARTNER",
                        "THEMATIC_AREA_MISSING",
                        "NO_SDG",
                        "REQUESTED_AMOUNT_MISSING");
    }
}
