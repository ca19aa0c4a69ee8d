package io.newspulse.connector.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class JsonDocumentConverterTest {

    record Headline(String id, String lang, String title, Instant published) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesRecordAsJsonWithIdAndIndexFromElement() throws Exception {
        JsonDocumentConverter<Headline> converter =
                new JsonDocumentConverter<>(h -> "news-" + h.lang(), Headline::id);
        Headline headline =
                new Headline("a1", "de", "Zinsen steigen", Instant.parse("2026-01-02T03:04:05Z"));

        BulkOperationRequest request = converter.apply(headline, null);

        assertThat(request.opType()).isEqualTo(BulkOperationRequest.OpType.INDEX);
        assertThat(request.index()).isEqualTo("news-de");
        assertThat(request.id()).isEqualTo("a1");
        JsonNode document = JSON.readTree(request.document());
        assertThat(document.get("title").asText()).isEqualTo("Zinsen steigen");
        assertThat(document.get("published").asText()).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void sameElementGivesSameRequest() {
        JsonDocumentConverter<Headline> converter =
                JsonDocumentConverter.toIndex("news", Headline::id);
        Headline headline = new Headline("a1", "en", "Rates up", Instant.EPOCH);

        assertThat(converter.apply(headline, null)).isEqualTo(converter.apply(headline, null));
    }

    @Test
    void writesMaps() throws Exception {
        JsonDocumentConverter<Map<String, Object>> converter =
                JsonDocumentConverter.toIndex("news", m -> (String) m.get("id"));

        BulkOperationRequest request = converter.apply(Map.of("id", "x", "n", 3), null);

        assertThat(JSON.readTree(request.document()).get("n").asInt()).isEqualTo(3);
        assertThat(request.id()).isEqualTo("x");
    }

    @Test
    void rejectsMissingId() {
        JsonDocumentConverter<Headline> converter =
                JsonDocumentConverter.toIndex("news", Headline::id);

        assertThatThrownBy(() -> converter.apply(new Headline(null, "en", "t", null), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No document id");
    }

    @Test
    void rejectsBlankIndex() {
        assertThatThrownBy(() -> JsonDocumentConverter.<Headline>toIndex(" ", Headline::id))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesJavaSerialisationAsPartOfTheJobGraph() throws Exception {
        JsonDocumentConverter<Headline> converter =
                JsonDocumentConverter.toIndex("news", Headline::id);
        converter.apply(new Headline("a", "en", "t", Instant.EPOCH), null);

        JsonDocumentConverter<Headline> copy =
                InstantiationUtil.clone(converter, getClass().getClassLoader());

        assertThat(copy.apply(new Headline("b", "en", "t", Instant.EPOCH), null).id())
                .isEqualTo("b");
    }
}
