package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MoveLexiconTest {

    @Test
    void embeddedLexiconLoadsWithAllSections() {
        MoveLexicon lexicon = MoveLexicon.fromClasspath();

        assertThat(lexicon.priceVerbs()).containsKeys("up", "down");
        assertThat(lexicon.marketCapVerbs()).containsKeys("up", "down");
        assertThat(lexicon.qualifiers().priority())
                .containsExactly("over", "nearly", "about", "up_to");
        assertThat(lexicon.currencies()).containsKeys("USD", "CNY", "HKD", "SAR");
        assertThat(lexicon.multipliers()).containsEntry("亿", 100_000_000L);
        assertThat(lexicon.nonMoveCues().before()).contains("stake", "权重", "gdp");
    }

    @Test
    void unknownKeysAreRejected() {
        String yaml = "percentUnits: ['%']\npriceVerb: {up: [rose]}\n";

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aSmallLexiconBuildsAWorkingExtractor() {
        String yaml =
                "percentUnits: ['%']\n"
                        + "priceVerbs: {up: [climbed], down: [slid]}\n"
                        + "qualifiers: {priority: [over], beforeFigure: {over: [over]}}\n";
        MoveExtractor extractor = new MoveExtractor(load(yaml));
        var text = TestTexts.normalized("Acme climbed over 4%.");

        assertThat(extractor.extract(text, TestTexts.mentions(text, "acme=Acme")))
                .extracting(MoveExtractorTest::describe)
                .containsExactly("acme up 4.0% over");
    }

    @Test
    void directionGroupsMustBeUpOrDown() {
        String yaml = "percentUnits: ['%']\npriceVerbs: {sideways: [flat]}\n";

        assertThatThrownBy(() -> new MoveExtractor(load(yaml)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sideways");
    }

    private static MoveLexicon load(String yaml) {
        return MoveLexicon.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
