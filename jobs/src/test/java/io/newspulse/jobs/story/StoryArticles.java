package io.newspulse.jobs.story;

import io.newspulse.common.analysis.ArticleEnricher;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.NewsArticle;
import java.time.Instant;
import java.util.List;

/**
 * Enriched test articles with real folding and fingerprints, from texts written for these tests.
 */
final class StoryArticles {
    static final Instant T0 = Instant.parse("2026-03-03T14:00:00Z");

    static final String ZH_TITLE = "英伟达上调营收预期 股价涨3.2%";
    static final String ZH =
            "英伟达周二股价上涨3.2%，此前这家芯片制造商上调了第二季度营收预期。"
                    + "公司表示，随着云服务商扩大产能，数据中心处理器需求依然强劲。"
                    + "多家券商分析师上调了目标价，理由是利润率提高。"
                    + "甲骨文同日下跌7%，因其云业务订单不及预期。"
                    + "纳斯达克综合指数收涨0.6%，道琼斯工业平均指数下跌0.3%。";

    /** {@link #ZH} as a Taiwan or Hong Kong syndication partner republishes it. */
    static final String ZH_HANT_TITLE = "英偉達上調營收預期 股價漲3.2%";

    static final String ZH_HANT =
            "英偉達週二股價上漲3.2%，此前這家芯片製造商上調了第二季度營收預期。"
                    + "公司表示，隨着雲服務商擴大產能，數據中心處理器需求依然強勁。"
                    + "多家券商分析師上調了目標價，理由是利潤率提高。"
                    + "甲骨文同日下跌7%，因其雲業務訂單不及預期。"
                    + "納斯達克綜合指數收漲0.6%，道瓊斯工業平均指數下跌0.3%。";

    static final String EN_TITLE = "Airbus keeps delivery goal despite engine delays";
    static final String EN =
            "Airbus kept its target of around 820 commercial aircraft deliveries this year on"
                    + " Wednesday, even as engine shortages left dozens of finished jets parked"
                    + " without power plants at its plants in Toulouse and Hamburg. Chief executive"
                    + " Guillaume Faury told reporters the supply chain was improving but remained"
                    + " fragile, with engines and cabin equipment the main bottlenecks. The planemaker"
                    + " reported first-half adjusted operating profit of 2.7 billion euros, slightly"
                    + " above analysts' expectations, and free cash flow before customer financing"
                    + " of minus 0.2 billion euros. Its shares rose 2.1% in Paris. Airbus said it"
                    + " would increase production of the A320 family to 75 jets a month in 2027 and"
                    + " confirmed plans to raise output of the A350 widebody. Rival Boeing is"
                    + " still working under a production cap imposed by U.S. regulators after a"
                    + " cabin panel blew off a 737 MAX in January last year.";

    /** {@link #EN} with one sentence rewritten. */
    static final String EN_EDITED =
            EN.replace(
                    "Its shares rose 2.1% in Paris.",
                    "The stock gained about two percent in Paris trading.");

    static final String AR_TITLE = "أرامكو ترفع توزيعات الأرباح";
    static final String AR =
            "أعلنت أرامكو السعودية يوم الأحد زيادة توزيعات الأرباح المرتبطة بالأداء رغم تراجع"
                    + " صافي الربح في الربع الأول بنسبة 14% بسبب انخفاض أسعار النفط. وقالت الشركة"
                    + " إنها ستواصل الاستثمار في زيادة طاقة إنتاج الغاز.";

    private static final ArticleEnricher ENRICHER =
            new ArticleEnricher(DocumentAnalyzer.create(KnowledgeBase.embedded()));

    private StoryArticles() {}

    /** An enriched article with event time {@code T0 + minutes}. */
    static EnrichedArticle article(String id, String title, String body, int minutes) {
        Instant at = T0.plusSeconds(60L * minutes);
        return ENRICHER.enrich(
                new NewsArticle(id, "test-wire", null, at, title, body, null, List.of()),
                at,
                "published_at",
                at,
                null);
    }

    /** An article with a chosen SimHash and content hash and its own story. */
    static EnrichedArticle synthetic(String id, long simhash, String contentHash, int minutes) {
        EnrichedArticle a = article(id, "", "x", minutes);
        return new EnrichedArticle(
                a.schemaVersion(),
                a.id(),
                a.storyId(),
                false,
                null,
                1.0,
                a.source(),
                a.url(),
                a.publishedAt(),
                a.eventTime(),
                a.eventTimeSource(),
                a.ingestTime(),
                a.origin(),
                a.title(),
                a.body(),
                a.language(),
                a.entities(),
                a.sectors(),
                a.moves(),
                simhash,
                contentHash);
    }
}
