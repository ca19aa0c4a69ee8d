package io.newspulse.common.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newspulse.common.text.Utf16;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses and validates {@code news.raw} messages (see docs/contracts.md). Never throws on bad
 * input: every rejection comes back as a {@link ParseResult} with an error code and a reason.
 */
public final class NewsArticleParser {
    /** Largest accepted message. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * Longest accepted article id, in UTF-8 bytes: Elasticsearch refuses a document {@code _id}
     * longer than 512 bytes.
     */
    public static final int MAX_ID_BYTES = 512;

    /** Longest accepted {@code source}, in characters (a keyword field in the articles index). */
    public static final int MAX_SOURCE_LENGTH = 256;

    /**
     * Longest accepted {@code url}, in characters: the articles index keeps no longer keyword
     * ({@code ignore_above}), dashboards could not search it.
     */
    public static final int MAX_URL_LENGTH = 2048;

    /** Longest accepted declared {@code language} tag, in characters. */
    public static final int MAX_LANGUAGE_LENGTH = 64;

    /** Earliest and latest accepted publication year (RFC 3339 has four-digit years). */
    private static final int MIN_YEAR = 0;

    private static final int MAX_YEAR = 9999;

    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}]+");

    /** Rejects a duplicated key instead of keeping its last value. */
    private static final ObjectReader READER =
            Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Highest {@code schema_version} this parser understands. */
    public static final int SCHEMA_VERSION = 1;

    private NewsArticleParser() {}

    /** Parses one message value. */
    public static ParseResult<NewsArticle> parse(byte[] value) {
        if (value == null || value.length == 0) {
            return ParseResult.rejected("empty", "message has no value");
        }
        if (value.length > MAX_BYTES) {
            return ParseResult.rejected(
                    "too_large", "message is " + value.length + " bytes, limit " + MAX_BYTES);
        }
        JsonNode doc;
        try {
            doc = READER.readTree(value);
        } catch (JsonProcessingException e) {
            return ParseResult.rejected(
                    "invalid_json", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return ParseResult.rejected("invalid_json", "not valid JSON: " + e.getMessage());
        }
        if (doc == null || !doc.isObject()) {
            return ParseResult.rejected("not_an_object", "message is not a JSON object");
        }
        return validate(doc);
    }

    private static ParseResult<NewsArticle> validate(JsonNode doc) {
        JsonNode version = doc.get("schema_version");
        if (version != null && !version.isNull()) {
            if (!version.canConvertToInt() || version.asInt() < 1) {
                return ParseResult.rejected(
                        "invalid_field", "schema_version must be a positive integer");
            }
            if (version.asInt() > SCHEMA_VERSION) {
                return ParseResult.rejected(
                        "unsupported_version",
                        "schema_version " + version.asInt() + " is newer than " + SCHEMA_VERSION);
            }
        }
        String id = text(doc, "id");
        if (id == null || id.isBlank()) {
            return ParseResult.rejected("missing_field", "id is missing or empty");
        }
        int idBytes = id.strip().getBytes(StandardCharsets.UTF_8).length;
        if (idBytes > MAX_ID_BYTES) {
            return ParseResult.rejected(
                    "invalid_field",
                    "id is " + idBytes + " bytes of UTF-8, longer than " + MAX_ID_BYTES);
        }
        String source = text(doc, "source");
        if (source == null || source.isBlank()) {
            return ParseResult.rejected("missing_field", "source is missing or empty");
        }
        if (source.strip().length() > MAX_SOURCE_LENGTH) {
            return tooLong("source", source.strip().length(), MAX_SOURCE_LENGTH);
        }
        String title = text(doc, "title");
        String body = text(doc, "body");
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            return ParseResult.rejected(
                    "missing_field", "title and body are both missing or empty");
        }
        for (String field : List.of("id", "source", "title", "body", "url", "language")) {
            JsonNode n = doc.get(field);
            if (n != null && !n.isNull() && !n.isTextual()) {
                return ParseResult.rejected("invalid_field", field + " must be a string");
            }
        }
        String url = text(doc, "url");
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null) {
            url = url.strip();
            if (url.length() > MAX_URL_LENGTH) {
                return tooLong("url", url.length(), MAX_URL_LENGTH);
            }
            if (!HTTP_URL.matcher(url).matches()) {
                return ParseResult.rejected(
                        "invalid_field",
                        "url must be an http:// or https:// URL without white space, got '"
                                + excerpt(url)
                                + "'");
            }
        }
        String language = text(doc, "language");
        if (language != null && language.length() > MAX_LANGUAGE_LENGTH) {
            return tooLong("language", language.length(), MAX_LANGUAGE_LENGTH);
        }
        Instant published = null;
        JsonNode p = doc.get("published_at");
        if (p != null && !p.isNull()) {
            if (!p.isTextual()) {
                return ParseResult.rejected(
                        "invalid_field", "published_at must be an ISO-8601 string");
            }
            OffsetDateTime t;
            try {
                t = OffsetDateTime.parse(p.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeException e) {
                return ParseResult.rejected(
                        "invalid_field",
                        "published_at '"
                                + excerpt(p.asText())
                                + "' is not ISO-8601 with an offset");
            }
            if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) {
                return ParseResult.rejected(
                        "invalid_field",
                        "published_at '"
                                + excerpt(p.asText())
                                + "' has no four-digit year (RFC 3339)");
            }
            published = t.toInstant();
        }
        List<String> tags = new ArrayList<>();
        JsonNode t = doc.get("provider_tags");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                return ParseResult.rejected("invalid_field", "provider_tags must be an array");
            }
            t.forEach(x -> tags.add(Utf16.wellFormed(x.asText())));
        }
        return ParseResult.ok(
                new NewsArticle(
                        id.strip(),
                        source.strip(),
                        url,
                        published,
                        title == null ? "" : title,
                        body == null ? "" : body,
                        language,
                        List.copyOf(tags)));
    }

    /** A string field with lone surrogates replaced, or null. */
    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() ? null : Utf16.wellFormed(n.asText());
    }

    private static ParseResult<NewsArticle> tooLong(String field, int length, int limit) {
        return ParseResult.rejected(
                "invalid_field", field + " is " + length + " characters long, limit " + limit);
    }

    /** At most 80 characters of a rejected value, well-formed, for the reason. */
    private static String excerpt(String s) {
        if (s.length() <= 80) {
            return Utf16.wellFormed(s);
        }
        int end = Character.isHighSurrogate(s.charAt(79)) ? 79 : 80;
        return Utf16.wellFormed(s.substring(0, end)) + "...";
    }
}
