package org.twinflow.system.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script in Camunda's format, read from the classpath: one statement ends with the line that ends with
 * {@code ;}, and lines starting with {@code --} or {@code #} are comments (as the engine's own script runner reads them).
 */
record SqlScript(String resource, String text, List<String> statements) {

    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "(?is)^alter\\s+table\\s+(\\w+)\\s+add\\s+constraint\\s+(\\w+)\\s+foreign\\s+key\\b.*");

    static SqlScript load(String resource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL script " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new SqlScript(resource, text, statementsOf(text));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The script's foreign keys by constraint name: the statements that add them. */
    Map<String, ForeignKey> foreignKeys() {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        for (String statement : statements) {
            Matcher foreignKey = FOREIGN_KEY.matcher(statement);
            if (foreignKey.matches()) {
                keys.put(foreignKey.group(2).toUpperCase(java.util.Locale.ROOT),
                        new ForeignKey(foreignKey.group(1), foreignKey.group(2), statement));
            }
        }
        return keys;
    }

    private static List<String> statementsOf(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                continue;
            }
            if (!statement.isEmpty()) {
                statement.append('\n');
            }
            if (trimmed.endsWith(";")) {
                statements.add(statement.append(trimmed, 0, trimmed.length() - 1).toString());
                statement.setLength(0);
            } else {
                statement.append(trimmed);
            }
        }
        if (!statement.isEmpty()) {
            throw new IllegalStateException("Statement without a closing ';' in a SQL script: " + statement);
        }
        return statements;
    }

    /** {@code alter table <table> add constraint <name> foreign key ...}. */
    record ForeignKey(String table, String name, String statement) {
    }
}
