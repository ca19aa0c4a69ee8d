package io.newspulse.common.moves;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The words and window sizes of {@link PriceContext}, as read from {@code
 * config/lexicons/price-context.yaml} (the file documents every key). Missing lists are empty.
 *
 * @param windowBefore characters before the move that may be read, within its sentence
 * @param windowAfter characters after the move that may be read, within its clause
 * @param measureWindowBefore characters before the move searched for the cue that governs it,
 *     within its sentence (wider than {@code windowBefore}: "Retail sales of new cars ... with GM
 *     down 9.3 pct", a sales table after its heading)
 * @param priceCues words naming what is priced (shares, 股价, سهم)
 * @param otherFigures words naming other figures (sales, 营收, أرباح)
 * @param forecasts words that make the figure a forecast or target (sees, 预计, توقع)
 * @param otherFiguresAfter words right after the figure that name another figure (in sales)
 * @param connectives words after the figure that start a cause, beyond which no cue is read
 * @param measurePrepositions words that, right after the figure and before a word of {@code
 *     otherFigures}, make the figure that measure ("fell 13 pct for exports")
 * @param stakeAfter words right after the figure that make it a part of something ("10 pct of
 *     Shearson"), unless followed by one of {@code valueAfterStake} ("10 pct of its value")
 * @param valueAfterStake words after {@code stakeAfter} that name the value of what moved
 * @param amountWords words of an amount; a price cue right after a number or one of these is its
 *     unit ("337,867 billion yen"), not what is priced
 */
public record PriceContextLexicon(
        int windowBefore,
        int windowAfter,
        List<String> priceCues,
        List<String> otherFigures,
        List<String> forecasts,
        List<String> otherFiguresAfter,
        List<String> connectives,
        int measureWindowBefore,
        List<String> measurePrepositions,
        List<String> stakeAfter,
        List<String> valueAfterStake,
        List<String> amountWords) {

    /** Classpath location of the embedded lexicon. */
    public static final String RESOURCE = "newspulse/config/lexicons/price-context.yaml";

    public PriceContextLexicon {
        windowBefore = windowBefore > 0 ? windowBefore : 90;
        windowAfter = windowAfter > 0 ? windowAfter : 40;
        priceCues = orEmpty(priceCues);
        otherFigures = orEmpty(otherFigures);
        forecasts = orEmpty(forecasts);
        otherFiguresAfter = orEmpty(otherFiguresAfter);
        connectives = orEmpty(connectives);
        measureWindowBefore = Math.max(measureWindowBefore, windowBefore);
        measurePrepositions = orEmpty(measurePrepositions);
        stakeAfter = orEmpty(stakeAfter);
        valueAfterStake = orEmpty(valueAfterStake);
        amountWords = orEmpty(amountWords);
    }

    /** Reads a lexicon from YAML; unknown keys are an error so that typos do not go unseen. */
    public static PriceContextLexicon load(InputStream yaml) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml, PriceContextLexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price-context lexicon", e);
        }
    }

    /** Reads the lexicon embedded in the jar at {@link #RESOURCE}. */
    public static PriceContextLexicon fromClasspath() {
        try (InputStream in = MoveLexicon.openResource(RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
