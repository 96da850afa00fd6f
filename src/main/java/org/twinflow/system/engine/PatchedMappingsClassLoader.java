package org.twinflow.system.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hands MyBatis the patched text of the engine's mapping files and everything else from its parent.
 * MyBatis reads the {@code <mapper resource="…"/>} entries of Camunda's {@code mappings.xml} through the
 * thread's context class loader, so the engine sees the patched mapping under Camunda's own resource name.
 */
final class PatchedMappingsClassLoader extends ClassLoader {

    private final Map<String, String> patched;

    PatchedMappingsClassLoader(ClassLoader parent, Map<String, String> patched) {
        super(parent);
        this.patched = Map.copyOf(patched);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        String text = patched.get(name.startsWith("/") ? name.substring(1) : name);
        return text != null ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) : super.getResourceAsStream(name);
    }
}
