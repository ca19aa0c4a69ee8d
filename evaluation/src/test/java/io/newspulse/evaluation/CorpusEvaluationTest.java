package io.newspulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.analysis.ShippedAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.testing.KbMini;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusEvaluationTest {

    @Test
    void runsOverASyntheticCorporaFolder(@TempDir Path dir) throws IOException, URISyntaxException {
        Files.createDirectories(dir.resolve("cfsc-ner"));
        Files.writeString(
                dir.resolve("cfsc-ner/ner_test.json"),
                "[{\"text\":\"英伟达涨停，沪指跌，某某科技涨\",\"labels\":["
                        + "{\"text\":\"英伟达\",\"Level 1 Aspect\":\"Corporate\",\"from\":0,\"to\":3},"
                        + "{\"text\":\"沪指\",\"Level 1 Aspect\":\"Stock\",\"from\":6,\"to\":8},"
                        + "{\"text\":\"某某科技\",\"Level 1 Aspect\":\"Stock\",\"from\":10,\"to\":14}]}]");
        Files.createDirectories(dir.resolve("semeval2017-task5"));
        Files.writeString(
                dir.resolve("semeval2017-task5/SemEval2017Task5Headlines.json"),
                "[{\"id\":1,\"company\":\"Nvidia\",\"title\":\"Nvidia beats forecasts\"}]");
        KnowledgeBase kb = KbMini.load();
        CorpusEvaluation eval =
                new CorpusEvaluation(
                        DocumentAnalyzer.create(kb), dir, new CorpusEvaluation.Options(0, 5, 0, 1));
        // the move and sector sets name entities of the shipped KB: MoveScorerTest and
        // SectorScorerTest cover them
        List<CorpusReport> reports =
                eval.run(
                        CorpusEvaluation.CORPORA.stream()
                                .filter(n -> !CorpusEvaluation.IN_REPOSITORY.contains(n))
                                .toList());
        assertThat(reports)
                .extracting(CorpusReport::name)
                .containsExactly(
                        "cfsc-ner",
                        "finer-ord",
                        "reuters21578",
                        "semeval2017-task5",
                        "saudinewsnet",
                        "bbt-fincuge");
        CorpusReport cfsc = reports.get(0);
        assertThat(cfsc.skipped()).isNull();
        assertThat(cfsc.metrics())
                .containsEntry("gold_spans", 3L)
                .containsEntry("true_positives", 2L)
                .containsEntry("precision", 1.0)
                .containsEntry("gold_in_kb", 2L)
                .containsEntry("recall_in_kb", 1.0);
        assertThat(reports.get(1).skipped()).startsWith("folder not found");
        assertThat(reports.get(3).metrics()).containsEntry("found", 1L);
    }

    @Test
    void withoutACorporaFolderOnlyTheMoveSetRuns() {
        CorpusEvaluation eval =
                new CorpusEvaluation(
                        DocumentAnalyzer.create(KbMini.load()),
                        null,
                        new CorpusEvaluation.Options(0, 0, 0, 1));
        List<CorpusReport> reports = eval.run(List.of("cfsc-ner"));
        assertThat(reports).singleElement().extracting(CorpusReport::skipped).isNotNull();
    }

    @Test
    void realCorporaWhenPresent() {
        Optional<Path> corpora = realCorpora();
        assumeTrue(corpora.isPresent(), "research corpora not present: skipped");
        CorpusEvaluation eval =
                new CorpusEvaluation(
                        ShippedAnalyzer.get(),
                        corpora.get(),
                        new CorpusEvaluation.Options(30, 0, 0, 1));
        List<CorpusReport> reports =
                eval.run(List.of("cfsc-ner", "finer-ord", "semeval2017-task5"));
        for (CorpusReport r : reports) {
            assertThat(r.skipped()).as(r.name()).isNull();
            assertThat(((Number) r.metrics().get("documents")).longValue()).isPositive();
        }
        assertThat((double) reports.get(0).metrics().get("precision")).isGreaterThan(0.3);
    }

    /** NEWSPULSE_CORPORA, else ../shared/corpora from the module or the repository root. */
    private static Optional<Path> realCorpora() {
        String env = System.getenv("NEWSPULSE_CORPORA");
        Stream<Path> candidates =
                env != null && !env.isBlank()
                        ? Stream.of(Path.of(env))
                        : Stream.of(Path.of("../shared/corpora"), Path.of("../../shared/corpora"));
        return candidates.filter(p -> Files.isDirectory(p.resolve("cfsc-ner"))).findFirst();
    }
}
