package io.newspulse.common.tone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words and settings of {@link ToneScorer}, as read from {@code config/lexicons/tone.yaml} (the
 * file documents every key). Weights are positive; the section says the sign.
 */
public record ToneLexicon(
        Settings settings,
        Map<String, Double> positive,
        Map<String, Double> negative,
        List<String> negators,
        List<String> pseudoNegators,
        Map<String, Double> intensifiers) {

    /** Classpath location of the embedded lexicon. */
    public static final String RESOURCE = "newspulse/config/lexicons/tone.yaml";

    /**
     * How far words reach and how scores are scaled.
     *
     * @param window most characters between a tone word and the mention it is credited to
     * @param negationWindow characters before a tone word searched for a negator
     * @param negationFactor what a negated word's weight is multiplied by
     * @param squash k in x / (|x| + k)
     */
    public record Settings(int window, int negationWindow, Double negationFactor, Double squash) {
        public Settings {
            window = window > 0 ? window : 40;
            negationWindow = negationWindow > 0 ? negationWindow : 8;
            negationFactor = negationFactor == null ? -0.5 : negationFactor;
            squash = squash == null || squash <= 0 ? 1.0 : squash;
        }
    }

    public ToneLexicon {
        settings = settings == null ? new Settings(0, 0, null, null) : settings;
        positive = orEmpty(positive);
        negative = orEmpty(negative);
        negators = negators == null ? List.of() : List.copyOf(negators);
        pseudoNegators = pseudoNegators == null ? List.of() : List.copyOf(pseudoNegators);
        intensifiers = orEmpty(intensifiers);
        for (String term : positive.keySet()) {
            if (negative.containsKey(term)) {
                throw new IllegalArgumentException("tone word both positive and negative: " + term);
            }
        }
    }

    /** Reads a lexicon from YAML; unknown keys are an error so that typos do not go unseen. */
    public static ToneLexicon load(InputStream yaml) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml, ToneLexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tone lexicon", e);
        }
    }

    /** Reads the lexicon embedded in the jar at {@link #RESOURCE}. */
    public static ToneLexicon fromClasspath() {
        InputStream in = ToneLexicon.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        try (in) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, Double> orEmpty(Map<String, Double> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
