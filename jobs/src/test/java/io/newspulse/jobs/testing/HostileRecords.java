package io.newspulse.jobs.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile {@code news.raw} input: generators of records that are wrong in every way a feed can be
 * (timestamps out of range, strings no encoder likes, numbers JSON cannot hold, wrong types,
 * duplicated keys, nesting), each from a seed so a failure names the seed that reproduces it, and a
 * fixed list of named cases, including large ones, for tests that want them all.
 */
public final class HostileRecords {
    private HostileRecords() {}

    /** A named hostile message. */
    public record Case(String name, byte[] value) {
        @Override
        public String toString() {
            return name + " (" + value.length + " bytes)";
        }
    }

    /** Timestamps as a feed might write them: in and out of range, with and without a zone. */
    public static final List<String> TIMESTAMPS =
            List.of(
                    "1900-01-01T00:00:00Z",
                    "0000-01-01T00:00:00Z",
                    "-0001-01-01T00:00:00Z",
                    "1970-01-01T00:00:00Z",
                    "1969-12-31T23:59:59.999Z",
                    "1989-12-31T23:59:59Z",
                    "9999-12-31T23:59:59Z",
                    "+10000-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z",
                    "2016-12-31T23:59:60Z",
                    "2025-03-14T13:42:10",
                    "2025-03-14T13:42:10+18:00",
                    "2025-03-14T13:42:10-18:00",
                    "2025-03-14T13:42:10+19:00",
                    "2025-03-14",
                    "",
                    "yesterday");

    /** Strings no encoder likes. */
    public static final List<String> STRINGS =
            List.of(
                    "",
                    " ",
                    "\u0000",
                    "a\u0000b",
                    "\ud800",
                    "\udc00x",
                    "x\ud83d",
                    "\ud83d\ude00",
                    "\u202eevil\u202c",
                    "\u200b\u200d\ufeff",
                    "\u2028\u2029",
                    "<script>alert(1)</script>",
                    "javascript:alert(1)",
                    "https://news.example/a",
                    "腾讯控股一度跌超5%",
                    "أرامكو ترتفع 2.5%",
                    "\\",
                    "\"");

    /** Numbers JSON may carry (as text, some not valid JSON at all). */
    public static final List<String> NUMBERS =
            List.of(
                    "0",
                    "-0",
                    "-0.0",
                    "1e400",
                    "-1e400",
                    "123456789012345678901234567890",
                    "9223372036854775808",
                    "4.9e-324",
                    "NaN",
                    "Infinity",
                    "0x10",
                    "01");

    private static final List<String> FIELDS =
            List.of(
                    "id",
                    "source",
                    "title",
                    "body",
                    "url",
                    "published_at",
                    "language",
                    "provider_tags",
                    "schema_version",
                    "other");

    /** Any JSON value text, hostile ones likely. */
    public static String jsonValue(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> quote(pick(r, STRINGS));
            case 1 -> quote(anyString(r));
            case 2 -> quote(pick(r, TIMESTAMPS));
            case 3 -> pick(r, NUMBERS);
            case 4 -> pick(r, List.of("true", "false", "null", "[]", "{}"));
            case 5 -> "[" + quote(anyString(r)) + "," + quote(pick(r, STRINGS)) + "]";
            default -> {
                int depth = 1 + r.nextInt(40);
                yield "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            }
        };
    }

