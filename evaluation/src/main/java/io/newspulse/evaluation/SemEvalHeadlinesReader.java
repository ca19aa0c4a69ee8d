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
 * Reads SemEval-2017 Task 5 headlines: a JSON array of {@code {"id", "company", "title",
 * "sentiment"}}; each becomes a title-only document labelled with its company string.
 */
public final class SemEvalHeadlinesReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SemEvalHeadlinesReader() {}

    /** Reads the headlines file. */
    public static List<LabelledDocument> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads a JSON array from {@code in}. */
    public static List<LabelledDocument> read(InputStream in, String name) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isArray()) {
            throw new IOException(name + ": expected a JSON array");
        }
        List<LabelledDocument> out = new ArrayList<>();
        for (JsonNode n : root) {
            String title = n.path("title").asText("");
            String company = n.path("company").asText("").strip();
            if (title.isBlank() || company.isEmpty()) {
                continue;
            }
            out.add(
                    new LabelledDocument(
                            n.path("id").asText(String.valueOf(out.size())),
                            null,
                            title,
                            "en",
                            List.of(company)));
        }
        return out;
    }
}
