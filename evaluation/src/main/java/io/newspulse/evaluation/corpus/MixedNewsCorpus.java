package io.newspulse.evaluation.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Mixed Chinese, Arabic and English news read at run time from the research corpora in {@code
 * ../shared/corpora} (see its README; the text is never copied into the repository).
 *
 * <ul>
 *   <li>zh-Hans: CFSC-NER sentences (test and val), topped up with BBT-FinCUGE {@code finnl} news
 *       flashes when CFSC alone is below the budget.
 *   <li>ar: SaudiNewsNet articles from Al-Eqtisadiya (the business daily), title and content, daily
 *       files in date order.
 *   <li>en: Reuters-21578 articles, title and body, files in order.
 * </ul>
 *
 * <p>Each language takes documents in corpus order until its UTF-8 size reaches the budget; the
 * three streams are then interleaved so that every stretch of the corpus is roughly one third of
 * each. Naming {@value #SYNTHETIC} instead of a folder gives {@link SyntheticNews} text.
 */
public final class MixedNewsCorpus {
    /** The corpus location that selects generated text instead of real corpora. */
    public static final String SYNTHETIC = "synthetic";

    private static final Pattern REUTERS_ARTICLE =
            Pattern.compile("<REUTERS\\b.*?</REUTERS>", Pattern.DOTALL);
    private static final Pattern REUTERS_TITLE =
            Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern REUTERS_BODY =
            Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

    private final List<NewsDocument> documents;
    private final Map<String, Long> bytesBySource;
    private final boolean synthetic;

    private MixedNewsCorpus(
            List<NewsDocument> documents, Map<String, Long> bytesBySource, boolean synthetic) {
        this.documents = List.copyOf(documents);
        this.bytesBySource = Collections.unmodifiableMap(new LinkedHashMap<>(bytesBySource));
        this.synthetic = synthetic;
    }

    /**
     * Loads the corpus.
     *
     * @param location the corpora folder, or {@value #SYNTHETIC}
     * @param bytesPerLanguage UTF-8 bytes to take per language
     * @throws IllegalStateException when the folder or one of its corpora is missing
     */
    public static MixedNewsCorpus load(String location, int bytesPerLanguage) {
        if (SYNTHETIC.equals(location)) {
            return of(SyntheticNews.generate(bytesPerLanguage), true);
        }
        Path root = Path.of(location);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(
                    "Research corpora not found at '"
                            + root.toAbsolutePath().normalize()
                            + "'. The benchmark reads CFSC-NER, SaudiNewsNet and Reuters-21578"
                            + " from there at run time (they are not part of the repository)."
                            + " Run from the repository root next to ../shared/corpora, name"
                            + " another folder, or name '"
                            + SYNTHETIC
                            + "' to use generated text (reported as SYNTHETIC).");
        }
        List<NewsDocument> zh = chinese(root, bytesPerLanguage);
        List<NewsDocument> ar = arabic(root, bytesPerLanguage);
        List<NewsDocument> en = english(root, bytesPerLanguage);
        return of(interleave(List.of(zh, ar, en)), false);
    }

    private static MixedNewsCorpus of(List<NewsDocument> documents, boolean synthetic) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (NewsDocument d : documents) {
            bySource.merge(d.source(), (long) d.utf8Bytes(), Long::sum);
        }
        return new MixedNewsCorpus(documents, bySource, synthetic);
    }

    /** Documents in benchmark order. */
    public List<NewsDocument> documents() {
        return documents;
    }

    /** UTF-8 bytes of all documents: the "MB" of MB/s. */
    public long utf8Bytes() {
        return bytesBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** UTF-8 bytes per source, in first-seen order. */
    public Map<String, Long> bytesBySource() {
        return bytesBySource;
    }

    /** Whether the text was generated rather than read from real corpora. */
    public boolean synthetic() {
        return synthetic;
    }

    /** One line per source with document count and size, for the report. */
    public String describe() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        documents.forEach(d -> counts.merge(d.source(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        sb.append(synthetic ? "SYNTHETIC corpus (generated, not real news)" : "Corpus")
                .append(String.format(": %d documents, %,d UTF-8 bytes%n", size(), utf8Bytes()));
        bytesBySource.forEach(
                (source, bytes) ->
                        sb.append(
                                String.format(
                                        "  %-34s %5d docs %,12d bytes%n",
                                        source, counts.get(source), bytes)));
        return sb.toString();
    }

    /** Number of documents. */
    public int size() {
        return documents.size();
    }

    private static List<NewsDocument> chinese(Path root, int budget) {
        Budget out = new Budget(budget);
        ObjectMapper json = new ObjectMapper();
        for (String split : List.of("ner_test.json", "ner_val.json")) {
            for (JsonNode sentence : readJson(json, required(root, "cfsc-ner/" + split))) {
                if (!out.add(
                        new NewsDocument(
                                "zh-Hans CFSC-NER sentences",
                                "zh-Hans",
                                null,
                                sentence.path("text").asText()))) {
                    return out.documents;
                }
            }
        }
        // CFSC has about 0.5 MB; real news flashes fill the rest of the Chinese share.
        Path finnl = root.resolve("bbt-fincuge/finnl/train_list.json");
        if (Files.isRegularFile(finnl)) {
            for (JsonNode item : readJson(json, finnl)) {
                if (!out.add(
                        new NewsDocument(
                                "zh-Hans BBT-FinCUGE finnl news",
                                "zh-Hans",
                                null,
                                item.path(0).asText()))) {
                    break;
                }
            }
        }
        return out.documents;
    }

    private static List<NewsDocument> arabic(Path root, int budget) {
        Budget out = new Budget(budget);
        ObjectMapper json = new ObjectMapper();
        List<Path> days = list(required(root, "saudinewsnet"), ".zip");
        for (Path day : days) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(day))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    for (JsonNode article : json.readTree(nonClosing(zip))) {
                        if (!"aleqtisadiya".equals(article.path("source").asText())) {
                            continue;
                        }
                        if (!out.add(
                                new NewsDocument(
                                        "ar SaudiNewsNet Al-Eqtisadiya",
                                        "ar",
                                        article.path("title").asText(null),
                                        article.path("content").asText("")))) {
                            return out.documents;
                        }
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + day, ex);
            }
        }
        return out.documents;
    }

    private static List<NewsDocument> english(Path root, int budget) {
        Budget out = new Budget(budget);
        for (Path file : list(required(root, "reuters21578"), ".sgm")) {
            if (!file.getFileName().toString().startsWith("reut2-")) {
                continue; // sample_*.sgm repeat articles of the full files
            }
            String sgml = read(file);
            Matcher article = REUTERS_ARTICLE.matcher(sgml);
            while (article.find()) {
                Matcher body = REUTERS_BODY.matcher(article.group());
                if (!body.find()) {
                    continue;
                }
                Matcher title = REUTERS_TITLE.matcher(article.group());
                if (!out.add(
                        new NewsDocument(
                                "en Reuters-21578",
                                "en",
                                title.find() ? title.group(1) : null,
                                body.group(1)))) {
                    return out.documents;
                }
            }
        }
        return out.documents;
    }

    /** Merges the streams so that each one's share of bytes grows evenly along the corpus. */
    private static List<NewsDocument> interleave(List<List<NewsDocument>> streams) {
        long[] total = new long[streams.size()];
        for (int s = 0; s < streams.size(); s++) {
            total[s] =
                    Math.max(1, streams.get(s).stream().mapToLong(NewsDocument::utf8Bytes).sum());
        }
        int[] next = new int[streams.size()];
        long[] taken = new long[streams.size()];
        List<NewsDocument> out = new ArrayList<>();
        while (true) {
            int pick = -1;
            double least = Double.MAX_VALUE;
            for (int s = 0; s < streams.size(); s++) {
                double done = (double) taken[s] / total[s];
                if (next[s] < streams.get(s).size() && done < least) {
                    pick = s;
                    least = done;
                }
            }
            if (pick < 0) {
                return out;
            }
            NewsDocument d = streams.get(pick).get(next[pick]++);
            taken[pick] += d.utf8Bytes();
            out.add(d);
        }
    }

    private static Path required(Path root, String relative) {
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(
                    "Corpus file or folder missing: '"
                            + p.toAbsolutePath().normalize()
                            + "' (see ../shared/corpora/README.md), or name '"
                            + SYNTHETIC
                            + "' instead of a folder");
        }
        return p;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static JsonNode readJson(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            // Reuters-21578 is ASCII with a few stray Latin-1 bytes; Latin-1 never fails.
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Lets Jackson read one zip entry without closing the zip stream. */
    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }

    /** Collects documents until their UTF-8 size reaches the budget. */
    private static final class Budget {
        private final long limit;
        private final List<NewsDocument> documents = new ArrayList<>();
        private long bytes;

        Budget(long limit) {
            this.limit = limit;
        }

        /** Adds a non-empty document; false once the budget is used up. */
        boolean add(NewsDocument d) {
            if (bytes >= limit) {
                return false;
            }
            if (!d.text().isBlank()) {
                documents.add(d);
                bytes += d.utf8Bytes();
            }
            return bytes < limit;
        }
    }
}
