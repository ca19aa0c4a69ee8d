package io.newspulse.e2e.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.analysis.ArticleEnricher;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.model.EnrichedArticle;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.NewsArticle;
import io.newspulse.common.model.NewsArticleParser;
import io.newspulse.common.model.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compact synthetic feed for the fault tests: {@code size} short English articles about a fixed
 * set of companies, in event-time order ({@code spacing} apart from {@code start}), many reporting
 * a share-price move, plus one closing article without entities far enough after the last to fire
 * every window. Deterministic for a seed.
 *
 * <p>The expected window counts are computed from the input alone: the entities and sectors of each
 * article come from the domain tagger ({@code common}, no Flink), the window from its {@code
 * published_at}; an aggregate's {@code articles} is the number of distinct article ids with that
 * key in that window.
 */
final class FaultFeed {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final String[] COMPANIES = {
        "Apple",
        "Nvidia",
        "Microsoft",
        "Tencent",
        "Alibaba",
        "Toyota",
        "Samsung Electronics",
        "Amazon",
        "Tesla",
        "HSBC",
        "Sony",
        "Alphabet",
        "Intel",
        "Netflix",
        "Boeing",
        "Siemens"
    };
    private static final String[] TITLES = {
        "%s shares rise %s%% after %s quarter",
        "%s stock falls %s%% as %s outlook worries investors",
        "%s gains %s%% on %s demand",
        "%s slides %s%% after %s guidance",
    };
    private static final String[] BODIES = {
        "Shares of %s rose %s%% on Tuesday after the company reported a %s quarter.",
        "%s shares fell %s%% in early trading as investors weighed a %s outlook.",
        "%s stock gained %s%% as analysts pointed to %s demand for its products.",
        "%s shares dropped %s%% after the company gave %s guidance for the year.",
    };
    private static final String[] WORDS = {
        "strong",
        "weak",
        "mixed",
        "solid",
        "cautious",
        "robust",
        "soft",
        "record",
        "steady",
        "uneven"
    };

    /** The closing article: no entity, so it only moves event time on. */
    static final String CLOSING_ID = "fault-feed-closing";

    final long seed;
    final int size;
    final Instant start;
    final Duration spacing;
    final List<Article> articles;
    private Map<String, Long> expectedAggregates;

    record Article(String id, Instant publishedAt, String json, int company, int template) {}

    private FaultFeed(long seed, int size, Instant start, Duration spacing) {
        this.seed = seed;
        this.size = size;
        this.start = start;
        this.spacing = spacing;
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            int company = random.nextInt(COMPANIES.length);
            int template = random.nextInt(TITLES.length);
            String word = WORDS[random.nextInt(WORDS.length)];
            // 0.5 .. 9.9 percent: some above the stock move threshold, some below.
            String percent = String.format(Locale.ROOT, "%.1f", 0.5 + random.nextInt(95) / 10.0);
            String id = "ff-" + seed + "-" + i;
            Instant at = start.plus(spacing.multipliedBy(i));
            out.add(
                    new Article(
                            id,
                            at,
                            json(
                                    id,
                                    at,
                                    title(company, template, percent, word),
                                    body(company, template, percent, word, i)),
                            company,
                            template));
        }
        Instant closing = start.plus(spacing.multipliedBy(size)).plus(Duration.ofMinutes(10));
        out.add(
                new Article(
                        CLOSING_ID,
                        closing,
                        json(
                                CLOSING_ID,
                                closing,
                                "Markets were quiet overnight",
                                "Trading was quiet overnight with few reports."),
                        -1,
                        -1));
        this.articles = List.copyOf(out);
    }

    static FaultFeed generate(long seed, int size, Instant start, Duration spacing) {
        return new FaultFeed(seed, size, start, spacing);
    }

    /** All records to send, the closing article last. */
    List<Article> records() {
        return articles;
    }

    /** Ids of every article (closing one included): the articles index must hold exactly these. */
    Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        articles.forEach(a -> ids.add(a.id()));
        return ids;
    }

    /**
     * Expected aggregate documents: document id ({@code keyKind:key:windowStartMillis}) to the
     * number of distinct articles. Only windows that end before the closing article's event time
     * (the others never fire).
     */
    synchronized Map<String, Long> expectedAggregates() {
        if (expectedAggregates == null) {
            expectedAggregates = computeAggregates();
        }
        return expectedAggregates;
    }

    private Map<String, Long> computeAggregates() {
        ArticleEnricher enricher =
                new ArticleEnricher(DocumentAnalyzer.create(KnowledgeBase.embedded()));
        // Entities and sectors depend on the company and template, not on percent and word: tag
        // each combination once, and check that claim on a sample of real articles.
        Map<String, List<String>> keysByShape = new HashMap<>();
        Random sample = new Random(seed + 1);
        Map<String, Long> counts = new TreeMap<>();
        for (Article a : articles) {
            if (a.company() < 0) {
                continue;
            }
            String shape = a.company() + "/" + a.template();
            List<String> keys = keysByShape.computeIfAbsent(shape, s -> keys(enricher, a));
            if (sample.nextInt(200) == 0 && !keys.equals(keys(enricher, a))) {
                throw new IllegalStateException(
                        "tagging of " + a.id() + " differs from its shape " + shape + ": " + a);
            }
            long windowStart =
                    a.publishedAt().toEpochMilli()
                            - Math.floorMod(a.publishedAt().toEpochMilli(), WINDOW.toMillis());
            for (String key : keys) {
                counts.merge(key + ":" + windowStart, 1L, Long::sum);
            }
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** {@code entity:<id>} and {@code sector:<id>} of an article, as the signals job keys them. */
    private static List<String> keys(ArticleEnricher enricher, Article a) {
        ParseResult<NewsArticle> parsed =
                NewsArticleParser.parse(a.json().getBytes(StandardCharsets.UTF_8));
        if (!parsed.isOk()) {
            throw new IllegalStateException(a.id() + " is not valid: " + parsed.reason());
        }
        NewsArticle n = parsed.value();
        EnrichedArticle e =
                enricher.enrich(n, a.publishedAt(), "published_at", a.publishedAt(), null);
        // A named sector is a sector entity: counted once, under its sector key.
        Set<String> keys = new LinkedHashSet<>();
        e.entities()
                .forEach(
                        x ->
                                keys.add(
                                        (x.type().equals("sector") ? "sector:" : "entity:")
                                                + x.id()));
        e.sectors().forEach(x -> keys.add("sector:" + x.id()));
        return new ArrayList<>(keys);
    }

    private static String title(int company, int template, String percent, String word) {
        return String.format(Locale.ROOT, TITLES[template], COMPANIES[company], percent, word);
    }

    private static String body(int company, int template, String percent, String word, int i) {
        return String.format(Locale.ROOT, BODIES[template], COMPANIES[company], percent, word)
                + " Report "
                + i
                + " of the day.";
    }

    private static String json(String id, Instant at, String title, String body) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", id);
        n.put("source", "faults.example");
        n.put("url", "https://faults.example/news/" + id);
        n.put("published_at", at.toString());
        n.put("title", title);
        n.put("body", body);
        return n.toString();
    }
}
