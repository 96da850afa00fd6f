package org.twinflow.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ProposalStatus;

/**
 * "My proposals" from the database in a fixed number of queries whatever the number of proposals: the
 * proposals, their partner cities, and what each owes (one query per stage, {@link ApplicantActionFinder}).
 */
@Component
class MyProposalsFinder {

    private final JdbcTemplate jdbc;
    private final ApplicantActionFinder actions;

    MyProposalsFinder(JdbcTemplate jdbc, ApplicantActionFinder actions) {
        this.jdbc = jdbc;
        this.actions = actions;
    }

    /** The city's proposals, drafts included, most recently changed first; partner countries named in the given locale. */
    @Transactional(readOnly = true)
    List<MyProposalsRow> proposalsOf(Long cityId, Locale locale) {
        Map<Long, List<String>> partners = new HashMap<>();
        jdbc.query("SELECT pc.proposal_id, pc.city_name, pc.country_code FROM partner_city pc JOIN proposal p ON p.id = pc.proposal_id "
                + "WHERE p.lead_city_id = ? ORDER BY pc.proposal_id, pc.position",
                rs -> {
                    partners.computeIfAbsent(rs.getLong("proposal_id"), id -> new ArrayList<>())
                            .add(ProposalPageModel.cityWithCountry(rs.getString("city_name"), rs.getString("country_code"), locale));
                }, cityId);
        Map<Long, ApplicantAction> pending = actions.forCity(cityId);
        return jdbc.query("SELECT id, reference, title, status, updated_at FROM proposal WHERE lead_city_id = ? "
                + "ORDER BY updated_at DESC, id DESC",
                (rs, n) -> {
                    long id = rs.getLong("id");
                    return new MyProposalsRow(id, rs.getString("reference"), rs.getString("title"),
                            partners.getOrDefault(id, List.of()), ProposalStatus.valueOf(rs.getString("status")),
                            rs.getTimestamp("updated_at").toInstant(), pending.get(id));
                }, cityId);
    }
}
