package io.newspulse.common.text;

import java.nio.charset.StandardCharsets;

/**
 * Rough single-thread throughput check for {@link TextNormalizer} and {@link LanguageDetector} on
 * mixed news text (not a test: timings do not belong in assertions). Run its main() from the IDE or
 * with the test class path.
 */
public final class NormalizerThroughput {
    private static final String[] SNIPPETS = {
        "NEW YORK, March 5 (Reuters) - Nvidia Corp shares rose 4% on Wednesday after the chipmaker"
                + " forecast quarterly revenue above Wall Street estimates.\n",
        "<p>Apple&nbsp;Inc. &amp; Tencent Holdings said on Tuesday &ldquo;demand is strong&rdquo;."
                + "</p>\n",
        "英伟达(NVIDIA)股价周三大涨5%，腾讯控股与联发科下跌；沪深300指数收涨0.8%。\n",
        "英偉達股價周三大漲5%，騰訊控股與聯發科下跌，台積電第三季營收創新高。\n",
        "أعلنت شركة iFlytek الصينية عن ارتفاع أرباحها بنسبة ١٥٪ في الربع الثالث، وقالت أرامـــكو"
                + " السعودية إن إنتاجها مستقر.\n",
        "ＮＶＩＤＩＡ股价上涨１２３％ \u200F\u202Bشَرِكَةِ\u202C\n\n",
    };

    private NormalizerThroughput() {}

    public static void main(String[] args) {
        long init = System.nanoTime();
        TextNormalizer normalizer = new TextNormalizer();
        normalizer.normalize("warm tables");
        System.out.printf("table init: %.0f ms%n", (System.nanoTime() - init) / 1e6);

        String[] docs = documents(20_000);
        long chars = 0;
        long utf8 = 0;
        for (String doc : docs) {
            chars += doc.length();
            utf8 += doc.getBytes(StandardCharsets.UTF_8).length;
        }
        for (int round = 0; round < 15; round++) {
            long start = System.nanoTime();
            long sink = 0;
            for (String doc : docs) {
                sink += normalizer.normalize(doc).text().length();
            }
            report("normalize", chars, utf8, System.nanoTime() - start, sink);
        }
        LanguageDetector detector = new LanguageDetector();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long sink = 0;
            for (String doc : docs) {
                sink += detector.detect(doc).ordinal();
            }
            report("detect", chars, utf8, System.nanoTime() - start, sink);
        }
    }

    /** Documents of a few paragraphs each, mixing all snippets. */
    private static String[] documents(int count) {
        String[] docs = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder doc = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                doc.append(SNIPPETS[(i + k) % SNIPPETS.length]);
            }
            docs[i] = doc.toString();
        }
        return docs;
    }

    private static void report(String what, long chars, long utf8, long nanos, long sink) {
        System.out.printf(
                "%-9s %6.1f M chars/s  %6.1f MB/s of UTF-8  [%d]%n",
                what, chars / (nanos / 1e3), utf8 / (nanos / 1e3), sink);
    }
}