    /** Any string up to 2,000 characters (larger ones are fixed cases), any UTF-16 unit. */
    public static String anyString(Random r) {
        int kind = r.nextInt(5);
        int n = r.nextInt(kind == 4 ? 2_000 : kind == 3 ? 500 : 40);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(
                    switch (kind) {
                        case 0 -> (char) r.nextInt(Character.MAX_VALUE + 1);
                        case 1 -> (char) r.nextInt(0x100);
                        case 2 -> "\ud800\udbff\udc00\udfff\u202e\u0000".charAt(r.nextInt(6));
                        case 3 -> (char) ('\u4e00' + r.nextInt(0x9fa5 - 0x4e00));
                        default -> 'x';
                    });
        }
        return b.toString();
    }

    /**
     * A JSON object text, usually close to an article: each article field is absent, a plausible
     * value or a hostile one; keys may repeat and unknown keys appear.
     */
    public static String article(Random r) {
        List<String> fields = new ArrayList<>();
        field(r, fields, "id", "\"a-1\"", "\"a-2\"", "\"b-1\"");
        field(r, fields, "source", "\"wire-a\"", "\"cls.cn\"");
        field(
                r,
                fields,
                "title",
                "\"Nvidia shares slump 6.5% after rival launch\"",
                "\"腾讯控股一度跌超5%\"",
                "\"أرامكو ترتفع\"");
        field(
                r,
                fields,
                "body",
                "\"Nvidia (NASDAQ: NVDA) fell 6.5% on Monday.\"",
                "\"周二港股科技股走强，腾讯控股一度涨超5%，阿里巴巴涨3.1%。\"");
        field(r, fields, "url", "\"https://news.example/a\"");
        field(
                r,
                fields,
                "published_at",
                "\"2026-03-02T09:30:00+08:00\"",
                quote(pick(r, TIMESTAMPS)));
        field(r, fields, "language", "\"en\"", "\"zh-CN\"");
        field(r, fields, "provider_tags", "[\"x\"]");
        field(r, fields, "schema_version", "1");
        for (int i = r.nextInt(4); i > 0; i--) {
            fields.add(quote(pick(r, FIELDS)) + ":" + jsonValue(r));
        }
        return "{" + String.join(",", fields) + "}";
    }

    /** Adds {@code "name":value}: plausible (6 in 10), hostile (3 in 10) or absent. */
    private static void field(Random r, List<String> fields, String name, String... plausible) {
        int roll = r.nextInt(10);
        if (roll < 6) {
            fields.add(quote(name) + ":" + plausible[r.nextInt(plausible.length)]);
        } else if (roll < 9) {
            fields.add(quote(name) + ":" + jsonValue(r));
        }
    }

    /** Message bytes: mostly an article object, else any JSON value or random bytes. */
    public static byte[] message(Random r) {
        int roll = r.nextInt(10);
        if (roll < 8) {
            return utf8(article(r));
        }
        if (roll < 9) {
            return utf8(jsonValue(r));
        }
        byte[] bytes = new byte[r.nextInt(65)];
        r.nextBytes(bytes);
        return bytes;
    }

    /** A Kafka record timestamp: none (-1), epoch 0, the extremes, or any time to 2100. */
    public static long kafkaTimestamp(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, List.of(-1L, 0L, 1L, 631_151_999_999L, Long.MAX_VALUE));
            default -> (long) (r.nextDouble() * 4_102_444_800_000L);
        };
    }

    /** The named cases of the issue that found these gaps, and a few large ones. */
    public static List<Case> fixedCases() {
        String ok = "\"source\":\"wire-h\",\"title\":\"Tencent shares jump 5%\"";
        List<Case> cases = new ArrayList<>();
        for (String t : TIMESTAMPS) {
            cases.add(
                    new Case(
                            "published_at " + t,
                            utf8(
                                    "{\"id\":\"h-ts-"
                                            + t
                                            + "\","
                                            + ok
                                            + ",\"published_at\":"
                                            + quote(t)
                                            + "}")));
        }
        Map<String, String> named =
                Map.ofEntries(
                        Map.entry(
                                "url javascript",
                                "{\"id\":\"h-url\"," + ok + ",\"url\":\"javascript:alert(1)\"}"),
                        Map.entry(
                                "duplicate key",
                                "{\"id\":\"h-dup\"," + ok + ",\"id\":\"h-dup-2\"}"),
                        Map.entry(
                                "lone surrogates",
                                "{\"id\":\"h-sur\\ud800\",\"source\":\"s\\udc00\",\"title\":\"x\\ud83d\"}"),
                        Map.entry(
                                "bidi and zero-width",
                                "{\"id\":\"h-bidi\",\"source\":\"s\",\"title\":\"\\u202eTencent\\u200b"
                                        + " jumps\\u202c\"}"),
                        Map.entry(
                                "NUL",
                                "{\"id\":\"h-nul\",\"source\":\"s\",\"title\":\"a\\u0000b\"}"),
                        Map.entry(
                                "long source",
                                "{\"id\":\"h-src\",\"source\":\""
                                        + "s".repeat(50_000)
                                        + "\",\"title\":\"t\"}"),
                        Map.entry(
                                "nested source",
                                "{\"id\":\"h-nest\",\"source\":{\"a\":\"b\"},\"title\":\"t\"}"),
                        Map.entry("number id", "{\"id\":1e400," + ok + "}"),
                        Map.entry("NaN", "{\"id\":\"h-nan\"," + ok + ",\"schema_version\":NaN}"),
                        Map.entry(
                                "negative zero version",
                                "{\"id\":\"h-zero\"," + ok + ",\"schema_version\":-0}"),
                        Map.entry(
                                "deep nesting",
                                "{\"id\":\"h-deep\","
                                        + ok
                                        + ",\"x\":"
                                        + "[".repeat(5_000)
                                        + "]".repeat(5_000)
                                        + "}"),
                        Map.entry(
                                "markup title",
                                "{\"id\":\"h-markup\",\"source\":\"s\",\"title\":\"<script>alert(1)</script>\"}"),
                        Map.entry("not JSON", "{not json"));
        named.forEach((name, json) -> cases.add(new Case(name, utf8(json))));
        cases.add(
                new Case(
                        "2 MB of one character",
                        utf8(
                                "{\"id\":\"h-big\",\"source\":\"s\",\"body\":\""
                                        + "腾".repeat(690_000)
                                        + "\"}")));
        cases.add(
                new Case(
                        "2.5 MB, over the limit",
                        utf8(
                                "{\"id\":\"h-huge\",\"source\":\"s\",\"body\":\""
                                        + "x".repeat(2_500_000)
                                        + "\"}")));
        cases.add(new Case("not UTF-8", new byte[] {(byte) 0xFF, '{', '}'}));
        return cases;
    }

    /** A JSON string literal; every character outside printable ASCII as a {@code \\u} escape. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
