package io.newspulse.bench;

import io.newspulse.evaluation.corpus.MixedNewsCorpus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TaggingBenchmark} and {@link HostileBenchmark} through the JMH Runner API and prints
 * MB/s of UTF-8 input per core next to JMH's ops/s (one op = one pass over the corpus), the ratios
 * to raw matching with their targets, and microseconds per KB of each hostile input next to the
 * corpus figure of {@code analyze}.
 *
 * <p>Run from the repository root (so that {@code ../shared/corpora} resolves):
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests -pl bench -am
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.newspulse.bench.BenchMain
 * </pre>
 *
 * <p>Every JMH command-line option is accepted and wins over the defaults below, e.g.:
 *
 * <ul>
 *   <li>{@code -f 1 -wi 3 -w 2s -i 5 -r 2s}: the defaults (forks, warm-up iterations and time,
 *       measurement iterations and time), about 3 minutes on 2 cores; {@code analyze} takes several
 *       seconds per pass, so its iterations run one pass each.
 *   <li>{@code -p corpora=<folder>}: the research corpora folder (default {@code
 *       ../shared/corpora}); {@code -p corpora=synthetic} measures generated text, labelled
 *       SYNTHETIC.
 *   <li>{@code -p bytesPerLanguage=<n>}: UTF-8 bytes per language (default 1000000).
 *   <li>{@code -prof stack} or {@code -prof jfr}: profile; a regular expression such as {@code
 *       normalizeAndTag} runs one benchmark only.
 * </ul>
 */
public final class BenchMain {
    private static final String BENCHMARK = TaggingBenchmark.class.getName();
    private static final String HOSTILE = HostileBenchmark.class.getName();
    private static final List<String> ORDER =
            List.of("rawHankcs", "normalize", "normalizeAndTag", "analyze");
    private static final String BASELINE = "rawHankcs";

    /** Targets: each benchmark at no less than this share of raw automaton speed. */
    static final Map<String, Double> TARGETS = Map.of("normalizeAndTag", 0.6, "analyze", 0.30);

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(BENCHMARK);
            options.include(HOSTILE);
        }
        if (!cli.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(2));
        }

        // Load once here too: fails fast with a clear message when the corpora are absent, and
        // gives the byte count that turns ops/s into MB/s.
        Map<String, MixedNewsCorpus> corpora = new HashMap<>();
        String location = param(cli, "corpora", "../shared/corpora");
        int bytes = Integer.parseInt(param(cli, "bytesPerLanguage", "1000000"));
        MixedNewsCorpus corpus;
        try {
            corpus = MixedNewsCorpus.load(location, bytes);
        } catch (IllegalStateException e) {
            System.err.println("newspulse bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        corpora.put(location + "|" + bytes, corpus);
        System.out.print(corpus.describe());

        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, corpora);
    }

    /** A parameter's single value from the command line, else the default. */
    private static String param(CommandLineOptions cli, String name, String fallback) {
        if (cli.getParameter(name).hasValue()) {
            Collection<String> values = cli.getParameter(name).get();
            if (values.size() != 1) {
                throw new IllegalArgumentException("give one value for -p " + name);
            }
            return values.iterator().next();
        }
        return fallback;
    }

    private static void print(Collection<RunResult> results, Map<String, MixedNewsCorpus> corpora) {
        List<RunResult> sorted = new ArrayList<>();
        List<RunResult> hostile = new ArrayList<>();
        for (RunResult r : results) {
            (r.getParams().getBenchmark().startsWith(HOSTILE) ? hostile : sorted).add(r);
        }
        sorted.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        Map<String, Double> mbPerSecond = new HashMap<>();
        StringBuilder table = new StringBuilder();
        for (RunResult r : sorted) {
            String name = method(r);
            String key = r.getParams().getParam("corpora") + "|" + bytesParam(r);
            MixedNewsCorpus corpus =
                    corpora.computeIfAbsent(
                            key,
                            k ->
                                    MixedNewsCorpus.load(
                                            r.getParams().getParam("corpora"), bytesParam(r)));
            Result<?> score = r.getPrimaryResult();
            double mb = score.getScore() * corpus.utf8Bytes() / 1e6;
            double mbError = score.getScoreError() * corpus.utf8Bytes() / 1e6;
            mbPerSecond.put(name + "|" + key, mb);
            Double baseline = mbPerSecond.get(BASELINE + "|" + key);
            table.append(
                    String.format(
                            "%-16s %12.3f ± %-9.3f %10.2f ± %-8.2f %10s%s%n",
                            name,
                            score.getScore(),
                            score.getScoreError(),
                            mb,
                            mbError,
                            baseline == null ? "n/a" : String.format("%.3f", mb / baseline),
                            corpus.synthetic() ? "  SYNTHETIC" : ""));
        }
        System.out.println();
        System.out.println(
                "MB = 10^6 bytes of UTF-8 input; one op = one pass over the corpus; 1 thread.");
        System.out.printf(
                "%-16s %24s %23s %10s%n", "benchmark", "ops/s (99.9% CI)", "MB/s", "x rawHankcs");
        System.out.print(table);
        mbPerSecond.forEach(
                (k, mb) -> {
                    String name = k.substring(0, k.indexOf('|'));
                    Double target = TARGETS.get(name);
                    Double base = mbPerSecond.get(BASELINE + k.substring(name.length()));
                    if (target != null && base != null) {
                        double ratio = mb / base;
                        System.out.printf(
                                "Target %s >= %.2f x %s: %.3f -> %s%n",
                                name, target, BASELINE, ratio, ratio >= target ? "MET" : "NOT MET");
                    }
                });
        printHostile(hostile, mbPerSecond);
    }

    /** Microseconds per KB of each hostile input, and of the corpus under {@code analyze}. */
    private static void printHostile(List<RunResult> hostile, Map<String, Double> mbPerSecond) {
        if (hostile.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Hostile inputs, analyze; KB = 1024 bytes of UTF-8 input; 1 thread.");
        System.out.printf("%-18s %10s %22s %12s%n", "input", "KB", "ms/op (99.9% CI)", "us/KB");
        for (RunResult r : hostile) {
            String input = r.getParams().getParam("input");
            double kb = HostileBenchmark.utf8Bytes(input) / 1024.0;
            Result<?> score = r.getPrimaryResult();
            System.out.printf(
                    "%-18s %10.0f %12.1f ± %-8.1f %12.1f%n",
                    input,
                    kb,
                    score.getScore(),
                    score.getScoreError(),
                    score.getScore() * 1000 / kb);
        }
        mbPerSecond.forEach(
                (k, mb) -> {
                    if (k.startsWith("analyze|")) {
                        // 1 MB/s is 10^6 bytes per second: 1024 / 10^6 s per KB.
                        System.out.printf("%-18s %10s %22s %12.1f%n", "corpus", "", "", 1024 / mb);
                    }
                });
    }

    private static int bytesParam(RunResult r) {
        return Integer.parseInt(r.getParams().getParam("bytesPerLanguage"));
    }

    private static String method(RunResult r) {
        String b = r.getParams().getBenchmark();
        return b.substring(b.lastIndexOf('.') + 1);
    }

    private static int rank(RunResult r) {
        int i = ORDER.indexOf(method(r));
        return i < 0 ? ORDER.size() : i;
    }
}
