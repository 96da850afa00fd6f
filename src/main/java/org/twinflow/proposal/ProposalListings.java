package org.twinflow.proposal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of proposals the portal shows, each in two queries whatever the number of proposals: the proposals, then
 * the partner cities of exactly those. Names and codes only; the portal words them in the reader's language.
 */
@Service
public class ProposalListings {

    /** The statuses of an approved partnership (approved, in follow-up or closed): the public list shows these. */
    static final Set<ProposalStatus> APPROVED = EnumSet.of(ProposalStatus.APPROVED, ProposalStatus.AGREEMENT_PENDING,
            ProposalStatus.AGREEMENT_IN_VERIFICATION, ProposalStatus.IN_IMPLEMENTATION, ProposalStatus.FINAL_REPORTING, ProposalStatus.CLOSED);

    private final JdbcTemplate jdbc;

    ProposalListings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner city by name and country code. */
    public record Place(String cityName, String countryCode) {
    }

    /** The call a proposal belongs to: its reference, title, deadline and the time zone the call gives its dates in. */
    public record CallOf(String reference, String title, Instant closesAt, ZoneId timeZone) {
    }

    /** One of a city's proposals, drafts included, with its call. */
    public record CityProposal(Long id, String reference, String title, ProposalStatus status, Instant updatedAt, List<Place> partners,
            CallOf call) {
    }

    /** An approved partnership as the public may see it: no contact, e-mail address or person's name. */
    public record ApprovedPartnership(String leadCity, String leadCountryCode, List<Place> partners, ThematicArea thematicArea,
            Integer startYear) {
    }

    /** The city's proposals, drafts included, most recently changed first. */
    @Transactional(readOnly = true)
    public List<CityProposal> ofCity(Long cityId) {
        record Row(Long id, String reference, String title, ProposalStatus status, Instant updatedAt, CallOf call) {
        }
        List<Row> rows = jdbc.query("SELECT p.id, p.reference, p.title, p.status, p.updated_at, "
                + "c.reference AS call_reference, c.title AS call_title, c.closes_at AS call_closes_at, c.time_zone AS call_time_zone "
                + "FROM proposal p JOIN call_for_proposals c ON c.id = p.call_id WHERE p.lead_city_id = ? "
                + "ORDER BY p.updated_at DESC, p.id DESC",
                (rs, n) -> new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
                        ProposalStatus.valueOf(rs.getString("status")), rs.getTimestamp("updated_at").toInstant(),
                        new CallOf(rs.getString("call_reference"), rs.getString("call_title"),
                                rs.getTimestamp("call_closes_at").toInstant(), ZoneId.of(rs.getString("call_time_zone")))), cityId);
        Map<Long, List<Place>> partners = partnersOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> new CityProposal(row.id(), row.reference(), row.title(), row.status(), row.updatedAt(),
                partners.getOrDefault(row.id(), List.of()), row.call())).toList();
    }

    /** The newest {@code limit} approved partnerships by start date, chosen by the database. */
    @Transactional(readOnly = true)
    public List<ApprovedPartnership> newestApproved(int limit) {
        record Row(Long id, String leadCity, String leadCountryCode, ThematicArea area, Integer startYear) {
        }
        String statuses = APPROVED.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ", "(", ")"));
        List<Row> rows = jdbc.query("SELECT p.id, p.thematic_area, p.start_date, c.name, c.country_code "
                + "FROM proposal p JOIN city c ON c.id = p.lead_city_id WHERE p.status IN " + statuses
                + " ORDER BY p.start_date DESC, p.id DESC LIMIT ?",
                (rs, n) -> {
                    java.sql.Date start = rs.getDate("start_date");
                    String area = rs.getString("thematic_area");
                    return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("country_code"),
                            area == null ? null : ThematicArea.valueOf(area), start == null ? null : start.toLocalDate().getYear());
                }, limit);
        Map<Long, List<Place>> partners = partnersOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> new ApprovedPartnership(row.leadCity(), row.leadCountryCode(), partners.getOrDefault(row.id(), List.of()),
                row.area(), row.startYear())).toList();
    }

    private Map<Long, List<Place>> partnersOf(List<Long> proposalIds) {
        Map<Long, List<Place>> partners = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return partners;
        }
        jdbc.query("SELECT proposal_id, city_name, country_code FROM partner_city WHERE proposal_id IN ("
                + String.join(",", Collections.nCopies(proposalIds.size(), "?")) + ") ORDER BY proposal_id, position",
                rs -> {
                    partners.computeIfAbsent(rs.getLong("proposal_id"), id -> new ArrayList<>())
                            .add(new Place(rs.getString("city_name"), rs.getString("country_code")));
                }, proposalIds.toArray());
        return partners;
    }
}
