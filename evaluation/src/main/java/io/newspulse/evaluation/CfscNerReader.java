package io.newspulse.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CFSC-NER JSON: an array of {@code {"text", "labels": [{"text", "Level 1 Aspect", "from",
 * "to"}]}}. The corpus counts offsets in code points; they are converted to UTF-16 offsets.
 */
public final class CfscNerReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CfscNerReader() {}

    /** Reads one split file; ids are {@code <file name>#<index>}. */
    public static List<SpanDocument> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads a JSON array from {@code in}. */
    public static List<SpanDocument> read(InputStream in, String name) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isArray()) {
            throw new IOException(name + ": expected a JSON array");
        }
        List<SpanDocument> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            String text = n.path("text").asText("");
            List<GoldSpan> spans = new ArrayList<>();
            for (JsonNode l : n.path("labels")) {
                int from = l.path("from").asInt(-1);
                int to = l.path("to").asInt(-1);
                int cps = text.codePointCount(0, text.length());
                if (from < 0 || to < from || to > cps) {
                    continue; // a broken label is noise, not a reason to drop the sentence
                }
                int start = text.offsetByCodePoints(0, from);
                int end = text.offsetByCodePoints(0, to);
                spans.add(
                        new GoldSpan(
                                start,
                                end,
                                l.path("Level 1 Aspect").asText(""),
                                text.substring(start, end)));
            }
            out.add(new SpanDocument(name + "#" + i, text, "zh-Hans", spans));
            i++;
        }
        return out;
    }
}
