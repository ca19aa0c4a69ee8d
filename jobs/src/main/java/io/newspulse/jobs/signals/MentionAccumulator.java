package io.newspulse.jobs.signals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Running totals of one key in one window. Articles and stories are tables of id hashes ({@link
 * IdTable}), so a record delivered twice (at-least-once input, replays) does not count twice, and
 * the state a checkpoint writes per article is a few primitive values rather than its id strings.
 */
public final class MentionAccumulator {
    /** Articles: moves of this key reported in the article, and the index of its language. */
    public IdTable articles = new IdTable();

    /** Language tags by index ({@code articles.ints}); -1 there is an article without one. */
    public String[] languages = new String[0];

    /** Stories: tone ({@link Double#doubleToLongBits}) and relevance of the first copy seen. */
    public IdTable stories = new IdTable();

    public Set<String> sources = new HashSet<>();

    public Double maxMovePercent;

    /** Candidate top stories: story id to its reference fields (article id, title, url, source). */
    public Map<String, String[]> storyRefs = new HashMap<>();

    public long maxAppendTime;

    public String keyKind;
    public String id;
    public String entityType;
    public String name;

    /** The index of {@code language} in {@link #languages}, added when new; -1 for null. */
    int languageIndex(String language) {
        if (language == null) {
            return -1;
        }
        for (int i = 0; i < languages.length; i++) {
            if (languages[i].equals(language)) {
                return i;
            }
        }
        String[] grown = Arrays.copyOf(languages, languages.length + 1);
        grown[languages.length] = language;
        languages = grown;
        return languages.length - 1;
    }
}
