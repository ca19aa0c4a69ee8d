package io.newspulse.jobs.signals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Running totals of one key in one window. Counts are sets of ids, so a record delivered twice
 * (at-least-once input, replays) does not count twice.
 */
public final class MentionAccumulator {
    /** Story ids, with the tone and relevance of the first copy seen. */
    public Map<String, double[]> stories = new HashMap<>();

    /** Article ids, with their language. */
    public Map<String, String> articles = new HashMap<>();

    public Set<String> sources = new HashSet<>();

    /** Moves per article id (so a replay does not add them again). */
    public Map<String, Integer> moves = new HashMap<>();

    public Double maxMovePercent;

    /** Candidate top stories: story id to [relevance] and its reference fields. */
    public Map<String, String[]> storyRefs = new HashMap<>();

    public long maxAppendTime;

    public String keyKind;
    public String id;
    public String entityType;
    public String name;
}
