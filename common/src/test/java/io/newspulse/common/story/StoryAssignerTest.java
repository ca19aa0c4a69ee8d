package io.newspulse.common.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryAssignerTest {
    private static final long TTL = 1000;
    private static final long X = 0x0123_4567_89ab_cdefL;

    private final StoryAssigner assigner = new StoryAssigner(3, TTL);

    private static Fingerprint fp(long simhash, String content, String story, long start) {
        return new Fingerprint(simhash, Fingerprint.contentKey(content), story, start, start, 0);
    }

    @Test
    void unmatchedArticleKeepsItsOwnStory() {
        StoryAssignment a =
                assigner.assign(
                        50,
                        X,
                        "c",
                        StoryAssignment.own("x", 50),
                        new FingerprintBucket(List.of()),
                        10);
        assertThat(a).isEqualTo(new StoryAssignment("x", 50, false, null));
    }

    @Test
    void joinsTheEarliestMatchingStoryAndTellsContentFromNear() {
        FingerprintBucket bucket =
                new FingerprintBucket(
                        List.of(
                                fp(X ^ 1, "other", "late", 40),
                                fp(X ^ 2, "other", "early", 20),
                                fp(X, "c", "early", 30)));
        assertThat(assigner.assign(50, X, "c", StoryAssignment.own("x", 50), bucket, 10))
                .isEqualTo(new StoryAssignment("early", 20, true, StoryAssigner.CONTENT));
        assertThat(assigner.assign(50, X ^ 4, "d", StoryAssignment.own("y", 50), bucket, 10))
                .isEqualTo(new StoryAssignment("early", 20, true, StoryAssigner.NEAR));
    }

    @Test
    void ignoresFarExpiredAndEventTimeDistantFingerprints() {
        FingerprintBucket bucket =
                new FingerprintBucket(
                        List.of(
                                fp(X ^ 0xF, "c", "far", 10),
                                new Fingerprint(
                                        X, Fingerprint.contentKey("c"), "expired", 10, 10, -TTL),
                                new Fingerprint(
                                        X,
                                        Fingerprint.contentKey("c"),
                                        "old-news",
                                        10,
                                        50 - TTL - 1,
                                        0)));
        assertThat(assigner.assign(50, X, "c", StoryAssignment.own("x", 50), bucket, 0).storyId())
                .isEqualTo("x");
    }

    @Test
    void carriedStoryGivesWayToAnEarlierStory() {
        StoryAssignment inA = new StoryAssignment("A", 200, true, StoryAssigner.NEAR);
        FingerprintBucket knowsBoth =
                new FingerprintBucket(List.of(fp(X ^ 1, "a", "A", 200), fp(X ^ 2, "b", "B", 100)));
        assertThat(assigner.assign(300, X, "c", inA, knowsBoth, 0))
                .isEqualTo(new StoryAssignment("B", 100, true, StoryAssigner.NEAR));

        // The carried start travels with the article: this band need not have seen story A.
        FingerprintBucket knowsOnlyB = new FingerprintBucket(List.of(fp(X ^ 2, "b", "B", 100)));
        assertThat(assigner.assign(300, X, "c", inA, knowsOnlyB, 0))
                .isEqualTo(new StoryAssignment("B", 100, true, StoryAssigner.NEAR));
    }

    @Test
    void carriedStoryStaysAgainstALaterStory() {
        StoryAssignment inB = new StoryAssignment("B", 100, true, StoryAssigner.CONTENT);
        FingerprintBucket knowsOnlyA = new FingerprintBucket(List.of(fp(X ^ 1, "a", "A", 200)));
        assertThat(assigner.assign(300, X, "c", inB, knowsOnlyA, 0)).isEqualTo(inB);

        // Equal starts: the smaller id wins.
        StoryAssignment inC = new StoryAssignment("C", 200, true, StoryAssigner.NEAR);
        assertThat(assigner.assign(300, X, "c", inC, knowsOnlyA, 0).storyId()).isEqualTo("A");
    }

    @Test
    void copyMovedByALaterBandTakesItsCopiesAlong() {
        // B joined A (start 100) only in a later band, so this earlier band registered B's
        // fingerprint under story B (start 200). C, an exact copy of B, first lands in story B;
        // the band that holds B's fingerprint under A moves it on.
        FingerprintBucket earlierBand = new FingerprintBucket(List.of(fp(X, "b", "B", 200)));
        StoryAssignment afterEarlier =
                assigner.assign(300, X, "b", StoryAssignment.own("C", 300), earlierBand, 0);
        assertThat(afterEarlier)
                .isEqualTo(new StoryAssignment("B", 200, true, StoryAssigner.CONTENT));

        FingerprintBucket laterBand =
                new FingerprintBucket(
                        List.of(
                                fp(X ^ 3, "a", "A", 100),
                                new Fingerprint(X, Fingerprint.contentKey("b"), "A", 100, 200, 0)));
        assertThat(assigner.assign(300, X, "b", afterEarlier, laterBand, 0))
                .isEqualTo(new StoryAssignment("A", 100, true, StoryAssigner.CONTENT));
    }

    @Test
    void articleWithoutAStoryJoinsAMatchThatStartedAfterIt() {
        FingerprintBucket bucket = new FingerprintBucket(List.of(fp(X ^ 1, "a", "A", 200)));
        assertThat(assigner.assign(150, X, "c", StoryAssignment.own("late", 150), bucket, 0))
                .isEqualTo(new StoryAssignment("A", 200, true, StoryAssigner.NEAR));
    }

    @Test
    void contentKindFromAnyBandSticks() {
        FingerprintBucket bucket = new FingerprintBucket(List.of(fp(X ^ 1, "a", "A", 100)));
        StoryAssignment inA = new StoryAssignment("A", 100, true, StoryAssigner.CONTENT);
        assertThat(assigner.assign(300, X, "c", inA, bucket, 0).duplicateKind())
                .isEqualTo(StoryAssigner.CONTENT);
    }

    @Test
    void bucketCapsEvictsOldestAndExpires() {
        FingerprintBucket bucket = new FingerprintBucket(null);
        for (int i = 0; i < 5; i++) {
            bucket.add(new Fingerprint(X, Fingerprint.contentKey("c"), "s" + i, 0, 0, i * 10L), 3);
        }
        assertThat(bucket.entries())
                .extracting(Fingerprint::storyId)
                .containsExactly("s2", "s3", "s4");
        assertThat(bucket.nextExpiry(TTL)).hasValue(20 + TTL);
        bucket.removeExpired(30 + TTL, TTL);
        assertThat(bucket.entries()).extracting(Fingerprint::storyId).containsExactly("s4");
    }

    @Test
    void noveltyHalvesPerEarlierCopy() {
        assertThat(Novelty.of(0)).isEqualTo(1.0);
        assertThat(Novelty.of(1)).isEqualTo(0.5);
        assertThat(Novelty.of(2)).isEqualTo(0.25);
    }
}
