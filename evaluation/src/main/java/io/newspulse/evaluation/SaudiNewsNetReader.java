package io.newspulse.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads SaudiNewsNet: one zip per day holding a JSON array of {@code {"source", "url",
 * "date_extracted", "title", "author", "content"}}. Articles with no content are skipped.
 */
public final class SaudiNewsNetReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SaudiNewsNetReader() {}

    /** Reads every {@code .json} entry of one daily zip. */
    public static List<PlainDocument> readZip(Path zip) throws IOException {
        List<PlainDocument> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().endsWith(".json")) {
                    out.addAll(readJson(in, zip.getFileName() + "/" + e.getName()));
                }
            }
        }
        return out;
    }

    /** Reads one JSON array of articles; ids are {@code <name>#<index>}. */
    public static List<PlainDocument> readJson(InputStream in, String name) throws IOException {
        JsonNode root = MAPPER.readTree(new NonClosing(in));
        if (root == null || !root.isArray()) {
            throw new IOException(name + ": expected a JSON array");
        }
        List<PlainDocument> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            String content = n.path("content").asText("");
            if (!content.isBlank()) {
                String title = n.path("title").asText("");
                out.add(
                        new PlainDocument(
                                name + "#" + i,
                                n.path("source").asText(""),
                                title.isBlank() ? null : title,
                                content,
                                "ar"));
            }
            i++;
        }
        return out;
    }

    /** Keeps Jackson from closing the zip stream after the first entry. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
