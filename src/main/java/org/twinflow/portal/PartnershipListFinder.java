package org.twinflow.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.ThematicArea;

/**
 * The public list of the newest {@value #LIMIT} approved partnerships (approved, in follow-up or closed), in two queries
 * that read no more than that, whatever the number of partnerships. It
 * selects city names, country codes, thematic area and start date only: never a contact, an e-mail
 * address or a person's name.
 */
@Component
class PartnershipListFinder {

    static final String APPROVED_STATUSES =
            "('APPROVED', 'AGREEMENT_PENDING', 'AGREEMENT_IN_VERIFICATION', 'IN_IMPLEMENTATION', 'FINAL_REPORTING', 'CLOSED')";
    static final int LIMIT = 200;

    private final JdbcTemplate jdbc;

    PartnershipListFinder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<PartnershipListItem> approvedPartnerships(Locale locale) {
        record Row(long id, String leadCity, String leadCountry, ThematicArea area, Integer startYear) {
        }
        // the newest LIMIT only, chosen by the database: a public page must not read every partnership there is
        List<Row> rows = jdbc.query("SELECT p.id, p.thematic_area, p.start_date, c.name, c.country_code "
                + "FROM proposal p JOIN city c ON c.id = p.lead_city_id WHERE p.status IN " + APPROVED_STATUSES
                + " ORDER BY p.start_date DESC, p.id DESC LIMIT " + LIMIT,
                (rs, n) -> {
                    java.sql.Date start = rs.getDate("start_date");
                    String area = rs.getString("thematic_area");
                    return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("country_code"),
                            area == null ? null : ThematicArea.valueOf(area), start == null ? null : start.toLocalDate().getYear());
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> partners = new HashMap<>();
        String ids = String.join(",", Collections.nCopies(rows.size(), "?"));
        jdbc.query("SELECT pc.proposal_id, pc.city_name, pc.country_code FROM partner_city pc WHERE pc.proposal_id IN (" + ids + ") "
                + "ORDER BY pc.proposal_id, pc.position",
                rs -> {
                    partners.computeIfAbsent(rs.getLong("proposal_id"), id -> new ArrayList<>())
                            .add(ProposalPageModel.cityWithCountry(rs.getString("city_name"), rs.getString("country_code"), locale));
                }, rows.stream().map(Row::id).toArray());
        return rows.stream().map(row -> new PartnershipListItem(row.leadCity(), ProposalPageModel.countryName(row.leadCountry(), locale),
                partners.getOrDefault(row.id(), List.of()), row.area(), row.startYear())).toList();
    }
}
