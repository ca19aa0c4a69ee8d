package io.newspulse.evaluation;

import io.newspulse.common.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Volume figures for an unlabelled corpus: documents, characters, mentions by type, the most
 * mentioned entities and a seeded random sample of mentions with context for manual judging. Not
 * thread-safe.
 */
public final class MentionStats {
    /** Characters of context shown either side of a sampled mention. */
    static final int CONTEXT = 40;

    /**
     * A sampled mention.
     *
     * @param documentId document id
     * @param source publisher
     * @param entityId entity id
     * @param entityName English name of the entity
     * @param text the mention text
     * @param before context before the mention
     * @param after context after the mention
     */
    public record Sample(
            String documentId,
            String source,
            String entityId,
            String entityName,
            String text,
            String before,
            String after) {}

    private final KnowledgeBase kb;
    private final int sampleSize;
    private final Random random;
    private final List<Sample> sample = new ArrayList<>();
    private final Tally entities = new Tally();
    private final Tally types = new Tally();
    private final Map<String, long[]> bySource = new LinkedHashMap<>(); // [docs, chars, mentions]
    private long documents;
    private long characters;
    private long mentions;
    private long documentsWithMention;
    private long offered;

    /**
     * @param sampleSize mentions kept for manual judging (reservoir sample over all mentions)
     * @param seed random seed, so a sample can be reproduced
     */
    public MentionStats(KnowledgeBase kb, int sampleSize, long seed) {
        this.kb = kb;
        this.sampleSize = sampleSize;
        this.random = new Random(seed);
    }

    /** Adds one document (its analysed text) and its mentions. */
    public void add(PlainDocument doc, List<PredictedMention> found) {
        String text = doc.fullText();
        documents++;
        characters += text.length();
        mentions += found.size();
        if (!found.isEmpty()) {
            documentsWithMention++;
        }
        long[] s = bySource.computeIfAbsent(doc.source(), k -> new long[3]);
        s[0]++;
        s[1] += text.length();
        s[2] += found.size();
        for (PredictedMention m : found) {
            entities.add(m.entityId());
            types.add(m.type().json());
            offer(doc, text, m);
        }
    }

    private void offer(PlainDocument doc, String text, PredictedMention m) {
        offered++;
        long slot = sample.size() < sampleSize ? sample.size() : random.nextLong(offered);
        if (slot >= sampleSize) {
            return;
        }
        Sample s =
                new Sample(
                        doc.id(),
                        doc.source(),
                        m.entityId(),
                        kb.get(m.entityId()).name(),
                        m.text(),
                        oneLine(text.substring(Math.max(0, m.start() - CONTEXT), m.start())),
                        oneLine(
                                text.substring(
                                        m.end(), Math.min(text.length(), m.end() + CONTEXT))));
        if (slot == sample.size()) {
            sample.add(s);
        } else {
            sample.set((int) slot, s);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    /** The reservoir sample of mentions. */
    public List<Sample> sample() {
        return List.copyOf(sample);
    }

    /** Mentions per entity id. */
    public Tally entities() {
        return entities;
    }

    /** The figures, in report order. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", documents);
        m.put("characters", characters);
        m.put("mentions", mentions);
        m.put("documents_with_mention", documentsWithMention);
        m.put("mentions_per_doc", Ratios.ratio(mentions, documents));
        m.put("mentions_per_1000_chars", Ratios.ratio(mentions * 1000, characters));
        m.put("distinct_entities", entities.distinct());
        Map<String, Integer> byType = new LinkedHashMap<>();
        types.top(Integer.MAX_VALUE).forEach(e -> byType.put(e.getKey(), e.getValue()));
        m.put("mentions_by_type", byType);
        Map<String, Double> perSource = new LinkedHashMap<>();
        bySource.forEach((k, v) -> perSource.put(k, Ratios.ratio(v[2] * 1000, v[1])));
        m.put("mentions_per_1000_chars_by_source", perSource);
        return m;
    }
}
