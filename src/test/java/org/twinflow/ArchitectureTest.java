package org.twinflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The direction of calls docs/architecture.md describes, held by the compiled classes. */
@AnalyzeClasses(packages = "org.twinflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] STAGES = {"org.twinflow.account..", "org.twinflow.proposal..", "org.twinflow.screening..",
            "org.twinflow.review..", "org.twinflow.approval..", "org.twinflow.followup.."};

    @ArchTest
    static final ArchRule portalNeverTouchesTheEngine = noClasses().that().resideInAPackage("org.twinflow.portal..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("access checks and concurrency outcomes come from the stages' services, as their own exceptions");

    @ArchTest
    static final ArchRule portalReadsNoTableItself = noClasses().that().resideInAPackage("org.twinflow.portal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.springframework.data..")
            .because("each stage answers from its own tables (ApplicantActionSource, ProposalListings); the portal only composes");

    @ArchTest
    static final ArchRule processPlumbingDependsOnNoStage = noClasses().that().resideInAPackage("org.twinflow.process..")
            .should().dependOnClassesThat().resideInAnyPackage(STAGES)
            .because("every stage reads task input through it without importing another stage");

    @ArchTest
    static final ArchRule notificationKnowsNoStageButTheProposal = noClasses().that().resideInAPackage("org.twinflow.notification..")
            .should().dependOnClassesThat().resideInAnyPackage("org.twinflow.screening..", "org.twinflow.review..",
                    "org.twinflow.approval..", "org.twinflow.followup..", "org.twinflow.account..")
            .because("each stage supplies its notices' details (NoticeDetailsSource)");

    @ArchTest
    static final ArchRule stagesNeverCallThePortal = noClasses().that().resideInAnyPackage(STAGES)
            .should().dependOnClassesThat().resideInAPackage("org.twinflow.portal..")
            .because("the portal composes what the stages answer, not the other way round");
}
