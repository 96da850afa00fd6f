package org.twinflow.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Text for Camunda's own string columns (task names, string variables shown in Tasklist). H2 keeps any
 * character; on MySQL the engine's tables are created with 3-byte {@code utf8}, which cannot hold
 * characters outside the Basic Multilingual Plane (emoji, rare CJK): there they are left out cleanly —
 * with the variation selectors and joiners that belonged to them, and without a replacement mark — while
 * the full text stays in Twinflow's utf8mb4 tables. Which case holds is read from the engine's task
 * table once it exists, so an engine schema converted to utf8mb4 keeps everything.
 */
@Component
public class EngineText {

    private static final Logger log = LoggerFactory.getLogger(EngineText.class);

    private final DataSource dataSource;
    private volatile Boolean fullUnicode;

    EngineText(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The text as the engine can store it, cut to {@code maxLength} characters with an ellipsis. */
    public String fit(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String stored = storesFullUnicode() ? text : withoutSupplementaryCharacters(text);
        return stored.length() <= maxLength ? stored : stored.substring(0, maxLength - 1) + "…";
    }

    boolean storesFullUnicode() {
        Boolean known = fullUnicode;
        if (known == null) {
            known = detect();
            fullUnicode = known;
        }
        return known;
    }

    /** Drops characters outside the BMP and the marks that only modified them, then closes the gaps left. */
    static String withoutSupplementaryCharacters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        boolean dropping = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isBmpCodePoint(codePoint)) {
                dropping = true;
            } else if (dropping && (codePoint == 0xFE0F || codePoint == 0xFE0E || codePoint == 0x200D || codePoint == 0x20E3)) {
                // a modifier of the character just dropped
            } else {
                dropping = false;
                kept.appendCodePoint(codePoint);
            }
        }
        return kept.length() == text.length() ? text : kept.toString().replaceAll("[ \\t]{2,}", " ").strip();
    }

    private boolean detect() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(java.util.Locale.ROOT).contains("mysql") && !product.toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
                return true;
            }
        } catch (SQLException unknown) {
            log.warn("Cannot tell which characters the engine's tables hold ({}); leaving out those beyond the BMP", unknown.getMessage());
            return false;
        }
        String charset = new JdbcTemplate(dataSource).query("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = 'ACT_RU_TASK' AND UPPER(COLUMN_NAME) = 'NAME_'",
                rs -> rs.next() ? rs.getString(1) : null);
        boolean full = "utf8mb4".equalsIgnoreCase(charset);
        log.info("The engine's task names are {} ({}): characters beyond the BMP are {}", charset, full ? "4-byte" : "3-byte",
                full ? "kept" : "left out of task names and Tasklist variables");
        return full;
    }
}
