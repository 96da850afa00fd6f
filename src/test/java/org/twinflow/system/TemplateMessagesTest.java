package org.twinflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * All text of the portal comes from the message bundles, so that a translation is a file: a template
 * may contain no literal text outside elements whose text Thymeleaf replaces, and every message key
 * it names must exist.
 */
class TemplateMessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1>", Pattern.DOTALL);
    private static final Pattern TEXT_AFTER_TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>([^<]*)");
    private static final Pattern REPLACING = Pattern.compile("\\bth:(text|utext|errors|replace|insert|remove)=");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

    @Test
    void shouldHaveNoLiteralTextInTemplates() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = SCRIPT_OR_STYLE.matcher(COMMENT.matcher(Files.readString(template)).replaceAll("")).replaceAll("");
            Deque deque = new Deque();
            Matcher tag = TEXT_AFTER_TAG.matcher(html);
            while (tag.find()) {
                boolean closing = !tag.group(1).isEmpty();
                String text = tag.group(4).strip();
                if (!closing) {
                    deque.push(REPLACING.matcher(tag.group(3)).find() || deque.replaced());
                    if (tag.group(3).endsWith("/") || isVoid(tag.group(2))) {
                        deque.pop();
                    }
                } else {
                    deque.pop();
                }
                if (LETTERS.matcher(text).find() && !deque.replaced()) {
                    literals.add(TEMPLATES.relativize(template) + ": \"" + text + "\"");
                }
            }
        }
        assertThat(literals).as("literal text in templates; use th:text=\"#{…}\" and a key in messages/*.properties").isEmpty();
    }

    @Test
    void shouldFindEveryMessageKeyThatATemplateNames() throws IOException {
        Properties messages = new Properties();
        try (Stream<Path> bundles = Files.list(MESSAGES)) {
            for (Path bundle : bundles.filter(p -> p.toString().endsWith(".properties")).toList()) {
                try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    messages.load(reader);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!messages.containsKey(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).as("message keys named in templates but missing from messages/*.properties").isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static boolean isVoid(String tag) {
        return List.of("input", "br", "hr", "img", "meta", "link", "col", "source").contains(tag.toLowerCase());
    }

    /** Whether the innermost open element (or one around it) has its content replaced by Thymeleaf. */
    private static final class Deque {
        private final java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();

        void push(boolean replaced) {
            open.push(replaced);
        }

        void pop() {
            if (!open.isEmpty()) {
                open.pop();
            }
        }

        boolean replaced() {
            return !open.isEmpty() && open.peek();
        }
    }
}
