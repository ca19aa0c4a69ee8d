package io.newspulse.evaluation;

import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the tagger over the research corpora in one folder (layout as in {@code ../shared/corpora})
 * and over the labelled move and sector sets kept in the repository ({@link MoveEvaluation}, {@link
 * SectorEvaluation}), and scores it; see docs/quality.md for what each figure means. Documents are
 * analysed in parallel and scored in corpus order, so results do not depend on thread timing.
 */
public final class CorpusEvaluation {
    /** The labelled move set kept in the repository: needs no corpora folder. */
    public static final String MOVES = "moves";

    /** The held-out sector set kept in the repository: needs no corpora folder. */
    public static final String SECTORS = "sectors";

    /** The corpora kept in the repository, which run without a corpora folder. */
    public static final List<String> IN_REPOSITORY = List.of(MOVES, SECTORS);

    /** Corpus names accepted by {@link #run}, in report order. */
    public static final List<String> CORPORA =
            List.of(
                    MOVES,
                    SECTORS,
                    "cfsc-ner",
                    "finer-ord",
                    "reuters21578",
                    "semeval2017-task5",
                    "saudinewsnet",
                    "bbt-fincuge");

    private static final Set<EntityType> MARKET_ENTITIES =
            Set.of(EntityType.COMPANY, EntityType.INDEX, EntityType.ETF);
    private static final Set<EntityType> COMPANIES = Set.of(EntityType.COMPANY);

    /** Reuters marks that are ticker symbols rather than names. */
    private static final Pattern TICKER_MARK = Pattern.compile("[A-Z0-9][A-Z0-9.\\-/]{0,7}");

    /**
     * Run settings.
     *
     * @param limit documents per corpus (0: all)
     * @param examples error patterns kept per category
     * @param sampleSize mentions sampled from unlabelled corpora for manual judging
     * @param seed sampling seed
     */
    public record Options(int limit, int examples, int sampleSize, long seed) {
        public Options {
            if (limit < 0 || examples < 0 || sampleSize < 0) {
                throw new IllegalArgumentException("limit, examples and sample must be >= 0");
            }
        }
    }

    private final DocumentAnalyzer analyzer;
    private final KnowledgeBase kb;
    private final KbNames names;
    private final Path dir;
    private final Options options;

    /**
     * @param analyzer the analyzer to score
     * @param corpora the corpora folder, or null when there is none (only {@link #IN_REPOSITORY}
     *     run)
     * @param options run settings
     */
    public CorpusEvaluation(DocumentAnalyzer analyzer, Path corpora, Options options) {
        this.analyzer = analyzer;
        this.kb = analyzer.knowledgeBase();
        this.names = new KbNames(kb, analyzer.normalizer()::fold);
        this.dir = corpora;
        this.options = options;
    }

    /** Evaluates the named corpora (names from {@link #CORPORA}), in {@link #CORPORA} order. */
    public List<CorpusReport> run(List<String> corpora) {
        List<CorpusReport> out = new ArrayList<>();
        for (String name : CORPORA) {
            if (!corpora.contains(name)) {
                continue;
            }
            if (name.equals(MOVES)) {
                out.addAll(new MoveEvaluation(analyzer, options.examples()).run());
                continue;
            }
            if (name.equals(SECTORS)) {
                out.addAll(new SectorEvaluation(analyzer, options.examples()).run());
                continue;
            }
            if (dir == null) {
                out.add(CorpusReport.skipped(name, "corpora folder not found"));
                continue;
            }
            Path folder = dir.resolve(name);
            if (!Files.isDirectory(folder)) {
                out.add(CorpusReport.skipped(name, "folder not found: " + folder));
                continue;
            }
            try {
                switch (name) {
                    case "cfsc-ner" -> out.add(cfsc(folder));
                    case "finer-ord" -> out.add(finer(folder));
                    case "reuters21578" -> out.add(reuters(folder));
                    case "semeval2017-task5" -> out.add(semeval(folder));
                    case "saudinewsnet" -> out.add(saudi(folder));
                    case "bbt-fincuge" -> out.addAll(fincuge(folder));
                    default -> throw new IllegalArgumentException("unknown corpus " + name);
                }
            } catch (IOException | UncheckedIOException e) {
                out.add(CorpusReport.skipped(name, "unreadable: " + e.getMessage()));
            }
        }
        return out;
    }

