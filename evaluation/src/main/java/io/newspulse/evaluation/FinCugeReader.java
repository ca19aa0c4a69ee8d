package io.newspulse.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the two BBT-FinCUGE tasks that name companies: {@code finese} rows {@code [id, text, event
 * type, subject]} (subject {@code NaN} when there is none) and {@code finnsp} rows {@code [id,
 * title, text, entities, negative, negative entities]} with entities separated by {@code ;}. Rows
 * without a named entity are skipped.
 */
public final class FinCugeReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FinCugeReader() {}

    /** Reads a {@code finese} list file. */
    public static List<LabelledDocument> readFinese(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readFinese(in, file.getFileName().toString());
        }
    }

    /** Reads a {@code finese} JSON array of rows. */
    public static List<LabelledDocument> readFinese(InputStream in, String name)
            throws IOException {
        List<LabelledDocument> out = new ArrayList<>();
        for (JsonNode row : rows(in, name)) {
            String text = row.path(1).asText("");
            List<String> labels = split(row.path(3).asText(""));
            if (!text.isBlank() && !labels.isEmpty()) {
                out.add(new LabelledDocument(row.path(0).asText(), null, text, "zh-Hans", labels));
            }
        }
        return out;
    }

    /** Reads a {@code finnsp} list file. */
    public static List<LabelledDocument> readFinnsp(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readFinnsp(in, file.getFileName().toString());
        }
    }

    /** Reads a {@code finnsp} JSON array of rows. */
    public static List<LabelledDocument> readFinnsp(InputStream in, String name)
            throws IOException {
        List<LabelledDocument> out = new ArrayList<>();
        for (JsonNode row : rows(in, name)) {
            String title = row.path(1).asText("");
            String text = row.path(2).asText("");
            List<String> labels = split(row.path(3).asText(""));
            if ((!text.isBlank() || !title.isBlank()) && !labels.isEmpty()) {
                out.add(
                        new LabelledDocument(
                                row.path(0).asText(),
                                title.isBlank() ? null : title,
                                text,
                                "zh-Hans",
                                labels));
            }
        }
        return out;
    }

    private static JsonNode rows(InputStream in, String name) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isArray()) {
            throw new IOException(name + ": expected a JSON array of rows");
        }
        return root;
    }

    /** Splits a {@code ;}-separated entity list; {@code NaN} and blanks mean none. */
    static List<String> split(String s) {
        return Arrays.stream(s.split("[;；]"))
                .map(String::strip)
                .filter(x -> !x.isEmpty() && !x.equals("NaN"))
                .distinct()
                .toList();
    }
}
