package io.newspulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.testing.KbMini;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorersTest {
    private static DocumentAnalyzer analyzer;
    private static KbNames names;

    @BeforeAll
    static void build() throws URISyntaxException {
        KnowledgeBase kb = KbMini.load();
        analyzer = DocumentAnalyzer.create(kb);
        names = new KbNames(kb, analyzer.normalizer()::fold);
    }

    private static PredictedMention p(int start, int end) {
        return new PredictedMention(start, end, "x", EntityType.COMPANY, "t", "alias");
    }

    @Test
    void spanScorerCountsOverlapExactAndCoverage() {
        String text = "0123456789abcdefghij";
        SpanDocument doc =
                new SpanDocument(
                        "d",
                        text,
                        "en",
                        List.of(
                                new GoldSpan(0, 4, "ORG", "0123"),
                                new GoldSpan(6, 10, "ORG", "6789"),
                                new GoldSpan(12, 14, "ORG", "cd"),
                                new GoldSpan(16, 18, "PER", "gh")));
        SpanScorer s = new SpanScorer(Set.of("ORG"), t -> !t.equals("cd"));
        // exact on 0-4, two predictions inside 6-10, one on the PER span
        s.add(doc, List.of(p(0, 4), p(6, 7), p(8, 9), p(16, 18)));
        assertThat(s.gold()).isEqualTo(3);
        assertThat(s.predicted()).isEqualTo(4);
        assertThat(s.truePositives()).isEqualTo(2);
        assertThat(s.precision()).isEqualTo(0.75);
        assertThat(s.recall()).isEqualTo(0.667);
        assertThat(s.exactPrecision()).isEqualTo(0.25);
        assertThat(s.exactRecall()).isEqualTo(0.333);
        assertThat(s.goldCovered()).isEqualTo(2);
        assertThat(s.coveredRecall()).isEqualTo(1.0);
        assertThat(s.missedUncovered().count("cd (ORG)")).isEqualTo(1);
        assertThat(s.falsePositives().top(1).get(0).getKey()).endsWith("(on PER)");
        assertThat(s.metrics()).containsEntry("f1", 0.706).containsEntry("gold_in_kb", 2L);
    }

    @Test
    void kbNamesFoldCaseSuffixesAndTickerForms() {
        Set<EntityType> companies = Set.of(EntityType.COMPANY);
        assertThat(names.entitiesNamed("nvidia corp", companies)).containsExactly("nvidia");
        assertThat(names.entitiesNamed("Tencent Holdings Ltd", companies))
                .containsExactly("tencent");
        assertThat(names.entitiesNamed("贵州茅台股份有限公司", companies)).containsExactly("kweichow-moutai");
        assertThat(names.entitiesNamed("600519SS", companies)).containsExactly("kweichow-moutai");
        assertThat(names.entitiesNamed("0700", companies)).containsExactly("tencent");
        assertThat(names.entitiesNamed("平安", companies))
                .containsExactlyInAnyOrder("ping-an-insurance", "ping-an-bank");
        assertThat(names.covers("沪指", companies)).isFalse();
        assertThat(names.covers("沪指", Set.of(EntityType.INDEX))).isTrue();
        assertThat(names.covers("Unknown Widgets plc", companies)).isFalse();
    }

    @Test
    void aliasScorerSeparatesCoverageFromMatching() {
        AliasScorer s = new AliasScorer(names, Set.of(EntityType.COMPANY));
        List<LabelledDocument> docs =
                List.of(
                        new LabelledDocument(
                                "1", null, "Nvidia shares jump 5%", "en", List.of("NVIDIA Corp")),
                        new LabelledDocument(
                                "2", null, "Quiet day for markets", "en", List.of("Tencent")),
                        new LabelledDocument(
                                "3",
                                null,
                                "Unknown Widgets rallies",
                                "en",
                                List.of("Unknown Widgets")));
        for (LabelledDocument d : docs) {
            s.add(d, analyzer.analyze(d.title(), d.body(), d.language()));
        }
        assertThat(s.labelsInKb()).isEqualTo(2);
        assertThat(s.found()).isEqualTo(1);
        assertThat(s.recallInKb()).isEqualTo(0.5);
        assertThat(s.missed().count("Tencent -> nothing")).isEqualTo(1);
        assertThat(s.notInKb().count("Unknown Widgets")).isEqualTo(1);
        assertThat(s.metrics()).containsEntry("distinct_labels_in_kb", 2);
    }

    @Test
    void mentionStatsSampleIsSeededAndBounded() {
        PlainDocument doc = new PlainDocument("d", "src", "t", "英伟达涨，腾讯跌，英伟达再涨", "zh-Hans");
        List<PredictedMention> found =
                PredictedMention.of(
                        analyzer.analyze(doc.title(), doc.body(), doc.language()),
                        Set.of(EntityType.COMPANY));
        assertThat(found).hasSize(3);
        MentionStats a = new MentionStats(analyzer.knowledgeBase(), 2, 1);
        MentionStats b = new MentionStats(analyzer.knowledgeBase(), 2, 1);
        for (int i = 0; i < 5; i++) {
            a.add(doc, found);
            b.add(doc, found);
        }
        assertThat(a.sample()).hasSize(2).isEqualTo(b.sample());
        assertThat(a.entities().count("nvidia")).isEqualTo(10);
        assertThat(a.metrics()).containsEntry("documents", 5L).containsEntry("mentions", 15L);
    }
}
