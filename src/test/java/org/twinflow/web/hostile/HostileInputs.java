package org.twinflow.web.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus of hostile and odd inputs, {@code src/test/resources/hostile-inputs/corpus.tsv}: one entry a line,
 * {@code name<TAB>kind<TAB>value}. Values are written with escapes so that the file stays plain text: {@code \t \r \n \\},
 * {@code \}{@code uXXXX} (one UTF-16 unit), {@code \xNN} (a raw byte, in entries of kind {@code bytes} only) and
 * {@code {repeat N text}}.
 */
public final class HostileInputs {

    static final String CORPUS = "/hostile-inputs/corpus.tsv";
    private static final Pattern REPEAT = Pattern.compile("\\{repeat (\\d+) ([^}]*)}");
    private static final List<Entry> ALL = load();

    private HostileInputs() {
    }

    /** What an entry is, and so where it is sent and what the portal must do with it. */
    public enum Kind {
        /** Nothing to store: a required field says so, an optional one stays empty. */
        BLANK,
        /** Valid text however odd: stored and shown exactly as sent, where the field is long enough. */
        TEXT,
        /** Characters the portal does not accept (control characters, noncharacters, U+FFFD): refused next to the field. */
        REFUSED,
        /** Bytes that are not UTF-8: refused next to the field. */
        BYTES,
        /** The value repeated to exactly the field's maximum length: stored. */
        AT_LIMIT,
        /** The value repeated to one more than the field's maximum length: refused as too long. */
        OVER_LIMIT,
        /** Sent to number fields: refused next to the field. */
        NUMBER,
        /** Sent to date fields: refused next to the field. */
        DATE,
        /** Sent to time fields: refused next to the field. */
        TIME,
        /** A row index no form renders, in each list of a form: 400, nothing stored. */
        INDEX,
        /** A request no browser sends, built by {@link HostileRequests}: a clear 4xx, nothing stored. */
        REQUEST;

        /** Entries that go into text fields. */
        boolean isText() {
            return this == BLANK || this == TEXT || this == REFUSED || this == BYTES || this == AT_LIMIT || this == OVER_LIMIT;
        }
    }

    /**
     * One entry. {@code value} is the text to send (for {@code bytes}, the bytes decoded leniently, for messages only);
     * {@code bytes} what goes on the wire.
     */
    public record Entry(String name, Kind kind, String value, byte[] bytes) {

        /** The value as sent to a field of this maximum length (the limit kinds fill the field). */
        public String valueFor(int maxLength) {
            return switch (kind) {
                case AT_LIMIT -> fill(maxLength);
                case OVER_LIMIT -> fill(maxLength + 1);
                default -> value;
            };
        }

        /** The bytes sent to a field of this maximum length. */
        public byte[] bytesFor(int maxLength) {
            return kind == Kind.BYTES ? bytes.clone() : valueFor(maxLength).getBytes(StandardCharsets.UTF_8);
        }

        /** Whether the text has characters beyond the Basic Multilingual Plane (4 bytes in UTF-8). */
        public boolean beyondBmp() {
            return kind != Kind.BYTES && value.codePoints().anyMatch(c -> !Character.isBmpCodePoint(c));
        }

