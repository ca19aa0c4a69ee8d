package io.newspulse.common.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NewsArticleParser} and news.raw.schema.json agree: one table of messages, each with the
 * parser's verdict and the schema's.
 */
class NewsArticleParserTest {
    /** The parser accepts it. */
    private static final String OK = null;

    /**
     * One sample. {@code schemaValid} differs from {@code error == OK} only where the parser is
     * more lenient than the contract (it never rejects what the schema accepts).
     */
    record Sample(String name, String json, String error, boolean schemaValid) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Sample accepted(String name, String json) {
        return new Sample(name, json, OK, true);
    }

    private static Sample rejected(String name, String json, String error) {
        return new Sample(name, json, error, false);
    }

    /** Accepted by the parser as a courtesy, outside the contract. */
    private static Sample tolerated(String name, String json) {
        return new Sample(name, json, OK, false);
    }

    static Stream<Sample> samples() {
        return Stream.of(
                accepted(
                        "full message",
                        """
                        {"schema_version": 1, "id": "cls-1698231", "source": "cls.cn",
                         "url": "https://www.cls.cn/detail/1698231",
                         "published_at": "2025-03-14T13:42:10+08:00",
                         "title": "港股午后走弱 腾讯控股一度跌超5%", "body": "<p>腾讯控股一度跌超5%。</p>",
                         "language": "zh-CN", "provider_tags": ["港股", "异动"]}"""),
                accepted(
                        "minimal, title only",
                        "{\"id\":\"a1\",\"source\":\"argaam\",\"title\":\"أرامكو\"}"),
                accepted(
                        "body only, title empty",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"\",\"body\":\"b\"}"),
                accepted(
                        "optional fields null",
                        """
                        {"id":"a1","source":"s","title":"t","body":null,"url":null,"published_at":null,
                         "language":null,"provider_tags":null,"schema_version":null}"""),
                accepted(
                        "UTC with fraction",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"2025-03-14T05:42:10.5Z\"}"),
                accepted(
                        "unknown fields ignored",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"author\":\"x\"}"),
                accepted(
                        "no-break space is text",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"\\u00a0\"}"),
                rejected("missing id", "{\"source\":\"s\",\"title\":\"t\"}", "missing_field"),
                rejected(
                        "blank id",
                        "{\"id\":\"  \",\"source\":\"s\",\"title\":\"t\"}",
                        "missing_field"),
                rejected(
                        "non-string id",
                        "{\"id\":42,\"source\":\"s\",\"title\":\"t\"}",
                        "invalid_field"),
                rejected(
                        "id too long",
                        "{\"id\":\"" + "x".repeat(513) + "\",\"source\":\"s\",\"title\":\"t\"}",
                        "invalid_field"),
                rejected("missing source", "{\"id\":\"a1\",\"title\":\"t\"}", "missing_field"),
                rejected(
                        "source too long",
                        "{\"id\":\"a1\",\"source\":\"" + "s".repeat(50_000) + "\",\"title\":\"t\"}",
                        "invalid_field"),
                accepted(
                        "source at the limit",
                        "{\"id\":\"a1\",\"source\":\"" + "s".repeat(256) + "\",\"title\":\"t\"}"),
                rejected(
                        "url javascript:",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"url\":\"javascript:alert(1)\"}",
                        "invalid_field"),
                rejected(
                        "url without scheme",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"url\":\"www.example.com/a\"}",
                        "invalid_field"),
                rejected(
                        "url with a space",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"url\":\"https://a.example/x y\"}",
                        "invalid_field"),
                rejected(
                        "url too long",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"url\":\"https://a.example/"
                                + "x".repeat(2048)
                                + "\"}",
                        "invalid_field"),
                accepted(
                        "url upper-case scheme",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"url\":\"HTTPS://a.example/x?q=1#f\"}"),
                rejected(
                        "language too long",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"language\":\""
                                + "x".repeat(65)
                                + "\"}",
                        "invalid_field"),
                rejected(
                        "published_at five-digit year",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"+10000-01-01T00:00:00Z\"}",
                        "invalid_field"),
                accepted(
                        "published_at 1900 (falls back later, not rejected)",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"1900-01-01T00:00:00Z\"}"),
                accepted(
                        "published_at year 0",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"0000-01-01T00:00:00Z\"}"),
                rejected(
                        "empty title and body",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"\",\"body\":\"\"}",
                        "missing_field"),
                rejected("no title, no body", "{\"id\":\"a1\",\"source\":\"s\"}", "missing_field"),
                rejected(
                        "ideographic spaces only",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"\\u3000\\u3000\",\"body\":\" \\n\"}",
                        "missing_field"),
                rejected(
                        "non-string title",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":5,\"body\":\"b\"}",
                        "invalid_field"),
                rejected(
                        "published_at without offset",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"2025-03-14T13:42:10\"}",
                        "invalid_field"),
                rejected(
                        "published_at a date only",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"2025-03-14\"}",
                        "invalid_field"),
                rejected(
                        "published_at epoch millis",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":1741930930877}",
                        "invalid_field"),
                rejected(
                        "published_at 30 February",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"2025-02-30T10:00:00Z\"}",
                        "invalid_field"),
                rejected(
                        "provider_tags not an array",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"provider_tags\":\"港股\"}",
                        "invalid_field"),
                rejected(
                        "schema_version 2",
                        "{\"schema_version\":2,\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\"}",
                        "unsupported_version"),
                rejected(
                        "schema_version 0",
                        "{\"schema_version\":0,\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\"}",
                        "invalid_field"),
                rejected(
                        "schema_version a string",
                        "{\"schema_version\":\"1\",\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\"}",
                        "invalid_field"),
                rejected(
                        "array",
                        "[{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\"}]",
                        "not_an_object"),
                rejected("string", "\"hello\"", "not_an_object"),
                rejected("null", "null", "not_an_object"),
                rejected("truncated JSON", "{\"id\":\"a1\",\"source\":", "invalid_json"),
                tolerated(
                        "published_at without seconds",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"2025-03-14T13:42+08:00\"}"),
                tolerated(
                        "published_at lower-case t and z",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"published_at\":\"2025-03-14t05:42:10z\"}"),
                tolerated(
                        "non-string provider tag",
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"provider_tags\":[1]}"),
                tolerated(
                        "schema_version 1.5",
                        "{\"schema_version\":1.5,\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parserGivesTheExpectedVerdict(Sample sample) {
        ParseResult<NewsArticle> result = NewsArticleParser.parse(sample.json().getBytes(UTF_8));

        assertThat(result.error()).as(result.reason()).isEqualTo(sample.error());
        assertThat(result.isOk()).isEqualTo(sample.error() == OK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schemaGivesTheExpectedVerdict(Sample sample) {
        assertThat(ContractSchemas.errors(ContractSchemas.RAW, sample.json()).isEmpty())
                .isEqualTo(sample.schemaValid());
    }

    @Test
    void parserAcceptsEverythingTheSchemaAccepts() {
        List<Sample> disagreements =
                samples()
                        .filter(
                                s ->
                                        ContractSchemas.errors(ContractSchemas.RAW, s.json())
                                                .isEmpty())
                        .filter(s -> !NewsArticleParser.parse(s.json().getBytes(UTF_8)).isOk())
                        .toList();

        assertThat(disagreements).isEmpty();
    }

    static Stream<Arguments> bytes() {
        byte[] big = new byte[NewsArticleParser.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        return Stream.of(
                Arguments.of("null value", null, "empty"),
                Arguments.of("empty value", new byte[0], "empty"),
                Arguments.of("too large", big, "too_large"),
                Arguments.of(
                        "invalid UTF-8 start byte",
                        new byte[] {(byte) 0xFF, '{', '}'},
                        "invalid_json"),
                Arguments.of(
                        "invalid UTF-8 inside a string",
                        concat(
                                "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"",
                                new byte[] {(byte) 0xC3, 0x28},
                                "\"}"),
                        "invalid_json"),
                Arguments.of("not JSON", "id=a1&title=t".getBytes(UTF_8), "invalid_json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bytes")
    void rejectsUnreadableBytes(String name, byte[] value, String error) {
        ParseResult<NewsArticle> result = NewsArticleParser.parse(value);

        assertThat(result.isOk()).isFalse();
        assertThat(result.error()).as(result.reason()).isEqualTo(error);
        assertThat(result.reason()).isNotBlank();
    }

    @Test
    void largestAcceptedMessageIsTheLimit() {
        String head = "{\"id\":\"a1\",\"source\":\"s\",\"body\":\"";
        String tail = "\"}";
        String json =
                head
                        + "x".repeat(NewsArticleParser.MAX_BYTES - head.length() - tail.length())
                        + tail;

        assertThat(json.getBytes(UTF_8)).hasSize(NewsArticleParser.MAX_BYTES);
        assertThat(NewsArticleParser.parse(json.getBytes(UTF_8)).isOk()).isTrue();
    }

    @Test
    void parsedArticleIsNormalised() {
        ParseResult<NewsArticle> result =
                NewsArticleParser.parse(
                        """
                        {"id": " cls-1698231 ", "source": " cls.cn ", "title": "t",
                         "published_at": "2025-03-14T13:42:10+08:00"}"""
                                .getBytes(UTF_8));

        assertThat(result.value())
                .isEqualTo(
                        new NewsArticle(
                                "cls-1698231",
                                "cls.cn",
                                null,
                                Instant.parse("2025-03-14T05:42:10Z"),
                                "t",
                                "",
                                null,
                                List.of()));
    }

    @Test
    void aDuplicatedKeyIsRejectedNotReadAsItsLastValue() {
        ParseResult<NewsArticle> result =
                NewsArticleParser.parse(
                        "{\"id\":\"a1\",\"source\":\"s\",\"title\":\"t\",\"id\":\"a2\"}"
                                .getBytes(UTF_8));

        assertThat(result.error()).isEqualTo("invalid_json");
        assertThat(result.reason()).contains("Duplicate field 'id'");
    }

    @Test
    void anIdIsLimitedInBytesAsElasticsearchLimitsDocumentIds() {
        String cjk = "腾".repeat(171); // 513 bytes of UTF-8
        ParseResult<NewsArticle> result =
                NewsArticleParser.parse(
                        ("{\"id\":\"" + cjk + "\",\"source\":\"s\",\"title\":\"t\"}")
                                .getBytes(UTF_8));

        assertThat(result.error()).isEqualTo("invalid_field");
        assertThat(result.reason()).contains("513 bytes");
        assertThat(
                        NewsArticleParser.parse(
                                        ("{\"id\":\""
                                                        + "腾".repeat(170)
                                                        + "\",\"source\":\"s\",\"title\":\"t\"}")
                                                .getBytes(UTF_8))
                                .isOk())
                .isTrue();
    }

    @Test
    void loneSurrogatesAreReplacedInEveryTextField() {
        ParseResult<NewsArticle> result =
                NewsArticleParser.parse(
                        ("{\"id\":\"a\\ud800\",\"source\":\"s\\udc00\",\"title\":\"x\\ud83d\","
                                        + "\"body\":\"\\ud83d\\ude00 ok \\udfff\",\"language\":\"en\\ud800\","
                                        + "\"provider_tags\":[\"\\udbff\"]}")
                                .getBytes(UTF_8));

        NewsArticle a = result.value();
        assertThat(a.id()).isEqualTo("a\ufffd");
        assertThat(a.source()).isEqualTo("s\ufffd");
        assertThat(a.title()).isEqualTo("x\ufffd");
        assertThat(a.body()).isEqualTo("\ud83d\ude00 ok \ufffd");
        assertThat(a.language()).isEqualTo("en\ufffd");
        assertThat(a.providerTags()).containsExactly("\ufffd");
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(UTF_8);
        byte[] t = tail.getBytes(UTF_8);
        byte[] out = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(middle, 0, out, h.length, middle.length);
        System.arraycopy(t, 0, out, h.length + middle.length, t.length);
        return out;
    }
}
