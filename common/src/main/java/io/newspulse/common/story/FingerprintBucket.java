package io.newspulse.common.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The recent fingerprints that share one SimHash band value, oldest registration first, with the
 * rules for matching, capping and expiring them. Mutable; one instance per processed record.
 */
public final class FingerprintBucket {
    private final List<Fingerprint> entries;

    /** A bucket over stored entries in registration order (oldest first). */
    public FingerprintBucket(Iterable<Fingerprint> stored) {
        entries = new ArrayList<>();
        if (stored != null) {
            stored.forEach(entries::add);
        }
    }

    /** The entries, oldest registration first. */
    public List<Fingerprint> entries() {
        return List.copyOf(entries);
    }

    /** True when there are no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The earliest story (by story start, then id) with a live fingerprint within {@code
     * maxDistance} bits of {@code simhash} whose article's event time is within {@code
     * maxEventGapMillis} of {@code eventTimeMillis}. The event-time bound keeps a replay or a
     * backfill of old news from chaining stories that were days apart.
     *
     * @param contentKey the article's {@link Fingerprint#contentKey}; a match with an entry of the
     *     same key is {@code sameContent}
     * @param nowMillis processing time; entries registered {@code ttlMillis} or longer ago are
     *     ignored (their cleanup timer may not have fired yet)
     */
    public Optional<StoryMatch> earliestMatch(
            long simhash,
            long contentKey,
            long eventTimeMillis,
            int maxDistance,
            long maxEventGapMillis,
            long nowMillis,
            long ttlMillis) {
        StoryMatch best = null;
        for (Fingerprint f : entries) {
            if (!isLive(f, nowMillis, ttlMillis)
                    || Math.abs(f.eventTimeMillis() - eventTimeMillis) > maxEventGapMillis
                    || SimHash.distance(f.simhash(), simhash) > maxDistance) {
                continue;
            }
            boolean same = contentKey != 0L && contentKey == f.contentKey();
            if (best == null || !best.storyId().equals(f.storyId())) {
                StoryMatch candidate = new StoryMatch(f.storyId(), f.storyStartMillis(), same);
                if (best == null
                        || candidate.startsBefore(best.storyId(), best.storyStartMillis())) {
                    best = candidate;
                }
            } else if (same || f.storyStartMillis() < best.storyStartMillis()) {
                best =
                        new StoryMatch(
                                best.storyId(),
                                Math.min(best.storyStartMillis(), f.storyStartMillis()),
                                best.sameContent() || same);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Adds {@code f} as the newest entry, evicting the oldest ones beyond {@code cap}. */
    public void add(Fingerprint f, int cap) {
        entries.add(f);
        while (entries.size() > cap) {
            entries.remove(0);
        }
    }

    /** Removes entries registered {@code ttlMillis} or longer before {@code nowMillis}. */
    public void removeExpired(long nowMillis, long ttlMillis) {
        entries.removeIf(f -> !isLive(f, nowMillis, ttlMillis));
    }

    /** When the oldest entry expires, or empty for an empty bucket. */
    public OptionalLong nextExpiry(long ttlMillis) {
        return entries.stream().mapToLong(f -> f.registeredAtMillis() + ttlMillis).min();
    }

    private static boolean isLive(Fingerprint f, long nowMillis, long ttlMillis) {
        return f.registeredAtMillis() + ttlMillis > nowMillis;
    }
}
