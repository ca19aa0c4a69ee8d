package io.newspulse.common.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic instances of every output record, as the jobs build them. */
final class ContractSamples {
    private ContractSamples() {}

    static final String TITLE = "港股午后走弱 腾讯控股一度跌超5%";
    static final String BODY = "<p>恒生科技指数午后跌幅扩大至3.2%，腾讯控股一度跌超5%，美团跌近4%。</p>";

    /** A first copy, read from Kafka, with entities, a derived sector and two moves. */
    static EnrichedArticle enrichedArticle() {
        return new EnrichedArticle(
                EnrichedArticle.SCHEMA_VERSION,
                "cls-1698231",
                "cls-1698231",
                false,
                null,
                1.0,
                "cls.cn",
                "https://www.cls.cn/detail/1698231",
                Instant.parse("2025-03-14T05:42:10Z"),
                Instant.parse("2025-03-14T05:42:10Z"),
                "published_at",
                Instant.parse("2025-03-14T05:42:11.204Z"),
                new KafkaOrigin("news.raw", 3, 1_841_207L, 1_741_930_930_877L),
                TITLE,
                BODY,
                "zh-Hans",
                List.of(
                        new ArticleEntity(
                                "tencent",
                                "company",
                                "Tencent",
                                List.of("0700.HK", "TCEHY"),
                                List.of("sector.internet", "sector.gaming"),
                                null,
                                2,
                                77,
                                -0.5,
                                List.of("腾讯控股"),
                                List.of(
                                        new ArticleMention(7, 11, "腾讯控股", "alias", 0.9),
                                        new ArticleMention(40, 44, "腾讯控股", "alias", 0.9))),
                        new ArticleEntity(
                                "meituan",
                                "company",
                                "Meituan",
                                List.of("3690.HK"),
                                List.of("sector.internet", "sector.retail"),
                                null,
                                1,
                                32,
                                -0.5,
                                List.of("美团"),
                                List.of(new ArticleMention(51, 53, "美团", "alias", 0.8)))),
                List.of(
                        new ArticleSector(
                                "sector.internet", "Internet platform companies", 3, true),
                        new ArticleSector("sector.retail", "Retail and consumer", 1, true)),
                List.of(
                        new ArticleMove(
                                "tencent", "company", "price", "down", 5.0, null, null, "over",
                                "一度跌超5%", 11, 17),
                        new ArticleMove(
                                "meituan",
                                "company",
                                "market_cap",
                                "down",
                                null,
                                3.1e10,
                                "HKD",
                                null,
                                "市值蒸发310亿港元",
                                53,
                                63)),
                -1_328_881_334_458_704_667L,
                "e0bc2b62858c514cdf9439503aa11d5c3e71a1d741dfe568b0c0dcf0601b0353");
    }

    /** A copy whose body also reports a move of a company the knowledge base does not know. */
    static EnrichedArticle withUnresolvedMove() {
        EnrichedArticle a = enrichedArticle();
        String body = BODY + "<p>中微科技涨5%。</p>";
        int subject = TITLE.length() + 2 + body.indexOf("中微科技");
        return new EnrichedArticle(
                a.schemaVersion(),
                a.id(),
                a.storyId(),
                a.duplicate(),
                a.duplicateKind(),
                a.novelty(),
                a.source(),
                a.url(),
                a.publishedAt(),
                a.eventTime(),
                a.eventTimeSource(),
                a.ingestTime(),
                a.origin(),
                a.title(),
                body,
                a.language(),
                a.entities(),
                a.sectors(),
                a.moves(),
                a.simhash(),
                a.contentHash(),
                false,
                List.of(
                        new UnresolvedMove(
                                "中微科技",
                                subject,
                                subject + 4,
                                "price",
                                "up",
                                5.0,
                                null,
                                null,
                                null,
                                "涨5%",
                                subject + 4,
                                subject + 7)));
    }

    /** A later, near-duplicate copy that counted at its Kafka timestamp, outside Kafka. */
    static EnrichedArticle nearDuplicateWithoutPublicationTime() {
        EnrichedArticle a = enrichedArticle();
        return new EnrichedArticle(
                        a.schemaVersion(),
                        "sina-hk-88412",
                        a.storyId(),
                        a.duplicate(),
                        a.duplicateKind(),
                        a.novelty(),
                        "finance.sina.com.cn",
                        null,
                        null,
                        Instant.parse("2025-03-14T05:43:02.118Z"),
                        "kafka_timestamp",
                        Instant.parse("2025-03-14T05:43:02.530Z"),
                        null,
                        "",
                        a.body(),
                        a.language(),
                        List.of(),
                        List.of(),
                        List.of(),
                        a.simhash() ^ 0b101,
                        a.contentHash())
                .withStory("cls-1698231", true, "near", 0.5);
    }