    private CorpusReport cfsc(Path folder) throws IOException {
        List<SpanDocument> docs = new ArrayList<>();
        for (String f : List.of("ner_test.json", "ner_val.json")) {
            if (Files.isRegularFile(folder.resolve(f)) && !full(docs)) {
                docs.addAll(CfscNerReader.read(folder.resolve(f)));
            }
        }
        SpanScorer scorer =
                new SpanScorer(Set.of("Corporate", "Stock"), t -> names.covers(t, MARKET_ENTITIES));
        scoreSpans(limit(docs), MARKET_ENTITIES, scorer);
        return spanReport(
                "cfsc-ner",
                scorer,
                scorer.metrics(),
                List.of(
                        "gold: Corporate and Stock spans; predicted: company, index and ETF"
                                + " mentions; overlap match (exact_* for identical spans)",
                        "recall_in_kb: recall on gold spans whose text is a KB name or ticker"));
    }

    private CorpusReport finer(Path folder) throws IOException {
        List<SpanDocument> docs = new ArrayList<>();
        for (String f : List.of("test.csv", "val.csv", "train.csv")) {
            if (Files.isRegularFile(folder.resolve(f)) && !full(docs)) {
                docs.addAll(FinerOrdReader.read(folder.resolve(f)));
            }
        }
        SpanScorer scorer = new SpanScorer(Set.of("ORG"), t -> names.covers(t, COMPANIES));
        scoreSpans(limit(docs), COMPANIES, scorer);
        Map<String, Object> m = new LinkedHashMap<>();
        scorer.metrics().forEach((k, v) -> m.put(k.equals("precision") ? "share_on_org" : k, v));
        return spanReport(
                "finer-ord",
                scorer,
                m,
                List.of(
                        "gold: ORG spans (companies but also agencies, banks, parties);"
                                + " predicted: company mentions; text rebuilt from tokens",
                        "share_on_org: share of our company mentions that fall on an ORG span"
                                + " (a precision estimate: ORG is wider than company)"));
    }

    private CorpusReport reuters(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files =
                    s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm"))
                            .sorted()
                            .toList();
        }
        List<SpanDocument> docs = new ArrayList<>();
        for (Path f : files) {
            if (!full(docs)) {
                docs.addAll(ReutersSgmlReader.read(f));
            }
        }
        List<SpanDocument> typed = limit(docs).stream().map(CorpusEvaluation::typeMarks).toList();
        SpanScorer all =
                new SpanScorer(Set.of("ticker-mark", "name-mark"), t -> names.covers(t, COMPANIES));
        SpanScorer tickers = new SpanScorer(Set.of("ticker-mark"), t -> names.covers(t, COMPANIES));
        SpanScorer companyNames =
                new SpanScorer(Set.of("name-mark"), t -> names.covers(t, COMPANIES));
        List<List<PredictedMention>> predictions = predict(typed, COMPANIES);
        long withMarks = 0;
        long tickerMarksNamed = 0;
        for (int i = 0; i < typed.size(); i++) {
            tickerMarksNamed += tickerMarksWithName(typed.get(i), predictions.get(i));
            all.add(typed.get(i), predictions.get(i));
            tickers.add(typed.get(i), predictions.get(i));
            companyNames.add(typed.get(i), predictions.get(i));
            withMarks += typed.get(i).gold().isEmpty() ? 0 : 1;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", all.documents());
        m.put("documents_with_marks", withMarks);
        m.put("gold_spans", all.gold());
        m.put("predicted", all.predicted());
        m.put("true_positives", all.truePositives());
        m.put("mentions_per_doc", Ratios.ratio(all.predicted(), all.documents()));
        m.put("recall", all.recall());
        m.put("exact_recall", all.exactRecall());
        m.put("gold_in_kb", all.goldCovered());
        m.put("recall_in_kb", all.coveredRecall());
        m.put("name_marks", companyNames.gold());
        m.put("recall_name_marks", companyNames.recall());
        m.put("name_marks_in_kb", companyNames.goldCovered());
        m.put("recall_name_marks_in_kb", companyNames.coveredRecall());
        m.put("ticker_marks", tickers.gold());
        m.put("recall_ticker_marks", tickers.recall());
        m.put("ticker_marks_in_kb", tickers.goldCovered());
        m.put("recall_ticker_marks_in_kb", tickers.coveredRecall());
        m.put("recall_ticker_marks_or_name", Ratios.ratio(tickerMarksNamed, tickers.gold()));
        m.put("mentions_on_marks_share", all.precision());
        return spanReport(
                "reuters21578",
                all,
                m,
                List.of(
                        "gold: companies and tickers marked <...> in title and body (1987);"
                                + " predicted: company mentions",
                        "precision is not measured: only some companies are marked, so an"
                                + " unmarked correct mention would count as wrong;"
                                + " mentions_on_marks_share is a lower bound, not precision",
                        "recall_ticker_marks_or_name: a ticker mark also counts as found when"
                                + " the company name just before it is tagged"));
    }

