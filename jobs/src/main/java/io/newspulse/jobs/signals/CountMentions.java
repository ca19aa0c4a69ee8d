package io.newspulse.jobs.signals;

import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds {@link MentionEvent}s of one key and window into a {@link MentionAccumulator}. */
public final class CountMentions
        implements AggregateFunction<MentionEvent, MentionAccumulator, MentionAccumulator> {
    /** Top-story candidates kept per window; five are reported. */
    static final int MAX_CANDIDATES = 20;

    @Override
    public MentionAccumulator createAccumulator() {
        return new MentionAccumulator();
    }

    @Override
    public MentionAccumulator add(MentionEvent e, MentionAccumulator acc) {
        acc.keyKind = e.keyKind();
        acc.id = e.id();
        acc.entityType = e.entityType();
        acc.name = e.name();
        acc.articles.put(e.articleId(), e.language());
        acc.sources.add(e.source());
        acc.moves.put(e.articleId(), e.moves());
        if (e.maxMovePercent() != null
                && (acc.maxMovePercent == null || e.maxMovePercent() > acc.maxMovePercent)) {
            acc.maxMovePercent = e.maxMovePercent();
        }
        acc.maxAppendTime = Math.max(acc.maxAppendTime, e.appendTime());
        if (!e.duplicate() || !acc.stories.containsKey(e.storyId())) {
            acc.stories.put(e.storyId(), new double[] {e.tone(), e.relevance()});
        }
        if (!acc.storyRefs.containsKey(e.storyId()) && acc.storyRefs.size() < MAX_CANDIDATES) {
            acc.storyRefs.put(
                    e.storyId(), new String[] {e.articleId(), e.title(), e.url(), e.source()});
        }
        return acc;
    }

    @Override
    public MentionAccumulator getResult(MentionAccumulator acc) {
        return acc;
    }

    @Override
    public MentionAccumulator merge(MentionAccumulator a, MentionAccumulator b) {
        a.articles.putAll(b.articles);
        a.sources.addAll(b.sources);
        a.moves.putAll(b.moves);
        for (Map.Entry<String, double[]> s : b.stories.entrySet()) {
            a.stories.putIfAbsent(s.getKey(), s.getValue());
        }
        for (Map.Entry<String, String[]> s : b.storyRefs.entrySet()) {
            if (a.storyRefs.size() < MAX_CANDIDATES) {
                a.storyRefs.putIfAbsent(s.getKey(), s.getValue());
            }
        }
        if (b.maxMovePercent != null
                && (a.maxMovePercent == null || b.maxMovePercent > a.maxMovePercent)) {
            a.maxMovePercent = b.maxMovePercent;
        }
        a.maxAppendTime = Math.max(a.maxAppendTime, b.maxAppendTime);
        if (a.id == null) {
            a.keyKind = b.keyKind;
            a.id = b.id;
            a.entityType = b.entityType;
            a.name = b.name;
        }
        return a;
    }
}
