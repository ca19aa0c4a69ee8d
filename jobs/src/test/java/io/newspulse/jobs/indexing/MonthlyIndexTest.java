package io.newspulse.jobs.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspulse.connector.elasticsearch.BulkOperationRequest;
import io.newspulse.connector.elasticsearch.JsonDocumentConverter;
import java.time.Instant;
import org.apache.flink.util.function.SerializableFunction;
import org.junit.jupiter.api.Test;

/** The monthly index a sink writes a document to, from the document's time. */
class MonthlyIndexTest {

    /** A document whose index time never changes for its id. */
    record Doc(String id, Instant time) {}

    @Test
    void theMonthOfTheTimeInUtc() {
        assertThat(MonthlyIndex.name("newspulse-articles", Instant.parse("2026-12-06T11:30:00Z")))
                .isEqualTo("newspulse-articles-2026.12");
        // Month boundaries are UTC, whatever the JVM's time zone.
        assertThat(MonthlyIndex.name("a", Instant.parse("2026-11-30T23:59:59.999Z")))
                .isEqualTo("a-2026.11");
        assertThat(MonthlyIndex.name("a", Instant.parse("2026-12-01T00:00:00Z")))
                .isEqualTo("a-2026.12");
        assertThat(MonthlyIndex.name("a", Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualTo("a-2027.01");
        assertThat(MonthlyIndex.name("a", Instant.parse("0999-03-01T00:00:00Z")))
                .isEqualTo("a-0999.03");
    }

    @Test
    void thePatternCoversEveryMonthAndTheUnsuffixedName() {
        String pattern = MonthlyIndex.pattern("newspulse-alerts");
        assertThat(pattern).isEqualTo("newspulse-alerts*");
        String regex = pattern.replace("*", ".*");
        assertThat(MonthlyIndex.name("newspulse-alerts", Instant.EPOCH)).matches(regex);
        assertThat("newspulse-alerts").matches(regex);
    }

    @Test
    void theSinkConverterWritesEachDocumentToItsMonth() {
        SerializableFunction<Doc, String> index = MonthlyIndex.of("news", Doc::time);
        JsonDocumentConverter<Doc> converter = new JsonDocumentConverter<>(index, Doc::id);

        BulkOperationRequest november =
                converter.apply(new Doc("d1", Instant.parse("2026-11-15T08:00:00Z")), null);
        BulkOperationRequest december =
                converter.apply(new Doc("d1", Instant.parse("2026-12-15T08:00:00Z")), null);

        assertThat(november.index()).isEqualTo("news-2026.11");
        assertThat(november.id()).isEqualTo("d1");
        assertThat(december.index()).isEqualTo("news-2026.12");
    }

    @Test
    void rejectsMissingNamesAndTimes() {
        assertThatThrownBy(() -> MonthlyIndex.name(" ", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthlyIndex.pattern(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthlyIndex.name("a", null))
                .isInstanceOf(NullPointerException.class);
    }
}
