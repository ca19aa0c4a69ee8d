package io.newspulse.common.testing;

import io.newspulse.common.kb.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small test knowledge base ({@code /kb-mini} in this test jar), for tests of matching logic
 * that must not depend on the size of the product's knowledge base.
 */
public final class KbMini {
    private static final List<String> FILES = List.of("companies.yaml", "other.yaml");

    private KbMini() {}

    /** A folder holding the kb-mini files (copied out of the jar when it runs from one). */
    public static synchronized Path dir() {
        try {
            Path dir = Files.createTempDirectory("kb-mini");
            for (String name : FILES) {
                try (InputStream in = KbMini.class.getResourceAsStream("/kb-mini/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "kb-mini/" + name + " not on the classpath");
                    }
                    Files.copy(in, dir.resolve(name));
                }
                dir.resolve(name).toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kb-mini knowledge base. */
    public static KnowledgeBase load() {
        return KnowledgeBase.load(dir());
    }
}
