package io.newspulse.cli.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void fillsValuesAndChoices() {
        Placeholders p = new Placeholders().put("name", "Aramco").put("up", false).put("move", 1.5);
        assertThat(p.fill("{name} shares {up?rise|fall} {move}% as oil {up?gains|slips}"))
                .isEqualTo("Aramco shares fall 1.5% as oil slips");
        assertThat(p.fill("沪指{up?涨|跌}，成交额超$5")).isEqualTo("沪指跌，成交额超$5");
    }

    @Test
    void valuesAreWrittenLiterally() {
        Placeholders p = new Placeholders().put("price", "$1 \\ {x}");
        assertThat(p.fill("at {price}")).isEqualTo("at $1 \\ {x}");
    }

    @Test
    void moveDrawsAFlagAndAFigure() {
        Placeholders p = new Placeholders().move("sz", new Dice(1), 0.1, 1.5);
        assertThat(p.fill("{sz?涨|跌}{szMove}")).matches("[涨跌]\\d\\.\\d\\d");
    }

    @Test
    void aPlaceholderWithoutValueOrAChoiceWithoutFlagFails() {
        Placeholders p = new Placeholders().put("name", "Aramco");
        assertThatThrownBy(() -> p.fill("{name} {missing}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{missing}");
        assertThatThrownBy(() -> p.fill("{name?a|b}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a flag");
    }

    @Test
    void everyArticleKindOfTheCatalogHasATitleAndABody() {
        ArticleCatalog catalog = ArticleCatalog.get();
        assertThat(catalog.articles()).hasSizeGreaterThan(20);
        catalog.articles()
                .forEach(
                        (kind, text) -> {
                            assertThat(text.titles()).as(kind).isNotEmpty();
                            assertThat(text.body()).as(kind).isNotBlank();
                            assertThat(text.tags()).as(kind).isNotEmpty();
                        });
    }
}
