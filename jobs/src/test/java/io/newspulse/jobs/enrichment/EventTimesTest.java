package io.newspulse.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimesTest {
    private static final Instant FLOOR = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final long KAFKA = Instant.parse("2026-03-02T09:59:58Z").toEpochMilli();
    private final EventTimes times = new EventTimes(Duration.ofMinutes(5), FLOOR);

    @Test
    void publicationTimeInRangeIsTheEventTime() {
        Instant p = Instant.parse("2026-03-02T09:30:00Z");
        assertThat(times.choose(p, KAFKA, NOW)).isEqualTo(new EventTimes.Choice(p, "published_at"));
        assertThat(times.choose(FLOOR, KAFKA, NOW).source()).isEqualTo("published_at");
    }

    @Test
    void publicationBeforeTheFloorFallsBackToTheKafkaTime() {
        for (String p :
                new String[] {
                    "1900-01-01T00:00:00Z",
                    "0000-01-01T00:00:00Z",
                    "1970-01-01T00:00:00Z",
                    "1989-12-31T23:59:59Z"
                }) {
            assertThat(times.choose(Instant.parse(p), KAFKA, NOW))
                    .isEqualTo(
                            new EventTimes.Choice(Instant.ofEpochMilli(KAFKA), "kafka_timestamp"));
        }
    }

    @Test
    void withoutAUsableKafkaTimeTheIngestTimeIsUsed() {
        Instant old = Instant.parse("1900-01-01T00:00:00Z");
        assertThat(times.choose(old, -1, NOW)).isEqualTo(new EventTimes.Choice(NOW, "ingest_time"));
        assertThat(times.choose(old, 0, NOW).source()).isEqualTo("ingest_time");
        assertThat(times.choose(null, -1, NOW).source()).isEqualTo("ingest_time");
        long future = NOW.plus(Duration.ofDays(1)).toEpochMilli();
        assertThat(times.choose(null, future, NOW).source()).isEqualTo("ingest_time");
    }

    @Test
    void farFutureFallsBackToTheIngestTime() {
        Instant p = Instant.parse("9999-12-31T23:59:59Z");
        assertThat(times.choose(p, KAFKA, NOW))
                .isEqualTo(new EventTimes.Choice(NOW, "ingest_time"));
    }

    @Test
    void theEventTimeIsNeverBeforeTheFloorEvenWithABrokenClock() {
        Instant brokenNow = Instant.parse("1980-01-01T00:00:00Z");
        assertThat(times.choose(null, -1, brokenNow).time()).isEqualTo(FLOOR);
    }

    @Test
    void aFloorBefore1970IsRefused() {
        assertThatThrownBy(
                        () -> new EventTimes(Duration.ZERO, Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
