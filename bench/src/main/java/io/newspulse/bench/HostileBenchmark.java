package io.newspulse.bench;

import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.analysis.HostileTexts;
import io.newspulse.common.kb.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Time of {@link DocumentAnalyzer#analyze} on one hostile article ({@link HostileTexts}): about
 * 2,000,000 UTF-8 bytes of each kind (the article size limit), or a respectively-list of 100,000
 * items. One op is one analysis; {@link BenchMain} turns ms/op into microseconds per KB of UTF-8
 * input, next to the corpus figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class HostileBenchmark {
    /** UTF-8 bytes of each hostile input (the article limit is 2 MB). */
    static final int BYTES = 2_000_000;

    /** The inputs, in the order of {@link #input}. */
    static final List<String> INPUTS =
            List.of(
                    "marketClause",
                    "denseMentions",
                    "repeatedHan",
                    "respectivelyList",
                    "digits",
                    "brackets");

    /** Items of the respectively-list. */
    static final int LIST_ITEMS = 100_000;

    @Param({
        "marketClause",
        "denseMentions",
        "repeatedHan",
        "respectivelyList",
        "digits",
        "brackets"
    })
    public String input;

    private String text;
    private DocumentAnalyzer analyzer;

    @Setup
    public void setUp() {
        text = text(input);
        analyzer = DocumentAnalyzer.create(KnowledgeBase.embedded());
    }

    /** The input called {@code name}, at the size this benchmark measures. */
    static String text(String name) {
        IntFunction<String> input = HostileTexts.all().get(name);
        if (name.equals("respectivelyList")) {
            return input.apply(LIST_ITEMS);
        }
        // Characters take 1 to 3 bytes: scale the length so that the text has about BYTES.
        String sample = input.apply(BYTES);
        double bytesPerChar =
                (double) sample.getBytes(StandardCharsets.UTF_8).length / sample.length();
        return input.apply((int) (BYTES / bytesPerChar));
    }

    /** UTF-8 bytes of the input called {@code name}. */
    static int utf8Bytes(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8).length;
    }

    @Benchmark
    public DocumentAnalysis analyze() {
        return analyzer.analyze("Hostile", text, null);
    }
}
