package org.twinflow.system.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A change to one of the engine's own MyBatis mapping files, made to the file as the engine jar ships it
 * when the engine starts. Each replacement names the exact fragment of Camunda's text it replaces; the
 * fragment must occur exactly once (compared token by token, so indentation does not matter), otherwise the
 * engine refuses to start: an upgraded engine whose mapping changed must be looked at again, never patched
 * half or not at all without anybody noticing.
 */
record MappingPatch(String resource, List<Replacement> replacements) {

    /** Camunda's text and what takes its place. */
    record Replacement(String why, String original, String replacement) {
    }

    /** The patched text of the resource, read from {@code classLoader}. */
    String apply(ClassLoader classLoader) {
        String text = read(classLoader);
        for (Replacement change : replacements) {
            Matcher matcher = tokenPattern(change.original()).matcher(text);
            if (!matcher.find()) {
                throw new ProcessEngineException("Cannot patch the engine's " + resource + " (" + change.why() + "): Camunda's fragment "
                        + "is no longer there, the engine was probably upgraded. Compare the new mapping with " + getClass().getName()
                        + " and adapt or drop the patch. Missing fragment:\n" + change.original());
            }
            int start = matcher.start();
            int end = matcher.end();
            if (matcher.find()) {
                throw new ProcessEngineException("Cannot patch the engine's " + resource + " (" + change.why()
                        + "): Camunda's fragment occurs more than once:\n" + change.original());
            }
            text = text.substring(0, start) + change.replacement() + text.substring(end);
        }
        return text;
    }

    private String read(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProcessEngineException("Cannot patch the engine's " + resource + ": it is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new ProcessEngineException("Cannot read the engine's " + resource, failed);
        }
    }

    /** The fragment's tokens in order, any white space between them. */
    static Pattern tokenPattern(String fragment) {
        return Pattern.compile(List.of(fragment.strip().split("\\s+")).stream().map(Pattern::quote).collect(Collectors.joining("\\s+")));
    }
}
