package io.newspulse.jobs.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.Json;
import io.newspulse.common.model.RecordSizes;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static RawRecord raw(byte[] value) {
        return new RawRecord("news.raw", 1, 9L, 1_000L, "k1".getBytes(UTF_8), value);
    }

    @Test
    void aSmallOriginalIsKeptWhole() {
        DeadLetter d = DeadLetters.of(raw("{}".getBytes(UTF_8)), "parse", "e", "r");
        assertThat(d.valueText()).isEqualTo("{}");
        assertThat(d.valueSize()).isEqualTo(2);
        assertThat(d.valueTruncated()).isFalse();
        assertThat(DeadLetters.toRecord(d).key()).isEqualTo("k1");
        assertThat(DeadLetters.toRecord(d).timestamp()).isNull();
    }

    @Test
    void aLargeOriginalIsCutAtACharacterBoundaryAndItsSizeKept() {
        byte[] value = "腾".repeat(1_000_000).getBytes(UTF_8); // 3,000,000 bytes
        DeadLetter d = DeadLetters.of(raw(value), "parse", "too_large", "r");

        byte[] kept = Base64.getDecoder().decode(d.value());
        assertThat(d.valueSize()).isEqualTo(3_000_000);
        assertThat(d.valueTruncated()).isTrue();
        assertThat(kept.length)
                .isLessThanOrEqualTo(RecordSizes.MAX_ORIGINAL_BYTES)
                .isEqualTo(RecordSizes.MAX_ORIGINAL_BYTES / 3 * 3);
        assertThat(d.valueText()).isEqualTo("腾".repeat(kept.length / 3));
        assertThat(Arrays.equals(kept, Arrays.copyOf(value, kept.length))).isTrue();
    }

    @Test
    void aDeadLetterIsAlwaysWrittenWithinTheRecordLimit() throws Exception {
        // Escaping NUL takes six bytes each: the text would make the dead letter too large.
        byte[] nuls = new byte[2 * 1024 * 1024];
        DeadLetter d = DeadLetters.of(raw(nuls), "parse", "too_large", "r \ud800");

        JsonRecord r = DeadLetters.toRecord(d);
        assertThat(r.value().length).isLessThanOrEqualTo(RecordSizes.MAX_RECORD_BYTES);
        DeadLetter back = Json.mapper().readValue(r.value(), DeadLetter.class);
        assertThat(back.valueSize()).isEqualTo(nuls.length);
        assertThat(back.reason()).isEqualTo("r \ufffd");
        assertThat(back.offset()).isEqualTo(9L);
    }

    @Test
    void aDeadLetterThatCannotBeWrittenIsReducedToItsCoordinates() throws Exception {
        DeadLetter broken =
                new DeadLetter(
                        1,
                        "news.raw",
                        0,
                        5L,
                        1L,
                        null,
                        "AA==",
                        "\ud800",
                        1,
                        false,
                        "parse",
                        "invalid_json",
                        "\udc00 reason",
                        java.time.Instant.EPOCH);

        DeadLetter back =
                Json.mapper().readValue(DeadLetters.toRecord(broken).value(), DeadLetter.class);
        assertThat(back.offset()).isEqualTo(5L);
        assertThat(back.error()).isEqualTo("invalid_json");
    }
}