    /**
     * Ticker marks that a mention overlaps or that directly follow a mention (a company name and
     * its symbol: {@code Standard Oil Co <SRD>}); only spaces and brackets may lie between.
     */
    static long tickerMarksWithName(SpanDocument doc, List<PredictedMention> predictions) {
        long n = 0;
        for (GoldSpan g : doc.gold()) {
            if (!g.label().equals("ticker-mark")) {
                continue;
            }
            for (PredictedMention p : predictions) {
                boolean adjacent =
                        p.end() <= g.start()
                                && g.start() - p.end() <= 3
                                && doc.text().substring(p.end(), g.start()).matches("[\\s(\\[,]*");
                if (g.overlaps(p.start(), p.end()) || adjacent) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Relabels Reuters marks as {@code ticker-mark} (all caps symbol) or {@code name-mark}. */
    private static SpanDocument typeMarks(SpanDocument d) {
        List<GoldSpan> gold =
                d.gold().stream()
                        .map(
                                g ->
                                        new GoldSpan(
                                                g.start(),
                                                g.end(),
                                                TICKER_MARK.matcher(g.text()).matches()
                                                        ? "ticker-mark"
                                                        : "name-mark",
                                                g.text()))
                        .toList();
        return new SpanDocument(d.id(), d.text(), d.language(), gold);
    }

    private CorpusReport semeval(Path folder) throws IOException {
        Path f = folder.resolve("SemEval2017Task5Headlines.json");
        if (!Files.isRegularFile(f)) {
            return CorpusReport.skipped("semeval2017-task5", "file not found: " + f);
        }
        return aliasReport(
                "semeval2017-task5",
                limit(SemEvalHeadlinesReader.read(f)),
                List.of(
                        "per headline: is the labelled company (KB name, alias or ticker,"
                                + " case-folded) among the companies we tag?",
                        "recall_in_kb counts only labels the KB knows; distinct_labels_in_kb"
                                + " is how many of the corpus companies the KB has"));
    }

    private List<CorpusReport> fincuge(Path folder) throws IOException {
        List<CorpusReport> out = new ArrayList<>();
        Path finese = folder.resolve("finese/eval_list.json");
        Path finnsp = folder.resolve("finnsp/eval_list.json");
        out.add(
                Files.isRegularFile(finese)
                        ? aliasReport(
                                "bbt-fincuge/finese",
                                limit(FinCugeReader.readFinese(finese)),
                                List.of(
                                        "eval split; label: the event's subject company;"
                                                + " same alias test as semeval2017-task5"))
                        : CorpusReport.skipped("bbt-fincuge/finese", "file not found: " + finese));
        out.add(
                Files.isRegularFile(finnsp)
                        ? aliasReport(
                                "bbt-fincuge/finnsp",
                                limit(FinCugeReader.readFinnsp(finnsp)),
                                List.of(
                                        "eval split; labels: the entities listed per item"
                                                + " (mostly lending platforms and products);"
                                                + " same alias test"))
                        : CorpusReport.skipped("bbt-fincuge/finnsp", "file not found: " + finnsp));
        return out;
    }

    private CorpusReport aliasReport(String name, List<LabelledDocument> docs, List<String> notes) {
        Set<EntityType> types = Set.of(EntityType.COMPANY, EntityType.PRODUCT);
        AliasScorer scorer = new AliasScorer(names, types);
        List<DocumentAnalysis> analyses =
                analyze(docs, d -> analyzer.analyze(d.title(), d.body(), d.language()));
        for (int i = 0; i < docs.size(); i++) {
            scorer.add(docs.get(i), analyses.get(i));
        }
        Map<String, List<Map.Entry<String, Integer>>> errors = new LinkedHashMap<>();
        errors.put(
                "missed (label in KB -> what we tagged)", scorer.missed().top(options.examples()));
        errors.put("labels not in KB", scorer.notInKb().top(options.examples()));
        return new CorpusReport(name, null, scorer.metrics(), notes, errors, List.of());
    }

    private CorpusReport saudi(Path folder) throws IOException {
        List<Path> zips;
        try (Stream<Path> s = Files.list(folder)) {
            zips = s.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        Set<EntityType> types =
                Set.of(
                        EntityType.COMPANY,
                        EntityType.INDEX,
                        EntityType.ETF,
                        EntityType.PRODUCT,
                        EntityType.PERSON,
                        EntityType.ASSET,
                        EntityType.SECTOR);
        MentionStats stats = new MentionStats(kb, options.sampleSize(), options.seed());
        int remaining = options.limit() == 0 ? Integer.MAX_VALUE : options.limit();
        for (Path zip : zips) {
            if (remaining <= 0) {
                break;
            }
            List<PlainDocument> docs = SaudiNewsNetReader.readZip(zip);
            if (docs.size() > remaining) {
                docs = docs.subList(0, remaining);
            }
            remaining -= docs.size();
            List<DocumentAnalysis> analyses =
                    analyze(docs, d -> analyzer.analyze(d.title(), d.body(), d.language()));
            for (int i = 0; i < docs.size(); i++) {
                stats.add(docs.get(i), PredictedMention.of(analyses.get(i), types));
            }
        }
        Map<String, Object> m = stats.metrics();
        Map<String, Integer> top = new LinkedHashMap<>();
        stats.entities().top(20).forEach(e -> top.put(e.getKey(), e.getValue()));
        m.put("top_entities", top);
        return new CorpusReport(
                "saudinewsnet",
                null,
                m,
                List.of(
                        "unlabelled: volume only; all entity types counted; precision comes"
                                + " from a manual judgement of the random sample (--sample)"),
                Map.of(),
                stats.sample());
    }

    private void scoreSpans(List<SpanDocument> docs, Set<EntityType> types, SpanScorer scorer) {
        List<List<PredictedMention>> predictions = predict(docs, types);
        for (int i = 0; i < docs.size(); i++) {
            scorer.add(docs.get(i), predictions.get(i));
        }
    }

    private List<List<PredictedMention>> predict(List<SpanDocument> docs, Set<EntityType> types) {
        return analyze(docs, d -> analyzer.analyze(null, d.text(), d.language())).stream()
                .map(a -> PredictedMention.of(a, types))
                .toList();
    }

    private CorpusReport spanReport(
            String name, SpanScorer scorer, Map<String, Object> metrics, List<String> notes) {
        int n = options.examples();
        Map<String, List<Map.Entry<String, Integer>>> errors = new LinkedHashMap<>();
        errors.put("false positives (text -> entity)", scorer.falsePositives().top(n));
        errors.put("missed, name in KB", scorer.missedCovered().top(n));
        errors.put("missed, not in KB", scorer.missedUncovered().top(n));
        errors.put("boundary differences", scorer.boundaries().top(n));
        return new CorpusReport(name, null, metrics, notes, errors, List.of());
    }

    private static <D> List<DocumentAnalysis> analyze(
            List<D> docs, Function<D, DocumentAnalysis> analyze) {
        return docs.parallelStream().map(analyze).toList();
    }

    private boolean full(List<?> docs) {
        return options.limit() > 0 && docs.size() >= options.limit();
    }

    private <T> List<T> limit(List<T> docs) {
        return options.limit() > 0 && docs.size() > options.limit()
                ? docs.subList(0, options.limit())
                : docs;
    }
}