        /** The filler repeated to {@code length} UTF-16 units (as Bean Validation counts), whole characters only. */
        private String fill(int length) {
            StringBuilder filled = new StringBuilder(length + value.length());
            while (filled.length() + value.length() <= length) {
                filled.append(value);
            }
            while (filled.length() < length) {
                filled.append('x');
            }
            return filled.toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every entry, in the file's order. */
    public static List<Entry> all() {
        return ALL;
    }

    /** The entries of these kinds. */
    public static List<Entry> of(Kind... kinds) {
        Set<Kind> wanted = Set.of(kinds);
        return ALL.stream().filter(e -> wanted.contains(e.kind())).toList();
    }

    /** The entries that go into text fields. */
    public static List<Entry> texts() {
        return ALL.stream().filter(e -> e.kind().isText()).toList();
    }

    /**
     * The text entries as one form meets them: valid text joined into as few entries as fit in {@code room} characters
     * (one per line, so that taking, storing and showing them costs one request, not one each), every other entry
     * alone, as it is refused, or fills a field, by itself. Text beyond the Basic Multilingual Plane is joined apart from
     * the rest, so that where it cannot go (Camunda's 3-byte tables) the rest still does.
     */
    public static List<Entry> textsJoinedWithin(int room) {
        List<Entry> runs = new ArrayList<>();
        List<List<Entry>> open = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
        for (Entry entry : texts()) {
            if (entry.kind() != Kind.TEXT || entry.value().length() > room) {
                runs.add(entry);
                continue;
            }
            List<Entry> batch = open.get(entry.beyondBmp() ? 1 : 0);
            if (!batch.isEmpty() && joined(batch).value().length() + 1 + entry.value().length() > room) {
                runs.add(joined(batch));
                batch.clear();
            }
            batch.add(entry);
        }
        open.stream().filter(batch -> !batch.isEmpty()).forEach(batch -> runs.add(joined(batch)));
        return runs;
    }

    private static Entry joined(List<Entry> batch) {
        if (batch.size() == 1) {
            return batch.get(0);
        }
        String value = String.join("\n", batch.stream().map(Entry::value).toList());
        return new Entry(String.join("+", batch.stream().map(Entry::name).toList()), Kind.TEXT, value,
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** The entry of this name. */
    public static Entry named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No entry " + name + " in " + CORPUS));
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (InputStream in = HostileInputs.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException(CORPUS + " is not on the test classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int number = 1; number <= lines.length; number++) {
                String line = lines[number - 1];
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                if (columns.length != 3 || !names.add(columns[0])) {
                    throw new IllegalStateException(CORPUS + " line " + number + ": expected a new name, a kind and a value, "
                            + "separated by tabs: " + line);
                }
                Kind kind = Kind.valueOf(columns[1].toUpperCase(Locale.ROOT).replace('-', '_'));
                entries.add(entry(columns[0], kind, columns[2], number));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return List.copyOf(entries);
    }

    private static Entry entry(String name, Kind kind, String written, int line) {
        String expanded = repeated(written);
        String value;
        byte[] bytes;
        if (kind == Kind.BYTES) {
            bytes = unescapeBytes(expanded, line);
            value = new String(bytes, StandardCharsets.UTF_8);
        } else {
            value = unescape(expanded, line);
            bytes = value.getBytes(StandardCharsets.UTF_8);
        }
        if ((kind == Kind.TEXT || kind == Kind.AT_LIMIT || kind == Kind.OVER_LIMIT) && !value.equals(value.strip())) {
            throw new IllegalStateException(CORPUS + " line " + line + ": forms strip the whitespace around a text, so a text "
                    + "entry must not start or end with it (whitespace alone is a blank entry)");
        }
        if (kind == Kind.BLANK && !value.isBlank()) {
            throw new IllegalStateException(CORPUS + " line " + line + ": a blank entry holds only whitespace");
        }
        return new Entry(name, kind, value, bytes);
    }

    private static String repeated(String written) {
        Matcher repeat = REPEAT.matcher(written);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(expanded);
        return expanded.toString();
    }

    /** Escapes to UTF-16 units; {@code \xNN} is not allowed here. */
    private static String unescape(String written, int line) {
        StringBuilder text = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c != '\\' || i + 1 == written.length()) {
                text.append(c);
                continue;
            }
            char escape = written.charAt(++i);
            switch (escape) {
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'n' -> text.append('\n');
                case '\\' -> text.append('\\');
                case 'u' -> {
                    text.append((char) Integer.parseInt(written.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalStateException(CORPUS + " line " + line + ": unknown escape \\" + escape
                        + (escape == 'x' ? " (raw bytes only in entries of kind bytes)" : ""));
            }
        }
        return text.toString();
    }

    /** Escapes to bytes: {@code \xNN} as the byte itself, everything else as UTF-8. */
    private static byte[] unescapeBytes(String written, int line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            boolean escape = written.charAt(i) == '\\' && i + 1 < written.length();
            if (escape && written.charAt(i + 1) == 'x') {
                bytes.writeBytes(unescape(text.toString(), line).getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
                bytes.write(Integer.parseInt(written.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (escape) {
                text.append(written, i, i + 2);
                i++;
            } else {
                text.append(written.charAt(i));
            }
        }
        bytes.writeBytes(unescape(text.toString(), line).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
