package io.newspulse.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped tables must stay exactly what ICU4J produces; regenerate with the generator. */
class T2sTableTest {

    @Test
    void shippedPairsEqualIcu() {
        assertThat(ChineseVariants.parsePairs(ChineseVariants.open(ChineseVariants.T2S_RESOURCE)))
                .as("t2s.txt is stale: run T2sTableGenerator")
                .isEqualTo(T2sTableGenerator.traditionalToSimplified());
    }

    @Test
    void shippedSharedTargetsEqualIcu() {
        assertThat(
                        ChineseVariants.parseChars(
                                ChineseVariants.open(ChineseVariants.SHARED_RESOURCE)))
                .as("t2s-shared.txt is stale: run T2sTableGenerator")
                .isEqualTo(
                        T2sTableGenerator.sharedTargets(
                                T2sTableGenerator.traditionalToSimplified()));
    }

    @Test
    void classifiesScriptSpecificCharacters() {
        assertThat(ChineseVariants.isTraditionalOnly('發')).isTrue();
        assertThat(ChineseVariants.isSimplifiedOnly('发')).isTrue();
        assertThat(ChineseVariants.isSimplifiedOnly('台')).isFalse();
        assertThat(ChineseVariants.isSimplifiedOnly('里')).isFalse();
        assertThat(ChineseVariants.isTraditionalOnly('跌')).isFalse();
        assertThat(ChineseVariants.isSimplifiedOnly('跌')).isFalse();
    }
}
