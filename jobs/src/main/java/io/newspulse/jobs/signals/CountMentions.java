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
        acc.articles.put(IdTable.key(e.articleId()), e.moves(), acc.languageIndex(e.language()));
        acc.sources.add(e.source());
        if (e.maxMovePercent() != null
                && (acc.maxMovePercent == null || e.maxMovePercent() > acc.maxMovePercent)) {
            acc.maxMovePercent = e.maxMovePercent();
        }
        acc.maxAppendTime = Math.max(acc.maxAppendTime, e.appendTime());
        long story = IdTable.key(e.storyId());
        long tone = Double.doubleToLongBits(e.tone());
        if (e.duplicate()) {
            acc.stories.putIfAbsent(story, tone, e.relevance());
        } else {
            acc.stories.put(story, tone, e.relevance());
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
        IdTable articles = b.articles;
        for (int i = 0; i < articles.size; i++) {
            int language = articles.ints[i];
            a.articles.put(
                    articles.keys[i],
                    articles.longs[i],
                    language < 0 ? -1 : a.languageIndex(b.languages[language]));
        }
        IdTable stories = b.stories;
        for (int i = 0; i < stories.size; i++) {
            a.stories.putIfAbsent(stories.keys[i], stories.longs[i], stories.ints[i]);
        }
        a.sources.addAll(b.sources);
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
