package io.newspulse.common.moves;

import static io.newspulse.common.moves.TestTexts.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSegmentsTest {

    @Test
    void splitsSentencesAtTerminatorsSemicolonsAndNewlines() {
        String s = "腾讯跌5%;苹果跌2%。微软涨1%\nOK";
        TextSegments seg = TextSegments.of(normalized(s));

        assertThat(seg.sentenceStart(s.indexOf("苹果"))).isEqualTo(s.indexOf("苹果"));
        assertThat(seg.sentenceEnd(s.indexOf("苹果"))).isEqualTo(s.indexOf("。"));
        assertThat(seg.sameSentence(s.indexOf("微软"), s.indexOf("OK"))).isFalse();
    }

    @Test
    void commasEndClausesButNotSentences() {
        String s = "苹果发布新品，股价下跌2.5%";
        TextSegments seg = TextSegments.of(normalized(s));

        assertThat(seg.sameSentence(0, s.indexOf("股价"))).isTrue();
        assertThat(seg.clauseStart(s.indexOf("股价"))).isEqualTo(s.indexOf("股价"));
    }

    @Test
    void fullStopsInNumbersAndAbbreviationsDoNotEndSentences() {
        String s = "Apple Inc. rose 3.5% as U.S. stocks gained. Then Intel fell.";
        TextSegments seg = TextSegments.of(normalized(s));

        assertThat(seg.sameSentence(0, s.indexOf("gained"))).isTrue();
        assertThat(seg.sameSentence(0, s.indexOf("Then"))).isFalse();
    }

    @Test
    void thousandsSeparatorIsNoClauseBreak() {
        String s = "wiped $1,200 billion";
        TextSegments seg = TextSegments.of(normalized(s));

        assertThat(seg.clauseStart(s.indexOf("200"))).isZero();
    }
}
