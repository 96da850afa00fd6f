package org.twinflow.approval;

import java.math.BigDecimal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.call.CallService;

/**
 * How much of a call's budget is promised: the requested amounts of its proposals whose latest committee decision
 * approves them (with or without conditions), unless their partnership was cancelled since, which frees the money.
 * Rolling calls check it at each approval; competitive calls when the committee funds and promotes from the reserve.
 */
@Service
public class CallBudgets {

    private final JdbcTemplate jdbc;
    private final CallService calls;

    CallBudgets(JdbcTemplate jdbc, CallService calls) {
        this.jdbc = jdbc;
        this.calls = calls;
    }

    /** The call's budget less what its approved, not cancelled proposals request. */
    @Transactional(readOnly = true)
    public BigDecimal remainingOf(Long callId) {
        return calls.rulesOf(callId).budget().subtract(committedOf(callId));
    }

    /** What the call's approved, not cancelled proposals request. */
    @Transactional(readOnly = true)
    public BigDecimal committedOf(Long callId) {
        BigDecimal committed = jdbc.queryForObject("""
                SELECT COALESCE(SUM(p.requested_amount), 0) FROM proposal p JOIN proposal_decision d ON d.proposal_id = p.id
                WHERE p.call_id = ? AND d.decision IN (?, ?) AND p.status <> 'CANCELLED'""", BigDecimal.class, callId,
                Decision.APPROVE.value(), Decision.APPROVE_WITH_CONDITIONS.value());
        return committed == null ? BigDecimal.ZERO : committed;
    }
}
