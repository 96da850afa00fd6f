package org.twinflow;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallMode;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;

/**
 * Named calls for the portal's integration tests: a competitive climate call in Jakarta time, each with a reference of its
 * own, since every test shares one database.
 */
public final class CallFixtures {

    /** The rolling call migration V013 creates (open until 2030); ProposalFixtures' proposals belong to it. */
    public static final String FIRST_CALL_REFERENCE = "OPEN-2026";
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /**
     * The new-proposal form of the first call, as its "Apply to this call" link opens it. Tests name the call: other tests
     * sharing the database may have opened calls of their own, and without a name the form asks the city to choose.
     */
    public static final String NEW_PROPOSAL_FORM = "/proposals/new?call=" + FIRST_CALL_REFERENCE;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CallFixtures() {
    }

    /** A reference no other test uses, such as CR-3-LQ2X9Z. */
    public static String uniqueReference() {
        return ("CR-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 2_000_000_000L, 36)).toUpperCase();
    }

    /**
     * "Twinning for Climate Resilience": climate and SDG localisation, SDGs 11 and 13, any lead country, a council
     * resolution required, 400,000 EUR of which at most 150,000 and 80 % per proposal, 6 to 36 months; open from
     * {@code opensAt} for {@code openFor}, in Jakarta time.
     */
    public static CallDraft climateCall(String reference, Instant opensAt, Duration openFor) {
        Instant opens = opensAt.truncatedTo(ChronoUnit.MINUTES);
        return new CallDraft(reference, "Twinning for Climate Resilience " + reference,
                "Cities facing floods and heat learn from each other how to adapt and reduce disaster risk.", CallMode.COMPETITIVE,
                EnumSet.of(ThematicArea.CLIMATE_DRR, ThematicArea.SDG_LOCALISATION), Set.of(11, 13), Set.of(),
                EnumSet.of(DocumentKind.COUNCIL_RESOLUTION), opens, opens.plus(openFor), JAKARTA, new BigDecimal("400000.00"), "EUR",
                new BigDecimal("150000.00"), new BigDecimal("0.8000"), 6, 36, 2, Period.ofMonths(6));
    }

    /**
     * Closes the call for good, whatever the test's clock said: its dates move into the real past. The tests sharing the
     * application context then find OPEN-2026 the only open call, as a new installation has it ({@code GET /proposals/new}
     * takes the only open call). In a transaction of its own: the pool's connections do not auto-commit.
     */
    public static void closeForGood(JdbcTemplate jdbc, TransactionTemplate transactions, String reference) {
        Instant past = Instant.now().minus(Duration.ofDays(1));
        transactions.executeWithoutResult(status -> jdbc.update(
                "UPDATE call_for_proposals SET opens_at = ?, closes_at = ? WHERE reference = ? AND closes_at > ?",
                Timestamp.from(past.minus(Duration.ofDays(1))), Timestamp.from(past), reference, Timestamp.from(past)));
    }
}