    static WindowAggregate windowAggregate() {
        Map<String, Long> languages = new LinkedHashMap<>();
        languages.put("zh-Hans", 9L);
        languages.put("zh-Hant", 3L);
        languages.put("en", 2L);
        return new WindowAggregate(
                WindowAggregate.SCHEMA_VERSION,
                "tencent",
                "entity",
                "company",
                "Tencent",
                Instant.parse("2025-03-14T05:40:00Z"),
                Instant.parse("2025-03-14T05:45:00Z"),
                6,
                14,
                8,
                languages,
                -0.42,
                5,
                5.0,
                List.of(
                        new StoryRef(
                                "cls-1698231",
                                TITLE,
                                "https://www.cls.cn/detail/1698231",
                                "cls.cn"),
                        new StoryRef("hkej-5521903", "騰訊股價急跌 半日挫逾5%", null, "hkej.com")),
                1);
    }

    static Alert alert() {
        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put("value", 6.0);
        measured.put("baseline_mean", 0.8);
        measured.put("baseline_std", 0.7);
        measured.put("z", 7.43);
        measured.put("observations", 288.0);
        return new Alert(
                Alert.SCHEMA_VERSION,
                "371f930fd5105b9c013f",
                "MENTION_SPIKE",
                "critical",
                "tencent",
                "company",
                "Tencent",
                Instant.parse("2025-03-14T05:40:00Z"),
                Instant.parse("2025-03-14T05:45:00Z"),
                measured,
                Map.of("z", 4.0, "min_stories", 3.0, "min_history", 12.0),
                List.of(
                        new Alert.Evidence(
                                "cls-1698231",
                                TITLE,
                                "https://www.cls.cn/detail/1698231",
                                "腾讯控股一度跌超5%"),
                        new Alert.Evidence("hkej-5521903", "騰訊股價急跌 半日挫逾5%", null, "騰訊")),
                "Tencent was in 6 stories in 5 minutes, 7.4 standard deviations above its usual 0.8.",
                0,
                Instant.parse("2025-03-14T05:45:01.532Z"));
    }

    /** A news.raw message the parser rejected. */
    static DeadLetter parseFailure() {
        byte[] value =
                "{\"id\":\"cls-1698232\",\"source\":\"cls.cn\",\"title\":\"\"}".getBytes(UTF_8);
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                "news.raw",
                5,
                2_210_034L,
                1_741_931_002_114L,
                Base64.getEncoder().encodeToString("cls-1698232".getBytes(UTF_8)),
                Base64.getEncoder().encodeToString(value),
                new String(value, UTF_8),
                value.length,
                false,
                "parse",
                "missing_field",
                "title and body are both missing or empty",
                Instant.parse("2025-03-14T05:43:22.409Z"));
    }

    /** A message that is not UTF-8: no text, no key. */
    static DeadLetter undecodable() {
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                "news.raw",
                0,
                77L,
                1_741_931_002_114L,
                null,
                Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28}),
                null,
                2,
                false,
                "parse",
                "invalid_json",
                "not valid JSON: Invalid UTF-8 middle byte 0x28",
                Instant.parse("2025-03-14T05:43:22.409Z"));
    }

    /** A document Elasticsearch rejected. */
    static DeadLetter elasticsearchRejection() {
        String doc = "{\"schema_version\":1,\"key\":\"tencent\",\"avg_tone\":\"NaN\"}";
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                "aggregates",
                -1,
                -1,
                -1,
                Base64.getEncoder().encodeToString("entity:tencent:1741930800000".getBytes(UTF_8)),
                Base64.getEncoder().encodeToString(doc.getBytes(UTF_8)),
                doc,
                doc.getBytes(UTF_8).length,
                false,
                "elasticsearch",
                "document_parsing_exception",
                "[1:52] failed to parse field [avg_tone] of type [double]",
                Instant.parse("2025-03-14T05:45:03.010Z"));
    }
}
