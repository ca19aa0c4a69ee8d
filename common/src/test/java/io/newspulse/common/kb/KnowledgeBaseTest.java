package io.newspulse.common.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspulse.common.testing.KbMini;
import io.newspulse.common.text.TextNormalizer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private static Path mini() throws URISyntaxException {
        return KbMini.dir();
    }

    @Test
    void loadsEntitiesWithResolvedSectors() throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(mini());
        Entity nvidia = kb.get("nvidia");
        assertThat(nvidia.type()).isEqualTo(EntityType.COMPANY);
        assertThat(nvidia.sectors()).containsExactly("sector.semiconductors");
        assertThat(nvidia.aliases("zh-Hant")).containsExactly("英偉達", "輝達");
        assertThat(nvidia.source()).isEqualTo("companies.yaml");
        assertThat(kb.check(NORMALIZER::fold)).isEmpty();
    }

    @Test
    void theShippedKnowledgeBasePassesTheCheck() {
        KnowledgeBase kb = KnowledgeBase.uncheckedEmbedded();
        assertThat(kb.check(NORMALIZER::fold)).isEmpty();
        assertThat(kb.size()).isGreaterThan(1000);
    }

    @Test
    void reportsEveryKindOfDefect(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("bad.yaml"),
                """
                entities:
                  - id: acme
                    type: company
                    name: Acme
                    tickers: [acme, 60051.SS, 0700.HK]
                    sectors: [nonexistent]
                  - id: acme
                    type: company
                    name: Acme Again
                  - id: Bad Id
                    type: company
                  - id: widget
                    type: gadget
                    name: Widget
                    parent: nobody
                  - id: other
                    type: company
                    name: Other
                    aliases:
                      en: [ACME]
                      fr: [Autre]
                """);
        KnowledgeBase kb = KnowledgeBase.unchecked(dir);
        assertThat(kb.check(NORMALIZER::fold))
                .extracting(KbProblem::message)
                .contains(
                        "malformed ticker 'acme'",
                        "malformed ticker '60051.SS'",
                        "unknown sector 'nonexistent'",
                        "duplicate id (first defined in bad.yaml)",
                        "id must match [a-z0-9]+([._-][a-z0-9]+)*",
                        "missing English name",
                        "unknown type 'gadget'",
                        "unknown parent 'nobody'",
                        "unknown alias language 'fr' (use en, zh-Hans, zh-Hant, ar, ja, ko, latin)")
                .anyMatch(m -> m.startsWith("alias 'acme' collides between acme, other"));
        assertThatThrownBy(() -> KnowledgeBase.load(dir))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("malformed ticker");
    }

    @Test
    void yamlErrorsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "entities:\n  - id: x\n    nmae: X\n");
        assertThatThrownBy(() -> KnowledgeBase.unchecked(dir))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("broken.yaml: unknown key 'nmae' at line");
    }

    @Test
    void tickerShapes() {
        assertThat(Tickers.isWellFormed("NVDA")).isTrue();
        assertThat(Tickers.isWellFormed("BRK-B")).isTrue();
        assertThat(Tickers.isWellFormed("9988.HK")).isTrue();
        assertThat(Tickers.isWellFormed("600519.SS")).isTrue();
        assertThat(Tickers.isWellFormed("7203.T")).isTrue();
        assertThat(Tickers.isWellFormed("285A.T")).isTrue();
        assertThat(Tickers.isWellFormed("2222.SR")).isTrue();
        assertThat(Tickers.isWellFormed("^GSPC")).isTrue();
        assertThat(Tickers.isWellFormed("nvda")).isFalse();
        assertThat(Tickers.isWellFormed("600519.SH")).isFalse();
        assertThat(Tickers.isWellFormed("9988.HKG")).isFalse();
        assertThat(Tickers.canonical("00700", "hk")).isEqualTo("0700.HK");
        assertThat(Tickers.canonical("600519", "sh")).isEqualTo("600519.SS");
    }
}
