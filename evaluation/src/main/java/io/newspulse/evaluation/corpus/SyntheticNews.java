package io.newspulse.evaluation.corpus;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated zh/ar/en "news" for running the benchmark where the research corpora are absent: entity
 * names from the embedded knowledge base between filler words written for this class. Figures
 * measured on it are labelled SYNTHETIC; they show relative costs, not real-text throughput.
 */
final class SyntheticNews {
    private static final String[] EN_WORDS = {
        "shares",
        "rose",
        "fell",
        "percent",
        "in",
        "early",
        "trading",
        "after",
        "the",
        "company",
        "said",
        "quarterly",
        "profit",
        "beat",
        "forecasts",
        "analysts",
        "expect",
        "revenue",
        "to",
        "grow",
        "as",
        "demand",
        "for",
        "chips",
        "and",
        "cloud",
        "services",
        "stays",
        "strong",
        "on",
        "Monday",
        "while",
        "index",
        "closed",
        "higher",
        "lower",
        "than",
        "a",
        "year",
        "earlier"
    };
    private static final String[] ZH_WORDS = {
        "股价", "上涨", "下跌", "公司", "发布", "季度", "业绩", "营收", "同比", "增长", "市场", "投资者",
        "预计", "今日", "收盘", "指数", "板块", "表示", "净利润", "亿元", "分析师", "认为", "需求", "强劲"
    };
    private static final String[] AR_WORDS = {
        "ارتفعت", "انخفضت", "أسهم", "الشركة", "في", "السوق", "بنسبة", "المئة", "خلال", "الربع",
        "الأرباح", "الإيرادات", "قال", "المحللون", "المؤشر", "اليوم", "مليار", "ريال", "الطلب",
                "على"
    };

    private SyntheticNews() {}

    /** About {@code bytesPerLanguage} of each language, interleaved, same output every run. */
    static List<NewsDocument> generate(int bytesPerLanguage) {
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        List<String> ar = new ArrayList<>();
        for (Entity e : KnowledgeBase.embedded().entities()) {
            en.add(e.name());
            en.addAll(e.aliases("en"));
            zh.addAll(e.aliases("zh-Hans"));
            ar.addAll(e.aliases("ar"));
        }
        Random random = new Random(20240601L);
        List<NewsDocument> out = new ArrayList<>();
        long[] bytes = new long[3];
        while (bytes[0] < bytesPerLanguage
                || bytes[1] < bytesPerLanguage
                || bytes[2] < bytesPerLanguage) {
            if (bytes[0] < bytesPerLanguage) {
                bytes[0] += add(out, "zh-Hans SYNTHETIC", "zh-Hans", zh, ZH_WORDS, "", "。", random);
            }
            if (bytes[1] < bytesPerLanguage) {
                bytes[1] += add(out, "ar SYNTHETIC", "ar", ar, AR_WORDS, " ", ".", random);
            }
            if (bytes[2] < bytesPerLanguage) {
                bytes[2] += add(out, "en SYNTHETIC", "en", en, EN_WORDS, " ", ".", random);
            }
        }
        return out;
    }

    private static int add(
            List<NewsDocument> out,
            String source,
            String language,
            List<String> names,
            String[] words,
            String space,
            String stop,
            Random random) {
        StringBuilder body = new StringBuilder();
        int sentences = 4 + random.nextInt(12);
        for (int s = 0; s < sentences; s++) {
            int length = 8 + random.nextInt(16);
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    body.append(space);
                }
                boolean name = !names.isEmpty() && random.nextInt(10) == 0;
                body.append(
                        name
                                ? names.get(random.nextInt(names.size()))
                                : words[random.nextInt(words.length)]);
            }
            body.append(stop).append(s % 4 == 3 ? "\n\n" : space);
        }
        NewsDocument d = new NewsDocument(source, language, null, body.toString());
        out.add(d);
        return d.utf8Bytes();
    }
}
