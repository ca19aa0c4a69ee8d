package io.newspulse.e2e.pipeline;

import static io.newspulse.jobs.testing.HostileRecords.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import io.newspulse.e2e.pipeline.Pipeline.Raw;
import io.newspulse.jobs.testing.HostileRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Hostile {@code news.raw} records for {@link HostileInputITCase}, split by what the contract
 * (docs/contracts.md, "news.raw" and the stage {@code parse} error codes) makes of them:
 *
 * <ul>
 *   <li>{@link #bad}: records the contract rejects, each with the {@code error} of its dead letter;
 *   <li>{@link #accepted}: records that look hostile but are articles by the contract (bidi and
 *       zero-width marks, markup and script, an escaped NUL, nesting within the limit, a 1.5 MB
 *       article, a publication time far in the past or future, which only changes where the event
 *       time comes from). None names an entity, so they add no mention to any window.
 * </ul>
 *
 * Duplicate ids with a different body are built by the test from its good records: by contract a
 * repeated id is a redelivery, so the first copy wins and the later one is dropped.
 */
final class HostileFeed {
    private HostileFeed() {}

    /** A record the contract rejects, in {@code category}, with its dead letter's error code. */
    record Bad(String category, String error, String key, byte[] value) {}

    /** A record the contract accepts as article {@code id} although it looks hostile. */
    record Accepted(String category, String id, byte[] value) {
        Raw raw(Long timestamp) {
            return new Raw(id, value, timestamp);
        }
    }

    /** Publication times out of range or not in the contract's form (all {@code invalid_field}). */
    static final List<String> INVALID_TIMESTAMPS =
            List.of(
                    "+10000-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z",
                    "-0001-01-01T00:00:00Z",
                    "2025-03-14T13:42:10",
                    "2025-03-14T13:42:10+19:00",
                    "2025-03-14",
                    "yesterday",
                    "");

    /**
     * {@code perCategory} records of each kind the contract rejects, plus the fixed cases of {@link
     * HostileRecords} that are rejected (not UTF-8, not JSON, deep nesting, 2.5 MB). Keys are the
     * ids the records claim (null when they have none).
     */
    static List<Bad> bad(int perCategory) {
        Map<String, HostileRecords.Case> fixed = new LinkedHashMap<>();
        HostileRecords.fixedCases().forEach(c -> fixed.put(c.name(), c));
        List<Bad> out = new ArrayList<>();
        category(out, perCategory, "malformed JSON", "invalid_json", HostileFeed::truncated);
        category(out, perCategory, "invalid UTF-8", "invalid_json", HostileFeed::notUtf8);
        category(out, perCategory, "raw NUL byte", "invalid_json", HostileFeed::rawNul);
        category(out, perCategory, "nesting over 1,000", "invalid_json", HostileFeed::tooDeep);
        category(out, perCategory, "wrong type", "invalid_field", HostileFeed::wrongType);
        category(out, perCategory, "over a field limit", "invalid_field", HostileFeed::overLimit);
        category(
                out,
                perCategory,
                "timestamp out of range",
                "invalid_field",
                i ->
                        object(
                                "bad-ts-" + i,
                                "\"title\":\"t\",\"published_at\":"
                                        + quote(
                                                INVALID_TIMESTAMPS.get(
                                                        i % INVALID_TIMESTAMPS.size()))));
        category(out, perCategory, "missing field", "missing_field", HostileFeed::missing);
        category(out, perCategory, "not an object", "not_an_object", HostileFeed::notAnObject);
        category(out, perCategory, "empty", "empty", i -> i % 2 == 0 ? null : new byte[0]);
        category(
                out,
                perCategory,
                "newer schema_version",
                "unsupported_version",
                i ->
                        object(
                                "bad-version-" + i,
                                "\"title\":\"t\",\"schema_version\":" + (2 + i % 100)));
        out.add(fixedCase(fixed, "not UTF-8", "invalid UTF-8", "invalid_json"));
        out.add(fixedCase(fixed, "not JSON", "malformed JSON", "invalid_json"));
        out.add(fixedCase(fixed, "deep nesting", "nesting over 1,000", "invalid_json"));
        for (int i = 0; i < 3; i++) {
            out.add(fixedCase(fixed, "2.5 MB, over the limit", "over 2 MiB", "too_large"));
        }
        return out;
    }

    /** The hostile-looking records the contract accepts (ids {@code ok-*}). */
    static List<Accepted> accepted() {
        List<Accepted> out = new ArrayList<>();
        String calm = "The harbour was calm";
        for (String s : List.of("\u202eevil\u202c", "\u200b\u200d\ufeff", "\u2028\u2029")) {
            out.add(titled("bidi and zero-width", out.size(), s + " " + calm + "\u200b today"));
        }
        out.add(titled("markup and script", out.size(), "<script>alert(1)</script> " + calm));
        out.add(
                titled(
                        "markup and script",
                        out.size(),
                        "<b>" + calm + "</b><img src=x onerror=alert(1)>"));
        out.add(titled("escaped NUL", out.size(), "a\u0000b " + calm));
        out.add(titled("lone surrogate", out.size(), "x\ud83d " + calm));
        String id = "ok-nested-" + out.size();
        out.add(
                new Accepted(
                        "nesting within the limit",
                        id,
                        object(
                                id,
                                "\"title\":\""
                                        + calm
                                        + "\",\"x\":"
                                        + "[".repeat(900)
                                        + "]".repeat(900))));
        out.add(published("far past", out.size(), "1900-01-01T00:00:00Z"));
        out.add(published("far past", out.size(), "0000-01-01T00:00:00Z"));
        out.add(large(out.size(), "The ferries ran on time and the quay was quiet. "));
        out.add(large(out.size(), "Gulls circled over the empty fish market at noon. "));
        return out;
    }

    /**
     * An article published at the end of the contract's time range: its event time is the time it
     * is read (the test sends it last, as it moves event time to the present).
     */
    static Accepted farFuture() {
        return published("far future", 0, "9999-12-31T23:59:59Z");
    }

    /** The same id as a good article, another body: a redelivery by contract, dropped. */
    static Raw sameIdOtherBody(String id, Instant publishedAt, int n) {
        return Pipeline.article(
                id,
                "wire-redelivered",
                publishedAt,
                "Another text under a known id " + n,
                "This body differs from the first delivery of " + id + ".");
    }

    // ------------------------------------------------------------------ bad records

    private static void category(
            List<Bad> out, int n, String category, String error, IntFunction<byte[]> value) {
        for (int i = 0; i < n; i++) {
            byte[] v = value.apply(i);
            out.add(new Bad(category, error, keyOf(category, i), v));
        }
    }

    /** The id a record of a category claims, used as its Kafka key; null for a few kinds. */
    private static String keyOf(String category, int i) {
        return switch (category) {
            case "not an object", "empty" -> null;
            default -> "bad-" + category.replaceAll("[^a-zA-Z0-9]+", "-") + "-" + i;
        };
    }

    private static Bad fixedCase(
            Map<String, HostileRecords.Case> fixed, String name, String category, String error) {
        HostileRecords.Case c = fixed.get(name);
        if (c == null) {
            throw new IllegalStateException("HostileRecords has no case " + name);
        }
        return new Bad(category, error, null, c.value());
    }

    /** A proper prefix (1 .. length - 1 bytes) of a valid article: never valid JSON. */
    private static byte[] truncated(int i) {
        byte[] whole = object("bad-json-" + i, "\"title\":\"腾讯控股一度跌超5%\"");
        byte[] out = new byte[1 + i % (whole.length - 1)];
        System.arraycopy(whole, 0, out, 0, out.length);
        return out;
    }

    private static final byte[][] NOT_UTF8 = {
        {(byte) 0xFF},
        {(byte) 0xFE},
        {(byte) 0xC3, '('},
        {(byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82, '"'}
    };

    /** An article whose title holds bytes that are not UTF-8. */
    private static byte[] notUtf8(int i) {
        return withTitleBytes("bad-utf8-" + i, NOT_UTF8[i % NOT_UTF8.length]);
    }

    /** An article whose title holds an unescaped NUL byte (JSON allows it only escaped). */
    private static byte[] rawNul(int i) {
        return withTitleBytes("bad-nul-" + i, new byte[] {0});
    }

    private static byte[] withTitleBytes(String id, byte[] inside) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(utf8("{\"id\":\"" + id + "\",\"source\":\"wire-h\",\"title\":\"Tencent "));
        b.writeBytes(inside);
        b.writeBytes(utf8(" shares\"}"));
        return b.toByteArray();
    }

    /** Nesting of 1,001 to 1,200 levels in an unknown field. */
    private static byte[] tooDeep(int i) {
        int depth = 1_001 + i % 200;
        return object(
                "bad-deep-" + i, "\"title\":\"t\",\"x\":" + "[".repeat(depth) + "]".repeat(depth));
    }

    private static final List<String> WRONG_TYPES =
            List.of(
                    "\"title\":{\"text\":\"t\"},\"body\":\"b\"",
                    "\"title\":\"t\",\"body\":[\"b\"]",
                    "\"title\":\"t\",\"url\":42",
                    "\"title\":\"t\",\"language\":true",
                    "\"title\":\"t\",\"published_at\":1741930930",
                    "\"title\":\"t\",\"provider_tags\":\"tag\"",
                    "\"title\":\"t\",\"schema_version\":\"one\"");

    private static byte[] wrongType(int i) {
        int kind = i % (WRONG_TYPES.size() + 2);
        if (kind == WRONG_TYPES.size()) {
            return utf8("{\"id\":" + i + ",\"source\":\"wire-h\",\"title\":\"t\"}");
        }
        if (kind == WRONG_TYPES.size() + 1) {
            return utf8("{\"id\":\"bad-type-" + i + "\",\"source\":7,\"title\":\"t\"}");
        }
        return object("bad-type-" + i, WRONG_TYPES.get(kind));
    }

    private static byte[] overLimit(int i) {
        String id = "bad-limit-" + i;
        return switch (i % 5) {
            case 0 ->
                    utf8(
                            "{\"id\":"
                                    + quote(id + "-" + "x".repeat(512))
                                    + ",\"source\":\"s\",\"title\":\"t\"}");
            case 1 ->
                    utf8(
                            "{\"id\":"
                                    + quote(id)
                                    + ",\"source\":"
                                    + quote("s".repeat(257))
                                    + ",\"title\":\"t\"}");
            case 2 ->
                    object(
                            id,
                            "\"title\":\"t\",\"url\":"
                                    + quote("https://a.example/" + "p".repeat(2_040)));
            case 3 -> object(id, "\"title\":\"t\",\"language\":" + quote("l".repeat(65)));
            default -> object(id, "\"title\":\"t\",\"url\":" + quote("javascript:alert(1)"));
        };
    }

    private static byte[] missing(int i) {
        String id = quote("bad-missing-" + i);
        return utf8(
                switch (i % 6) {
                    case 0 -> "{\"source\":\"s\",\"title\":\"t\"}";
                    case 1 -> "{\"id\":\"  \",\"source\":\"s\",\"title\":\"t\"}";
                    case 2 -> "{\"id\":" + id + ",\"title\":\"t\"}";
                    case 3 -> "{\"id\":" + id + ",\"source\":\"\",\"title\":\"t\"}";
                    case 4 -> "{\"id\":" + id + ",\"source\":\"s\"}";
                    default ->
                            "{\"id\":"
                                    + id
                                    + ",\"source\":\"s\",\"title\":\"\\u3000\",\"body\":null}";
                });
    }

    private static final List<String> NOT_OBJECTS =
            List.of("[]", "[{\"id\":\"a\"}]", "\"腾讯\"", "42", "null", "true", "1e400");

    private static byte[] notAnObject(int i) {
        return utf8(NOT_OBJECTS.get(i % NOT_OBJECTS.size()));
    }

    // ------------------------------------------------------------------ accepted records

    private static Accepted titled(String category, int n, String title) {
        String id = "ok-" + category.replaceAll("[^a-zA-Z0-9]+", "-") + "-" + n;
        return new Accepted(category, id, object(id, "\"title\":" + quote(title)));
    }

    private static Accepted published(String category, int n, String at) {
        String id = "ok-" + category.replaceAll("[^a-zA-Z0-9]+", "-") + "-" + n;
        return new Accepted(
                category,
                id,
                object(id, "\"title\":\"The harbour was calm\",\"published_at\":" + quote(at)));
    }

    /** About 1.5 MB of one sentence: valid (the contract accepts 2 MiB). */
    private static Accepted large(int n, String sentence) {
        String id = "ok-large-" + n;
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", id);
        o.put("source", "wire-h");
        o.put("title", "A long harbour log");
        o.put("body", sentence.repeat(1_500_000 / sentence.length()));
        return new Accepted("1.5 MB", id, utf8(o.toString()));
    }

    /** {@code {"id":id,"source":"wire-h",<fields>}}. */
    private static byte[] object(String id, String fields) {
        return utf8("{\"id\":" + quote(id) + ",\"source\":\"wire-h\"," + fields + "}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
