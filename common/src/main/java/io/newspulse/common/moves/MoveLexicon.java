package io.newspulse.common.moves;

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
 * The words and settings of {@link MoveExtractor}, as read from {@code config/lexicons/moves.yaml}
 * (the file documents every key). Group maps are keyed by {@code up}/{@code down}, by qualifier
 * name or by ISO currency code. Missing sections are empty.
 */
public record MoveLexicon(
        Settings settings,
        Map<String, List<String>> priceVerbs,
        Map<String, List<String>> trailingDirections,
        Map<String, List<String>> limitMoves,
        List<String> limitNegators,
        Map<String, List<String>> marketCapVerbs,
        List<String> marketCapCues,
        List<String> levelMarkers,
        Qualifiers qualifiers,
        List<String> percentUnits,
        List<String> listSeparators,
        List<String> rangeMarkers,
        List<String> respectively,
        List<String> listGapWords,
        List<String> pointsBridges,
        Subjects subjects,
        NonMoveCues nonMoveCues,
        List<String> otherSubjects,
        Map<String, Currency> currencies,
        Map<String, Long> multipliers) {

    /** Classpath location of the embedded lexicon. */
    public static final String RESOURCE = "newspulse/config/lexicons/moves.yaml";

    /** Distances, in characters of the folded text. */
    public record Settings(
            int maxVerbGap, int maxMentionDistance, int leadWindow, int afterWindow) {
        public Settings {
            maxVerbGap = maxVerbGap > 0 ? maxVerbGap : 32;
            maxMentionDistance = maxMentionDistance > 0 ? maxMentionDistance : 80;
            leadWindow = leadWindow > 0 ? leadWindow : 6;
            afterWindow = afterWindow > 0 ? afterWindow : 12;
        }
    }

    /** Qualifier words by position, and which qualifier wins when several apply. */
    public record Qualifiers(
            List<String> priority,
            Map<String, List<String>> beforeVerb,
            Map<String, List<String>> beforeFigure,
            Map<String, List<String>> afterFigure) {
        public Qualifiers {
            priority = orEmpty(priority);
            beforeVerb = orEmpty(beforeVerb);
            beforeFigure = orEmpty(beforeFigure);
            afterFigure = orEmpty(afterFigure);
        }
    }

    /**
     * Words that tell the grammatical subject of a move written with a name the knowledge base does
     * not know (see {@code subjects} in the lexicon file).
     */
    public record Subjects(
            List<String> chineseSuffixes,
            List<String> chineseTrail,
            List<String> latinSuffixes,
            List<String> latinLeading,
            List<String> arabicIntro,
            List<String> arabicFullNameIntro,
            List<String> arabicEnd,
            List<String> notNames,
            List<String> relativeOpeners) {
        public Subjects {
            chineseSuffixes = orEmpty(chineseSuffixes);
            chineseTrail = orEmpty(chineseTrail);
            latinSuffixes = orEmpty(latinSuffixes);
            latinLeading = orEmpty(latinLeading);
            arabicIntro = orEmpty(arabicIntro);
            arabicFullNameIntro = orEmpty(arabicFullNameIntro);
            arabicEnd = orEmpty(arabicEnd);
            notNames = orEmpty(notNames);
            relativeOpeners = orEmpty(relativeOpeners);
        }
    }

    /**
     * Words that make a percentage something other than a price move: {@code before} it (from the
     * entity or the verb's clause), right {@code after} it, and right after a figure whose verb is
     * left out ({@code afterElided}: "and Aramco 70% of the market" is a share, not a move).
     */
    public record NonMoveCues(List<String> before, List<String> after, List<String> afterElided) {
        public NonMoveCues {
            before = orEmpty(before);
            after = orEmpty(after);
            afterElided = orEmpty(afterElided);
        }
    }

    /** Words written after an amount and symbols written before it. */
    public record Currency(List<String> words, List<String> symbols) {
        public Currency {
            words = orEmpty(words);
            symbols = orEmpty(symbols);
        }
    }

    public MoveLexicon {
        settings = settings == null ? new Settings(0, 0, 0, 0) : settings;
        priceVerbs = orEmpty(priceVerbs);
        trailingDirections = orEmpty(trailingDirections);
        limitMoves = orEmpty(limitMoves);
        limitNegators = orEmpty(limitNegators);
        marketCapVerbs = orEmpty(marketCapVerbs);
        marketCapCues = orEmpty(marketCapCues);
        levelMarkers = orEmpty(levelMarkers);
        qualifiers = qualifiers == null ? new Qualifiers(null, null, null, null) : qualifiers;
        percentUnits = orEmpty(percentUnits);
        listSeparators = orEmpty(listSeparators);
        rangeMarkers = orEmpty(rangeMarkers);
        respectively = orEmpty(respectively);
        listGapWords = orEmpty(listGapWords);
        pointsBridges = orEmpty(pointsBridges);
        subjects =
                subjects == null
                        ? new Subjects(null, null, null, null, null, null, null, null, null)
                        : subjects;
        nonMoveCues = nonMoveCues == null ? new NonMoveCues(null, null, null) : nonMoveCues;
        otherSubjects = orEmpty(otherSubjects);
        currencies = orEmpty(currencies);
        multipliers = orEmpty(multipliers);
    }

    /** Reads a lexicon from YAML; unknown keys are an error so that typos do not go unseen. */
    public static MoveLexicon load(InputStream yaml) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml, MoveLexicon.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read moves lexicon", e);
        }
    }

    /** Reads the lexicon embedded in the jar at {@link #RESOURCE}. */
    public static MoveLexicon fromClasspath() {
        try (InputStream in = openResource(RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static InputStream openResource(String resource) {
        InputStream in = MoveLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        // Keeps the YAML order: on a term listed in two groups the first group wins.
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
