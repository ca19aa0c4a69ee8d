package io.newspulse.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads FiNER-ORD token rows ({@code gold_label,gold_token,doc_idx,sent_idx}; labels 0=O, 1/2=PER,
 * 3/4=LOC, 5/6=ORG as B/I) and rebuilds each document as plain text: tokens joined by single
 * spaces, no space before closing punctuation and clitics, sentences separated by one space.
 * Labelled runs become {@link GoldSpan}s labelled {@code PER}, {@code LOC} or {@code ORG}.
 */
public final class FinerOrdReader {
    private static final String[] TYPES = {"PER", "LOC", "ORG"};
    private static final Set<String> NO_SPACE_BEFORE =
            Set.of(
                    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "'s", "’s", "n't",
                    "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$", "“", "£", "€");

    private FinerOrdReader() {}

    /** Reads one CSV file; ids are {@code <file name>#<doc_idx>}. */
    public static List<SpanDocument> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        }
    }

    /** Reads CSV rows from {@code in}; the first row is the header. */
    public static List<SpanDocument> read(Reader in, String name) throws IOException {
        List<SpanDocument> out = new ArrayList<>();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String header = r.readLine();
        if (header == null) {
            return out;
        }
        DocBuilder doc = null;
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = Csv.split(line);
            if (cells.size() < 4) {
                throw new IOException(name + ":" + lineNo + ": expected 4 columns");
            }
            int label;
            try {
                label = (int) Double.parseDouble(cells.get(0));
            } catch (NumberFormatException e) {
                throw new IOException(name + ":" + lineNo + ": bad label " + cells.get(0));
            }
            String token = cells.get(1);
            String docIdx = cells.get(2);
            String sentIdx = cells.get(3);
            if (doc == null || !doc.id.equals(docIdx)) {
                if (doc != null) {
                    out.add(doc.build(name));
                }
                doc = new DocBuilder(docIdx);
            }
            doc.add(token, sentIdx, label);
        }
        if (doc != null) {
            out.add(doc.build(name));
        }
        return out;
    }

    private static final class DocBuilder {
        final String id;
        final StringBuilder text = new StringBuilder();
        final List<GoldSpan> spans = new ArrayList<>();
        String sentence;
        String previous;
        String openType;
        int openStart;
        int openEnd;

        DocBuilder(String id) {
            this.id = id;
        }

        void add(String token, String sentIdx, int label) {
            boolean newSentence = sentence != null && !sentence.equals(sentIdx);
            sentence = sentIdx;
            if (text.length() > 0 && needsSpace(previous, token, newSentence)) {
                text.append(' ');
            }
            int start = text.length();
            text.append(token);
            int end = text.length();
            previous = token;
            String type = label >= 1 && label <= 6 ? TYPES[(label - 1) / 2] : null;
            boolean begin = label % 2 == 1;
            if (type == null || begin || !type.equals(openType) || newSentence) {
                close();
            }
            if (type != null) {
                if (openType == null) {
                    openType = type;
                    openStart = start;
                }
                openEnd = end;
            }
        }

        private static boolean needsSpace(String previous, String token, boolean newSentence) {
            if (newSentence) {
                return true;
            }
            return !NO_SPACE_BEFORE.contains(token) && !NO_SPACE_AFTER.contains(previous);
        }

        void close() {
            if (openType != null) {
                spans.add(
                        new GoldSpan(
                                openStart, openEnd, openType, text.substring(openStart, openEnd)));
                openType = null;
            }
        }

        SpanDocument build(String name) {
            close();
            return new SpanDocument(name + "#" + id, text.toString(), "en", spans);
        }
    }

    /** Minimal RFC 4180 line splitting: quoted cells, doubled quotes. */
    static final class Csv {
        private Csv() {}

        static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
