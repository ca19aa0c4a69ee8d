package io.newspulse.jobs.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile {@code news.raw} input: jqwik generators of records that are wrong in every way a feed
 * can be (timestamps out of range, strings no encoder likes, numbers JSON cannot hold, wrong types,
 * duplicated keys, nesting) and a fixed list of named cases, including large ones, for tests that
 * want them all.
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

    /** Any JSON value text, hostile ones likely. */
    public static Arbitrary<String> jsonValues() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.of(STRINGS).map(HostileRecords::quote),
                () -> anyStrings().map(HostileRecords::quote),
                () -> Arbitraries.of(TIMESTAMPS).map(HostileRecords::quote),
                () -> Arbitraries.of(NUMBERS),
                () -> Arbitraries.of("true", "false", "null", "[]", "{}"),
                () -> anyStrings().list().ofMaxSize(3).map(HostileRecords::array),
                HostileRecords::nestedObjects);
    }

    /**
     * Any string up to 2,000 characters (larger ones are fixed cases), every UTF-16 unit possible.
     */
    public static Arbitrary<String> anyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(200),
                Arbitraries.strings()
                        .withChars('\ud800', '\udbff', '\udc00', '\udfff', '\u202e', '\u0000')
                        .ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(500),
                Arbitraries.integers().between(0, 2_000).map(n -> "x".repeat(n)));
    }

    private static Arbitrary<String> nestedObjects() {
        return Arbitraries.integers()
                .between(1, 40)
                .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /**
     * A JSON object text, usually close to an article: each article field is absent, a plausible
     * value or a hostile one; keys may repeat and unknown keys appear.
     */
    public static Arbitrary<String> articles() {
        Arbitrary<String> id = field("id", Arbitraries.of("\"a-1\"", "\"a-2\"", "\"b-1\""));
        Arbitrary<String> source = field("source", Arbitraries.of("\"wire-a\"", "\"cls.cn\""));
        Arbitrary<String> title =
                field(
                        "title",
                        Arbitraries.of(
                                "\"Nvidia shares slump 6.5% after rival launch\"",
                                "\"腾讯控股一度跌超5%\"", "\"أرامكو ترتفع\""));
        Arbitrary<String> body =
                field(
                        "body",
                        Arbitraries.of(
                                "\"Nvidia (NASDAQ: NVDA) fell 6.5% on Monday.\"",
                                "\"周二港股科技股走强，腾讯控股一度涨超5%，阿里巴巴涨3.1%。\""));
        Arbitrary<String> url = field("url", Arbitraries.of("\"https://news.example/a\""));
        Arbitrary<String> published =
                field(
                        "published_at",
                        Arbitraries.oneOf(
                                Arbitraries.of(TIMESTAMPS).map(HostileRecords::quote),
                                Arbitraries.of("\"2026-03-02T09:30:00+08:00\"")));
        Arbitrary<String> language = field("language", Arbitraries.of("\"en\"", "\"zh-CN\""));
        Arbitrary<String> tags = field("provider_tags", Arbitraries.of("[\"x\"]"));
        Arbitrary<String> version = field("schema_version", Arbitraries.of("1"));
        Arbitrary<List<String>> extra =
                Combinators.combine(
                                Arbitraries.of(
                                        "id",
                                        "source",
                                        "title",
                                        "body",
                                        "url",
                                        "published_at",
                                        "language",
                                        "provider_tags",
                                        "schema_version",
                                        "other"),
                                jsonValues())
                        .as((k, v) -> quote(k) + ":" + v)
                        .list()
                        .ofMaxSize(3);
        return Combinators.combine(
                        List.of(id, source, title, body, url, published, language, tags, version))
                .as(List::copyOf)
                .flatMap(
                        fields ->
                                extra.map(
                                        more -> {
                                            List<String> all = new ArrayList<>();
                                            fields.stream()
                                                    .filter(f -> !f.isEmpty())
                                                    .forEach(all::add);
                                            all.addAll(more);
                                            return "{" + String.join(",", all) + "}";
                                        }));
    }

    /** {@code "name":value}, a hostile value, or nothing (the field absent). */
    private static Arbitrary<String> field(String name, Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, plausible),
                        net.jqwik.api.Tuple.of(3, jsonValues()),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)))
                .map(v -> v == null ? "" : quote(name) + ":" + v);
    }

    /** Message bytes: an article object, or bytes that are not one at all. */
    public static Arbitrary<byte[]> messages() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, articles().map(HostileRecords::utf8)),
                net.jqwik.api.Tuple.of(1, jsonValues().map(HostileRecords::utf8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)));
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
                                "{\"id\":\"h-bidi\",\"source\":\"s\",\"title\":\"\\u202eTencent\\u200b jumps\\u202c\"}"),
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

    private static String array(List<String> items) {
        return "[" + String.join(",", items.stream().map(HostileRecords::quote).toList()) + "]";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
