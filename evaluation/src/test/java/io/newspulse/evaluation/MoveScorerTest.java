package io.newspulse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.moves.MarketMove.Kind;
import io.newspulse.common.testing.KbMini;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoveScorerTest {
    private static final String TINY =
            String.join(
                    "\n",
                    "# a comment",
                    "Apple rose 2% and Nvidia fell 1.5%.\tapple +2%; nvidia -1.5%\t",
                    "Ford and its supplier Acme Gears rose 3% and 9%.\tford +3%; ?Acme Gears +9%\t",
                    "",
                    "Apple's weight rose to 7%.\t\tweight",
                    "Ford's sales rose 5%; its shares fell 1%.\tford -1%\tsales",
                    "Moutai hit the daily limit.\tkweichow-moutai +limit\t");

    private static List<MoveSentence> tiny() throws IOException {
        return MoveSetReader.read(new StringReader(TINY), "en");
    }

    private static MarketMove move(String id, Direction d, Double percent, String qualifier) {
        return new MarketMove(id, Kind.PRICE, d, percent, null, null, qualifier, "x", 0, 1);
    }

    private static MarketMove unresolvedUp(double percent, String subject) {
        return new MarketMove(
                null,
                Kind.PRICE,
                Direction.UP,
                percent,
                null,
                null,
                null,
                "x",
                0,
                1,
                new MarketMove.Subject(subject, 0, subject.length()));
    }

    @Test
    void readsMovesUnresolvedSubjectsPointsLimitsAndKinds() throws IOException {
        List<MoveSentence> s = tiny();
        assertThat(s).hasSize(5);
        assertThat(s.get(0).line()).isEqualTo(2);
        assertThat(s.get(1).moves().get(1))
                .isEqualTo(
                        new LabelledMove(
                                "Acme Gears", false, Direction.UP, 9.0, null, false, Kind.PRICE));
        assertThat(s.get(2).moves()).isEmpty();
        assertThat(s.get(2).nonMoves()).containsExactly("weight");
        assertThat(s.get(4).moves().get(0).limit()).isTrue();
        assertThat(s.get(4).moves().get(0).percent()).isNull();
        List<MoveSentence> points =
                MoveSetReader.read(
                        new StringReader("The Dow fell.\tindex.dow-jones -1.1% 426pt limit\t"),
                        "en");
        assertThat(points.get(0).moves().get(0).label())
                .isEqualTo("index.dow-jones -1.1% limit 426pt");
    }

    @Test
    void rejectsMalformedLinesWithTheirNumber() {
        assertThatThrownBy(() -> MoveSetReader.read(new StringReader("x\tapple up 2%\t"), "en"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> MoveSetReader.read(new StringReader("x\t\tsalary"), "en"))
                .hasMessageContaining("unknown non-move kind");
    }

    @Test
    void countsMatchesOneToOneAndClassifiesTheRest() throws IOException {
        List<MoveSentence> s = tiny();
        MoveScorer scorer = new MoveScorer();
        // both found; the second within the tolerance
        scorer.add(
                s.get(0),
                List.of(
                        move("apple", Direction.UP, 2.0, null),
                        move("nvidia", Direction.DOWN, 1.504, null)));
        // Ford found; the unknown supplier's 9% given to Ford
        scorer.add(
                s.get(1),
                List.of(
                        move("ford", Direction.UP, 3.0, null),
                        move("ford", Direction.UP, 9.0, null)));
        // a weight read as a move
        scorer.add(s.get(2), List.of(move("apple", Direction.UP, 7.0, null)));
        // the sales figure given to Ford, the share move missed: wrong sign
        scorer.add(s.get(3), List.of(move("ford", Direction.UP, 1.0, null)));
        // a limit move with the board's limit filled in still matches
        scorer.add(s.get(4), List.of(move("kweichow-moutai", Direction.UP, 10.0, "limit")));

        assertThat(scorer.labelled()).isEqualTo(6);
        assertThat(scorer.found()).isEqualTo(7);
        assertThat(scorer.matched()).isEqualTo(4);
        // 4 of 6 labels, the unknown supplier's among them; 4 of the 5 with a known subject
        assertThat(scorer.recall()).isEqualTo(0.667);
        assertThat(scorer.recallKnownSubjects()).isEqualTo(0.8);
        assertThat(scorer.precision()).isEqualTo(0.571);
        assertThat(scorer.unresolvedGivenToOther()).isEqualTo(1);
        assertThat(scorer.wrongSubject()).isZero();
        assertThat(scorer.nonMoveSentences()).isEqualTo(1);
        assertThat(scorer.nonMoveSentencesWithMove()).isEqualTo(1);
        assertThat(scorer.byKind().get("weight")).containsExactly(1, 1);
        assertThat(scorer.byKind().get("sales")).containsExactly(1, 1);
        assertThat(scorer.missed().top(5))
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(
                        "en:0003 ?Acme Gears +9% | Ford and its supplier Acme Gears rose 3% and 9%.",
                        "en:0006 ford -1% | Ford's sales rose 5%; its shares fell 1%.");
        Map<String, Object> m = scorer.metrics();
        assertThat(m)
                .containsEntry("unresolved_expected", 1L)
                .containsEntry("f1", 0.615)
                .containsEntry("unresolved_matched", 0L)
                .containsEntry("non_move_sentences_with_move", 1L);
    }

    @Test
    void anUnresolvedMoveMatchesALabelledUnknownSubjectByName() throws IOException {
        MoveSentence sentence = tiny().get(1);
        MarketMove acme = unresolvedUp(9.0, "its supplier Acme  Gears");
        MarketMove other = unresolvedUp(9.0, "Zenith Tools");
        MoveScorer named = new MoveScorer();
        named.add(sentence, List.of(move("ford", Direction.UP, 3.0, null), acme));
        assertThat(named.matched()).isEqualTo(2);
        assertThat(named.recall()).isEqualTo(1.0);
        assertThat(named.metrics()).containsEntry("unresolved_matched", 1L);

        MoveScorer misnamed = new MoveScorer();
        misnamed.add(sentence, List.of(move("ford", Direction.UP, 3.0, null), other));
        assertThat(misnamed.matched()).isEqualTo(1);
        assertThat(misnamed.precision()).isEqualTo(0.5);
    }

    @Test
    void aMoveOnAnotherEntityWithTheLabelsFigureIsAWrongSubject() throws IOException {
        MoveScorer scorer = new MoveScorer();
        scorer.add(tiny().get(0), List.of(move("tencent", Direction.UP, 2.0, null)));
        assertThat(scorer.matched()).isZero();
        assertThat(scorer.wrongSubject()).isEqualTo(1);
    }

    @Test
    void shippedSetHasAtLeast150SentencesPerLanguageCoveringMovesAndNonMoves() {
        for (String language : MoveSetReader.LANGUAGES) {
            List<MoveSentence> set = MoveSetReader.shipped(language);
            assertCoverage(set, language, 150, 30, 8);
            assertThat(set.stream().flatMap(x -> x.nonMoves().stream()).distinct())
                    .as(language)
                    .contains("stake", "weight", "premium", "growth", "yield", "turnover");
        }
    }

    @Test
    void heldOutSetHasAtLeast30SentencesPerLanguageCoveringMovesAndNonMoves() {
        for (String language : MoveSetReader.LANGUAGES) {
            List<MoveSentence> set = MoveSetReader.shipped(MoveSetReader.HELD_OUT, language);
            assertCoverage(set, language, 30, 8, 3);
            assertThat(set.stream().flatMap(x -> x.moves().stream()).filter(LabelledMove::limit))
                    .as(language)
                    .isNotEmpty();
        }
    }

    private static void assertCoverage(
            List<MoveSentence> set, String language, int sentences, int nonMove, int unknown) {
        assertThat(set).as(language).hasSizeGreaterThanOrEqualTo(sentences);
        assertThat(set.stream().filter(x -> x.moves().isEmpty()).count())
                .as(language)
                .isGreaterThanOrEqualTo(nonMove);
        assertThat(set.stream().flatMap(x -> x.moves().stream()).filter(x -> !x.resolved()))
                .as(language)
                .hasSizeGreaterThanOrEqualTo(unknown);
    }

    @Test
    void shippedLabelsNameEntitiesOfTheShippedKnowledgeBase() {
        KnowledgeBase kb = KnowledgeBase.embedded();
        for (String set : MoveSetReader.SETS) {
            for (String language : MoveSetReader.LANGUAGES) {
                MoveEvaluation.checkSubjects(MoveSetReader.shipped(set, language), kb);
            }
        }
    }

    @Test
    void evaluationScoresTheTuningAndHeldOutSetsPerLanguage() {
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(KnowledgeBase.embedded());
        List<String> names =
                new MoveEvaluation(analyzer, 1).run().stream().map(CorpusReport::name).toList();
        assertThat(names)
                .containsExactly(
                        "moves/zh-Hans",
                        "moves/zh-Hant",
                        "moves/ar",
                        "moves/en",
                        "moves-heldout/zh-Hans",
                        "moves-heldout/zh-Hant",
                        "moves-heldout/ar",
                        "moves-heldout/en");
    }

    @Test
    void evaluationRunsTheAnalyzerAndChecksLabelledIds() throws Exception {
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(KbMini.load());
        MoveEvaluation evaluation = new MoveEvaluation(analyzer, 5);
        List<MoveSentence> set =
                MoveSetReader.read(
                        new StringReader("Shares of Ford rose 4% in heavy trading.\tford +4%\t"),
                        "en");
        MoveScorer scorer = evaluation.score(set);
        assertThat(scorer.labelled()).isEqualTo(1);
        assertThat(scorer.matched()).isLessThanOrEqualTo(scorer.found());
        List<MoveSentence> unknown =
                MoveSetReader.read(new StringReader("x\tno-such-entity +1%\t"), "en");
        assertThatThrownBy(() -> evaluation.score(unknown)).hasMessageContaining("no-such-entity");
    }
}
