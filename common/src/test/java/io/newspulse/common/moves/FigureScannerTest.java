package io.newspulse.common.moves;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class FigureScannerTest {
    private static final FigureScanner SCANNER = new FigureScanner(MoveLexicon.fromClasspath());

    /** Pieces of folded text around figures: digits, separators, signs, units, currencies. */
    private static final String[] PIECES = {
        "1",
        "23",
        "4.5",
        "٣",
        "٫",
        "۷",
        ",",
        ",000",
        ".",
        " ",
        "  ",
        "\n",
        "-",
        "+",
        "(",
        "−",
        "%",
        "٪",
        "percent",
        "per cent",
        "pct",
        " في المئه",
        "بالمئه",
        "$",
        "us$",
        "hk$",
        "€",
        "£",
        "billion",
        "bn",
        "mn",
        "亿",
        "万亿",
        "美元",
        "元",
        "dollars",
        "usd",
        "دولار",
        "مليار",
        "ريال",
        "x",
        "rose",
        "涨",
        "和",
        "و",
        "a"
    };

    @Test
    void findsWhatAPatternSearchOverTheWholeTextFinds() {
        Random random = new Random(11);
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            for (boolean amounts : new boolean[] {false, true}) {
                assertThat(SCANNER.matchSpans(text, amounts))
                        .as("%s in \"%s\"", amounts ? "amounts" : "percentages", text)
                        .isEqualTo(findAll(text, amounts));
            }
        }
    }

    @Test
    void aNumberWithoutUnitOrCurrencyIsNoFigure() {
        String text = "On 2024-05-06 the index stood at 3,051.2, up 12 points, 1.5 percent";

        assertThat(SCANNER.matchSpans(text, false)).containsExactly("56-67");
        assertThat(SCANNER.matchSpans(text, true)).isEmpty();
    }

    private static List<String> findAll(String text, boolean amounts) {
        Matcher m = SCANNER.pattern(amounts).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }
}
