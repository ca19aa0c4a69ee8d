package io.newspulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspulse.common.analysis.ShippedAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SectorScorerTest {
    private static SectorText text(int line, Set<String> named, Set<String> about) {
        return new SectorText(line, "en", "t" + line, "b", named, about);
    }

    @Test
    void recallIsOverNamedLabelsAndPrecisionAcceptsWhatTheTextIsAbout() {
        SectorScorer scorer = new SectorScorer();
        scorer.add(
                text(1, Set.of("sector.banks", "sector.insurance"), Set.of("sector.fintech")),
                List.of(
                        new SectorScorer.Found("sector.banks", false),
                        new SectorScorer.Found("sector.fintech", true),
                        new SectorScorer.Found("sector.coal", true)));
        scorer.add(
                text(2, Set.of(), Set.of()), List.of(new SectorScorer.Found("sector.steel", true)));
        scorer.add(
                text(3, Set.of("sector.airlines"), Set.of()),
                List.of(new SectorScorer.Found("sector.airlines", true)));

        assertThat(scorer.metrics())
                .containsEntry("texts", 3)
                .containsEntry("named_labels", 3)
                .containsEntry("about_labels", 1)
                .containsEntry("found_sectors", 5)
                .containsEntry("matched", 2)
                .containsEntry("recall", 0.667)
                .containsEntry("recall_found_as_named", 0.333)
                .containsEntry("precision", 0.6)
                .containsEntry("texts_without_sector", 1)
                .containsEntry("texts_without_sector_given_one", 1);
        assertThat(scorer.missed().top(5))
                .extracting(e -> e.getKey())
                .containsExactly("en:0001 sector.insurance | t1");
        assertThat(scorer.spurious().top(5))
                .extracting(e -> e.getKey())
                .containsExactly(
                        "en:0001 sector.coal (derived) | t1",
                        "en:0002 sector.steel (derived) | t2");
    }

    @Test
    void readsTheFormatAndRefusesMalformedLines() throws IOException {
        List<SectorText> texts =
                SectorSetReader.read(
                        new StringReader(
                                "# comment\n\nBanks rally\tLenders rose.\tsector.banks\t\n"
                                        + "Tesla ships more\tBody.\t\tsector.autos; sector.new_energy_vehicles\n"),
                        "en");
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).line()).isEqualTo(3);
        assertThat(texts.get(0).named()).containsExactly("sector.banks");
        assertThat(texts.get(1).about())
                .containsExactly("sector.autos", "sector.new_energy_vehicles");
        assertThatThrownBy(() -> SectorSetReader.read(new StringReader("only a title\n"), "en"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> SectorSetReader.read(new StringReader("T\tB\tbanks\t\n"), "en"))
                .hasMessageContaining("bad sector id 'banks'");
        assertThatThrownBy(
                        () ->
                                SectorSetReader.read(
                                        new StringReader("T\tB\tsector.banks\tsector.banks\n"),
                                        "en"))
                .hasMessageContaining("both named and about");
    }

    @Test
    void theShippedSetNamesOnlySectorsOfTheShippedKnowledgeBase() {
        KnowledgeBase kb = ShippedAnalyzer.get().knowledgeBase();
        for (String language : SectorSetReader.LANGUAGES) {
            List<SectorText> texts = SectorSetReader.shipped(language);
            assertThat(texts).as(language).hasSizeGreaterThanOrEqualTo(40);
            SectorEvaluation.checkIds(texts, kb);
        }
        SectorText bad = new SectorText(7, "en", "t", "b", Set.of("sector.nonexistent"), Set.of());
        assertThatThrownBy(() -> SectorEvaluation.checkIds(List.of(bad), kb))
                .hasMessageContaining("en line 7: no sector 'sector.nonexistent'");
        SectorText company = new SectorText(8, "en", "t", "b", Set.of("tencent"), Set.of());
        assertThatThrownBy(() -> SectorEvaluation.checkIds(List.of(company), kb))
                .hasMessageContaining("no sector 'tencent'");
    }
}
