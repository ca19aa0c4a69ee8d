package io.newspulse.common.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates {@code news.raw} messages (see docs/contracts.md). Never throws on bad
 * input: every rejection comes back as a {@link ParseResult} with an error code and a reason.
 */
public final class NewsArticleParser {
    /** Largest accepted message. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** Longest accepted article id. */
    public static final int MAX_ID_LENGTH = 512;

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
            doc = Json.mapper().readTree(value);
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
        if (id.length() > MAX_ID_LENGTH) {
            return ParseResult.rejected("invalid_field", "id is longer than " + MAX_ID_LENGTH);
        }
        String source = text(doc, "source");
        if (source == null || source.isBlank()) {
            return ParseResult.rejected("missing_field", "source is missing or empty");
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
        Instant published = null;
        JsonNode p = doc.get("published_at");
        if (p != null && !p.isNull()) {
            if (!p.isTextual()) {
                return ParseResult.rejected(
                        "invalid_field", "published_at must be an ISO-8601 string");
            }
            try {
                published =
                        OffsetDateTime.parse(p.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .toInstant();
            } catch (DateTimeException e) {
                return ParseResult.rejected(
                        "invalid_field",
                        "published_at '" + p.asText() + "' is not ISO-8601 with an offset");
            }
        }
        List<String> tags = new ArrayList<>();
        JsonNode t = doc.get("provider_tags");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                return ParseResult.rejected("invalid_field", "provider_tags must be an array");
            }
            t.forEach(x -> tags.add(x.asText()));
        }
        return ParseResult.ok(
                new NewsArticle(
                        id.strip(),
                        source.strip(),
                        text(doc, "url"),
                        published,
                        title == null ? "" : title,
                        body == null ? "" : body,
                        text(doc, "language"),
                        List.copyOf(tags)));
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
