package org.twinflow.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own rows of seeded proposals, written by JDBC batches as the portal and the staff's earlier
 * steps would have left them: the proposal with two partners, three SDGs and one expected result, its cities,
 * the receipt notice, the timeline up to its current state and, past assignment, the reviewers' reviews. The
 * engine's listeners write the rest when the instances start.
 */
final class SeededDomainRows {

    /** One seeded proposal: what the engine needs to start its instance. */
    record Seeded(long id, String reference, long cityId, String cityName, SeedState state, String title, List<String> reviewers,
            Instant submittedAt) {
    }

    static final int PROPOSALS_PER_CITY = 20;

    private final JdbcTemplate jdbc;
    private final List<String> reviewers;

    SeededDomainRows(JdbcTemplate jdbc, List<String> reviewers) {
        this.jdbc = jdbc;
        this.reviewers = reviewers;
    }

    /** Cities of twenty seeded proposals each, verified; returns their ids. */
    List<Long> cities(long firstNumber, int count, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (long n = firstNumber; n < firstNumber + count; n++) {
            rows.add(new Object[] {"Seeded City " + n, "ID", "Java", "MUNICIPALITY", 250_000L + n, "Contact " + n,
                    "contact" + n + "@seeded.example", Timestamp.from(now), 0, "VERIFIED", Timestamp.from(now)});
        }
        jdbc.batchUpdate("INSERT INTO city (name, country_code, region, government_type, population, contact_name, contact_email, "
                + "created_at, version, verification_status, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        Map<String, Long> byName = new HashMap<>();
        jdbc.query("SELECT id, name FROM city WHERE name IN (" + String.join(",", Collections.nCopies(count, "?")) + ")",
                rs -> {
                    byName.put(rs.getString(2), rs.getLong(1));
                }, rows.stream().map(row -> row[0]).toArray());
        return rows.stream().map(row -> byName.get((String) row[0])).toList();
    }

    /** Proposals number {@code first} to {@code first + count - 1} of the whole seeding, for the given cities. */
    List<Seeded> proposals(long first, int count, List<Long> cityIds, long firstCityNumber, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        int firstValue = reserveReferences(year, count);
        List<Object[]> proposals = new ArrayList<>();
        List<Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = first + i;
            SeedState state = SeedState.of(n);
            int cityIndex = (int) (n / PROPOSALS_PER_CITY - firstCityNumber);
            String reference = "TW-%d-%04d".formatted(year, firstValue + i);
            String title = "Seeded partnership " + n + ": " + TOPICS[(int) (n % TOPICS.length)];
            Instant submitted = now.minus(1 + n % 365, ChronoUnit.DAYS).minus(n % 1440, ChronoUnit.MINUTES);
            LocalDate start = submitted.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(2);
            proposals.add(new Object[] {reference, cityIds.get(cityIndex), "TWINNING", "MOBILITY", title,
                    "Transport planners of both cities exchange practice on bus rapid transit and feeder lines.",
                    "1. Train planners.\n2. Pilot a feeder route.\n3. Publish a shared toolkit.", "Study visits, two workshops, a pilot route.",
                    java.sql.Date.valueOf(start), 18, 150000, 90000, 60000, "EUR", state.initialStatus(), Timestamp.from(submitted),
                    Timestamp.from(submitted.minus(2, ChronoUnit.DAYS)), Timestamp.from(submitted), 1});
            List<String> pair = reviewers.subList(2 * (int) (n % (reviewers.size() / 2)), 2 * (int) (n % (reviewers.size() / 2)) + 2);
            seeded.add(new Seeded(0, reference, cityIds.get(cityIndex), "Seeded City " + (firstCityNumber + cityIndex), state, title, pair,
                    submitted));
        }
        // into the first call (migration V013), as the proposals of the submission benchmark
        jdbc.batchUpdate("INSERT INTO proposal (reference, lead_city_id, partnership_type, thematic_area, title, summary, objectives, "
                + "activities, start_date, duration_months, total_budget, requested_amount, co_financing, currency, status, submitted_at, "
                + "created_at, updated_at, version, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "(SELECT MIN(id) FROM call_for_proposals))", proposals);
        Map<String, Long> ids = new HashMap<>();
        String in = String.join(",", Collections.nCopies(seeded.size(), "?"));
        jdbc.query("SELECT id, reference FROM proposal WHERE reference IN (" + in + ")",
                rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                }, seeded.stream().map(Seeded::reference).toArray());
        List<Seeded> withIds = seeded.stream().map(s -> new Seeded(ids.get(s.reference()), s.reference(), s.cityId(), s.cityName(), s.state(),
                s.title(), s.reviewers(), s.submittedAt())).toList();
        childRows(withIds);
        return withIds;
    }

    private void childRows(List<Seeded> seeded) {
        List<Object[]> partners = new ArrayList<>();
        List<Object[]> sdgs = new ArrayList<>();
        List<Object[]> results = new ArrayList<>();
        List<Object[]> timeline = new ArrayList<>();
        List<Object[]> notices = new ArrayList<>();
        List<Object[]> reviews = new ArrayList<>();
        for (Seeded p : seeded) {
            boolean foreign = p.state() != SeedState.INELIGIBLE;
            partners.add(new Object[] {p.id(), 0, foreign ? "Toyama" : "Surakarta", foreign ? "JP" : "ID", "CO_LEAD", "international@toyama.example"});
            partners.add(new Object[] {p.id(), 1, foreign ? "Kitakyushu" : "Magelang", foreign ? "JP" : "ID", "PARTNER", null});
            for (int sdg : new int[] {9, 11, 13}) {
                sdgs.add(new Object[] {p.id(), sdg});
            }
            results.add(new Object[] {p.id(), 0, "A corridor plan adopted by both councils", "Plans adopted", "2"});
            Timestamp at = Timestamp.from(p.submittedAt());
            timeline.add(new Object[] {p.id(), at, "seededofficer", "SUBMITTED", null, true});
            if (p.state() == SeedState.INELIGIBLE) {
                continue;
            }
            // what the receipt notice and the way to the current state left (the engine writes the rest)
            timeline.add(new Object[] {p.id(), at, "twinflow", "NOTICE_SENT", "PROPOSAL_RECEIVED", true});
            notices.add(new Object[] {p.id(), "PROPOSAL_RECEIVED", "contact@seeded.example", at, at});
            timeline.add(new Object[] {p.id(), at, "twinflow", "STATUS_CHANGED", "IN_SCREENING", true});
            if (p.state() == SeedState.IN_SCREENING) {
                continue;
            }
            Timestamp screened = Timestamp.from(p.submittedAt().plus(2, ChronoUnit.DAYS));
            timeline.add(new Object[] {p.id(), screened, "benchsecretariat1", "SCREENED", "complete", false});
            timeline.add(new Object[] {p.id(), screened, "twinflow", "STATUS_CHANGED", "AWAITING_REVIEWERS", true});
            if (p.state() == SeedState.AWAITING_REVIEWERS) {
                continue;
            }
            Timestamp assigned = Timestamp.from(p.submittedAt().plus(3, ChronoUnit.DAYS));
            timeline.add(new Object[] {p.id(), assigned, "benchsecretariat1", "REVIEWERS_ASSIGNED", String.join(", ", p.reviewers()), false});
            timeline.add(new Object[] {p.id(), assigned, "twinflow", "STATUS_CHANGED", "IN_REVIEW", true});
            Timestamp submittedReview = Timestamp.from(p.submittedAt().plus(20, ChronoUnit.DAYS));
            for (String reviewer : p.reviewers()) {
                if (p.state().reviewed()) {
                    reviews.add(new Object[] {p.id(), reviewer, "SUBMITTED", false, 4, 4, 3, 5, 3,
                            "Clear plan and realistic budget; the exchange builds on Toyama's light-rail experience.", "FUND", assigned,
                            submittedReview, 1, Timestamp.from(p.submittedAt().plus(24, ChronoUnit.DAYS))});
                    timeline.add(new Object[] {p.id(), submittedReview, reviewer, "REVIEW_SUBMITTED", "fund", false});
                } else {
                    reviews.add(new Object[] {p.id(), reviewer, "ASSIGNED", null, null, null, null, null, null, null, null, assigned, null, 0, null});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO partner_city (proposal_id, position, city_name, country_code, role, contact_email) VALUES (?, ?, ?, ?, ?, ?)",
                partners);
        jdbc.batchUpdate("INSERT INTO proposal_sdg (proposal_id, sdg) VALUES (?, ?)", sdgs);
        jdbc.batchUpdate("INSERT INTO expected_result (proposal_id, position, result, indicator, target) VALUES (?, ?, ?, ?, ?)", results);
        jdbc.batchUpdate("INSERT INTO timeline_entry (proposal_id, occurred_at, actor, event, detail, visible_to_applicant) VALUES (?, ?, ?, ?, ?, ?)",
                timeline);
        jdbc.batchUpdate("INSERT INTO notification (proposal_id, notice, recipient, created_at, sent_at) VALUES (?, ?, ?, ?, ?)", notices);
        jdbc.batchUpdate("INSERT INTO review (proposal_id, reviewer_id, status, conflict_declared, score_relevance, score_sdg_contribution, "
                + "score_feasibility, score_partnership_quality, score_sustainability, review_comment, recommendation, assigned_at, submitted_at, "
                + "version, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reviews);
    }

    /** Takes {@code count} references from the year's counter, as the portal would, under its row lock. */
    private int reserveReferences(int year, int count) {
        int updated = jdbc.update("UPDATE reference_counter SET last_value = last_value + ? WHERE counter_year = ?", count, year);
        if (updated == 0) {
            jdbc.update("INSERT INTO reference_counter (counter_year, last_value) VALUES (?, ?)", year, count);
        }
        return jdbc.queryForObject("SELECT last_value FROM reference_counter WHERE counter_year = ?", Integer.class, year) - count + 1;
    }

    private static final String[] TOPICS = {"bus rapid transit exchange", "flood early warning for river cities",
            "heritage tourism in old towns", "SDG voluntary local reviews", "street vendors and local markets",
            "cycling lanes for school routes", "mangrove restoration along the coast", "creative industries for young people"};
}
