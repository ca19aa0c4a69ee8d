package io.newspulse.jobs.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.common.model.KafkaOrigin;
import io.newspulse.common.model.RecordSizes;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class JsonEncoderTest {
    /** A record with a field Jackson cannot write. */
    record Bad(String id, Object payload) {}

    record Doc(String id, long time, KafkaOrigin origin) {}

    private static final KafkaOrigin ORIGIN = new KafkaOrigin("news.raw", 3, 42L, 1_000L);

    private static <T> OneInputStreamOperatorTestHarness<T, JsonRecord> harness(
            JsonEncoder<T> encoder) throws Exception {
        OneInputStreamOperatorTestHarness<T, JsonRecord> h =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(encoder));
        h.open();
        return h;
    }

    @Test
    void writesJsonWithKeyAndTimestamp() throws Exception {
        var h = harness(new JsonEncoder<Doc>("news.enriched", Doc::id, Doc::time, Doc::origin));
        h.processElement(new StreamRecord<>(new Doc("a1", 5L, ORIGIN), 7L));

        List<JsonRecord> out = h.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("a1");
        assertThat(out.get(0).timestamp()).isEqualTo(5L);
        assertThat(new String(out.get(0).value(), UTF_8)).startsWith("{\"id\":\"a1\",\"time\":5");
        assertThat(h.getSideOutput(DeadLetters.TAG)).isNull();
    }

    @Test
    void aNegativeTimestampIsLeftOutAndTheFlinkTimestampUsedWithoutAFunction() throws Exception {
        var h = harness(new JsonEncoder<Doc>("t", Doc::id, Doc::time, null));
        h.processElement(new StreamRecord<>(new Doc("a1", -2_208_988_800_000L, null), 7L));
        assertThat(h.extractOutputValues().get(0).timestamp()).isNull();

        var flink = harness(new JsonEncoder<Doc>("t", Doc::id, null, null));
        flink.processElement(new StreamRecord<>(new Doc("a1", 0, null), 7L));
        assertThat(flink.extractOutputValues().get(0).timestamp()).isEqualTo(7L);
    }

    @Test
    void aRecordThatCannotBeWrittenBecomesADeadLetterWithItsOrigin() throws Exception {
        var h = harness(new JsonEncoder<Bad>("news.enriched", Bad::id, null, b -> ORIGIN));
        h.processElement(new StreamRecord<>(new Bad("b1", new Object()), 1L));
        h.processElement(new StreamRecord<>(new Bad(" ", Map.of()), 1L));
        h.processElement(new StreamRecord<>(new Bad("x".repeat(513), Map.of()), 1L));
        h.processElement(
                new StreamRecord<>(new Bad("big", "x".repeat(RecordSizes.MAX_RECORD_BYTES)), 1L));

        assertThat(h.extractOutputValues()).isEmpty();
        List<DeadLetter> dead =
                h.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
        assertThat(dead)
                .extracting(DeadLetter::error)
                .containsExactly(
                        "serialization_failed",
                        "serialization_failed",
                        "serialization_failed",
                        "too_large");
        assertThat(dead)
                .allSatisfy(
                        d -> {
                            assertThat(d.stage()).isEqualTo("serialize");
                            assertThat(d.topic()).isEqualTo("news.raw");
                            assertThat(d.partition()).isEqualTo(3);
                            assertThat(d.offset()).isEqualTo(42L);
                            assertThat(d.reason()).startsWith("cannot write Bad to news.enriched");
                            assertThat(DeadLetters.toRecord(d).value().length)
                                    .isLessThanOrEqualTo(RecordSizes.MAX_RECORD_BYTES);
                        });
        assertThat(dead.get(0).reason()).contains("InvalidDefinitionException");
        assertThat(dead.get(3).valueTruncated()).isTrue();
    }
}
