package io.newspulse.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Reuters-21578 SGML. The document text is {@code TITLE}, a blank line and {@code BODY} (or
 * the raw {@code TEXT} of unprocessed stories); companies and tickers marked inline as {@code
 * &lt;IBM>} or {@code &lt;Cominco Ltd>} become gold spans labelled {@code mark} and the markers are
 * removed, so the text reads as plain news.
 */
public final class ReutersSgmlReader {
    private static final Pattern DOC =
            Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern TEXT = Pattern.compile("<TEXT[^>]*>(.*?)</TEXT>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d+);");

    /** Longest mark kept; longer runs are a stray {@code <}, not a mark. */
    static final int MAX_MARK = 100;

    private ReutersSgmlReader() {}

    /** Reads one {@code reut2-NNN.sgm} file (Latin-1 safe: read as ISO-8859-1). */
    public static List<SpanDocument> read(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    /** Parses every {@code <REUTERS>} element of {@code sgml}; ids are the NEWID attribute. */
    public static List<SpanDocument> parse(String sgml) {
        List<SpanDocument> out = new ArrayList<>();
        Matcher doc = DOC.matcher(sgml);
        while (doc.find()) {
            Matcher id = NEWID.matcher(doc.group(1));
            String docId = id.find() ? id.group(1) : String.valueOf(out.size());
            Matcher text = TEXT.matcher(doc.group(2));
            if (!text.find()) {
                continue;
            }
            String inner = text.group(1);
            Matcher title = TITLE.matcher(inner);
            Matcher body = BODY.matcher(inner);
            boolean hasTitle = title.find();
            boolean hasBody = body.find();
            Unmarked out1 = new Unmarked();
            if (hasTitle) {
                out1.append(title.group(1).strip());
            }
            if (hasBody) {
                if (hasTitle) {
                    out1.text.append("\n\n");
                }
                out1.append(body.group(1));
            } else if (!hasTitle) {
                out1.append(inner);
            }
            String plain = out1.text.toString();
            if (plain.isBlank()) {
                continue;
            }
            out.add(new SpanDocument(docId, plain, "en", out1.spans));
        }
        return out;
    }

    /** Accumulates plain text with marks removed and recorded. */
    private static final class Unmarked {
        final StringBuilder text = new StringBuilder();
        final List<GoldSpan> spans = new ArrayList<>();

        void append(String sgml) {
            int i = 0;
            while (i < sgml.length()) {
                int lt = sgml.indexOf("&lt;", i);
                if (lt < 0) {
                    decode(sgml.substring(i));
                    return;
                }
                decode(sgml.substring(i, lt));
                int close = sgml.indexOf('>', lt + 4);
                int nextLt = sgml.indexOf("&lt;", lt + 4);
                boolean mark =
                        close > lt + 4
                                && close - lt - 4 <= MAX_MARK
                                && (nextLt < 0 || nextLt > close);
                if (!mark) {
                    text.append('<');
                    i = lt + 4;
                    continue;
                }
                int start = text.length();
                decode(sgml.substring(lt + 4, close));
                int end = text.length();
                String marked = text.substring(start, end);
                // trim whitespace inside the marker so the span is the name itself
                int s = start;
                int e = end;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (e > s && !marked.isBlank()) {
                    spans.add(new GoldSpan(s, e, "mark", text.substring(s, e)));
                }
                i = close + 1;
            }
        }

        /** Appends SGML text with character entities decoded and control characters dropped. */
        private void decode(String sgml) {
            Matcher m = ENTITY.matcher(sgml);
            int last = 0;
            while (m.find()) {
                appendClean(sgml, last, m.start());
                String e = m.group(1);
                switch (e) {
                    case "lt" -> text.append('<');
                    case "gt" -> text.append('>');
                    case "amp" -> text.append('&');
                    case "quot" -> text.append('"');
                    default -> {
                        int c = Integer.parseInt(e.substring(1));
                        if (c >= 32 && c != 127) {
                            text.appendCodePoint(c);
                        }
                    }
                }
                last = m.end();
            }
            appendClean(sgml, last, sgml.length());
        }

        private void appendClean(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c >= 32 || c == '\n' || c == '\t') {
                    text.append(c);
                }
            }
        }
    }
}
