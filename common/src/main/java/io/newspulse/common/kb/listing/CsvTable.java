package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.KnowledgeBaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A delimited text file with a header row, read whole: RFC 4180 quoting, a UTF-8 byte-order mark
 * and CRLF line ends are accepted; header names and values are trimmed (some exchange files pad
 * them with spaces).
 */
final class CsvTable {
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private CsvTable(List<List<String>> records, Path file) {
        if (records.isEmpty()) {
            throw new KnowledgeBaseException("empty listing file: " + file);
        }
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        for (List<String> r : records.subList(1, records.size())) {
            if (!(r.size() == 1 && r.get(0).isEmpty())) {
                rows.add(r.toArray(String[]::new));
            }
        }
    }

    /** Reads a comma-separated file. */
    static CsvTable read(Path file) {
        return read(file, ',');
    }

    /** Reads a file separated by {@code delimiter}. */
    static CsvTable read(Path file, char delimiter) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new CsvTable(parse(text, delimiter), file);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read listing " + file + ": " + e, e);
        }
    }

    /** Number of data rows. */
    int size() {
        return rows.size();
    }

    /** The trimmed value of {@code column} in row {@code row}, or "" when absent. */
    String get(int row, String column) {
        Integer c = columns.get(column);
        if (c == null) {
            throw new KnowledgeBaseException("listing has no column '" + column + "'");
        }
        String[] r = rows.get(row);
        return c < r.length ? r[c].trim() : "";
    }

    private static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                record.add(field.toString().trim());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString().trim());
                field.setLength(0);
                out.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString().trim());
            out.add(record);
        }
        return out;
    }
}
