package io.newspulse.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.NewsArticleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the Reuters-21578 SGML files into a news feed: one {@code news.raw} JSON line per article
 * with a title or body, {@code published_at} from its {@code DATE} (read as UTC; the corpus gives
 * no zone), ordered by time so that a replay moves event time forward as the wire did. Ids are
 * {@code reuters-NEWID}; the inline company marks ({@code <Cominco Ltd>}) become plain text.
 */
public final class ReutersFeed {
    private static final Pattern DOC =
            Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern DATE =
            Pattern.compile("<DATE>\\s*(.*?)\\s*</DATE>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final Pattern MARK = Pattern.compile("<([^<>\\n]{1,100})>");
    private static final DateTimeFormatter REUTERS_DATE =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d-MMM-yyyy HH:mm:ss")
                    .optionalStart()
                    .appendPattern(".SS")
                    .optionalEnd()
                    .toFormatter(Locale.ROOT);

    private ReutersFeed() {}

    /** One article of the feed, with its line of JSON. */
    public record Line(String id, LocalDateTime publishedAt, String json) {}

    /** The feed of every {@code reut2-*.sgm} file in {@code dir}, ordered by time, then id. */
    public static List<Line> read(Path dir) throws IOException {
        List<Line> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm"))
                            .sorted()
                            .toList()) {
                out.addAll(parse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)));
            }
        }
        out.sort(
                Comparator.comparing(Line::publishedAt)
                        .thenComparingInt(l -> Integer.parseInt(l.id().substring(8))));
        return out;
    }

    /** The articles of one SGML text, in file order; those without a date or text are skipped. */
    public static List<Line> parse(String sgml) {
        List<Line> out = new ArrayList<>();
        Matcher doc = DOC.matcher(sgml);
        while (doc.find()) {
            Matcher newId = NEWID.matcher(doc.group(1));
            Matcher date = DATE.matcher(doc.group(2));
            if (!newId.find() || !date.find()) {
                continue;
            }
            LocalDateTime at;
            try {
                at = LocalDateTime.parse(date.group(1), REUTERS_DATE);
            } catch (RuntimeException unreadable) {
                continue;
            }
            String title = first(TITLE, doc.group(2));
            String body = first(BODY, doc.group(2));
            if (title.isEmpty() && body.isEmpty()) {
                continue;
            }
            String id = "reuters-" + newId.group(1);
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("id", id);
            n.put("source", "reuters");
            n.put("url", "https://reuters21578.invalid/" + newId.group(1));
            n.put("published_at", at.atOffset(ZoneOffset.UTC).toString());
            n.put("language", "en");
            n.put("title", title);
            n.put("body", body);
            n.put("schema_version", NewsArticleParser.SCHEMA_VERSION);
            try {
                out.add(new Line(id, at, Json.mapper().writeValueAsString(n)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static String first(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? clean(m.group(1)) : "";
    }

    private static String clean(String sgml) {
        String s =
                sgml.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#3;", "")
                        .replace("&amp;", "&");
        return MARK.matcher(s).replaceAll("$1").strip();
    }
}
