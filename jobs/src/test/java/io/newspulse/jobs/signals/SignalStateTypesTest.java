package io.newspulse.jobs.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.signals.AlertHistory;
import io.newspulse.common.signals.BaselineTrack;
import io.newspulse.common.signals.EwmaBaseline;
import io.newspulse.common.signals.PriceMoveTrack;
import io.newspulse.common.signals.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** State and stream types go through Flink's POJO serializer, not Kryo, and round-trip. */
class SignalStateTypesTest {
    private static final Instant T = Instant.parse("2025-03-03T02:10:00Z");

    static Stream<Object> values() {
        ArticleMove move =
                new ArticleMove(
                        "tencent", "company", "price", "down", 5.3, null, null, null, "跌5.3%", 0,
                        5);
        Alert.Evidence evidence = new Alert.Evidence("a1", "title", null, "跌5.3%");
        return Stream.of(
                new BaselineTrack(new EwmaBaseline(1.5, 0.25, 12), T.toEpochMilli(), true, 3),
                new AlertHistory(
                        "base", T, "c2", Map.of("base", 0, "c2", 1), Severity.CRITICAL, 21, T, 1),
                new PriceMoveTrack("id", move, "Tencent", T, T, 2, List.of(evidence)),
                new MoveEvent("a1", "s1", "title", null, "wire", T.toEpochMilli(), move, "Tencent"),
                new Alert(
                        1,
                        "id",
                        "PRICE_MOVE",
                        "warning",
                        "tencent",
                        "company",
                        "Tencent",
                        T,
                        T,
                        Map.of("value", 5.3),
                        Map.of("value", 5.0),
                        List.of(evidence),
                        "r",
                        0,
                        T));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("values")
    @SuppressWarnings("unchecked")
    void isAPojoThatRoundTrips(Object value) throws Exception {
        TypeInformation<Object> type =
                (TypeInformation<Object>) TypeInformation.of(value.getClass());
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<Object> serializer = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        Object back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back).isEqualTo(value);
        assertThat(serializer.copy(value)).isEqualTo(value);
    }
}
