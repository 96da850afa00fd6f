package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.twinflow.CallFixtures;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallPhase;
import org.twinflow.call.CallService;

/** Which call a new proposal goes to when the city names none: the only open one, else the city chooses. */
class ProposalCallsTest {

    static final Instant NOW = Instant.parse("2027-02-01T03:00:00Z");

    final CallService callService = mock(CallService.class);
    final ProposalCalls calls = new ProposalCalls(callService, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldTakeTheOnlyOpenCallWhenNoneIsNamed() {
        List<CallForProposals> open = List.of(openCall("OPEN-2026"));
        when(callService.open()).thenReturn(open);

        assertThat(calls.forNewProposal(null)).hasValueSatisfying(call -> {
            assertThat(call.reference()).isEqualTo("OPEN-2026");
            assertThat(call.isOpen()).isTrue();
        });
        assertThat(calls.forNewProposal(" ")).isPresent();
    }

    @Test
    void shouldLeaveTheChoiceToTheCityWhenSeveralCallsOrNoneAreOpen() {
        List<CallForProposals> two = List.of(openCall("OPEN-2026"), openCall("2027-CR"));
        when(callService.open()).thenReturn(two);
        assertThat(calls.forNewProposal(null)).isEmpty();

        when(callService.open()).thenReturn(List.of());
        assertThat(calls.forNewProposal(null)).isEmpty();
    }

    @Test
    void shouldTakeTheCallNamedWhateverElseIsOpen() {
        CallForProposals named = openCall("2027-CR");
        List<CallForProposals> open = List.of(openCall("OPEN-2026"), named);
        when(callService.publishedByReference("2027-CR")).thenReturn(named);
        when(callService.open()).thenReturn(open);

        assertThat(calls.forNewProposal("2027-CR")).hasValueSatisfying(call -> assertThat(call.reference()).isEqualTo("2027-CR"));
    }

    private static CallForProposals openCall(String reference) {
        CallForProposals call = mock(CallForProposals.class);
        when(call.getReference()).thenReturn(reference);
        when(call.getTitle()).thenReturn("Call " + reference);
        when(call.phaseAt(any())).thenReturn(CallPhase.OPEN);
        when(call.getClosesAt()).thenReturn(NOW.plusSeconds(30 * 86_400));
        when(call.getTimeZone()).thenReturn(CallFixtures.JAKARTA);
        return call;
    }
}
