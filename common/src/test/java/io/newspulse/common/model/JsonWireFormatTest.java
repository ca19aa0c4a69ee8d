package io.newspulse.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire format of every newspulse message: snake_case JSON through {@link Json#mapper()}. */
class JsonWireFormatTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(ContractSamples.enrichedArticle(), EnrichedArticle.class),
                Arguments.of(
                        ContractSamples.nearDuplicateWithoutPublicationTime(),
                        EnrichedArticle.class),
                Arguments.of(ContractSamples.windowAggregate(), WindowAggregate.class),
                Arguments.of(ContractSamples.alert(), Alert.class),
                Arguments.of(ContractSamples.parseFailure(), DeadLetter.class),
                Arguments.of(ContractSamples.undecodable(), DeadLetter.class),
                Arguments.of(ContractSamples.elasticsearchRejection(), DeadLetter.class));
    }

    @ParameterizedTest(name = "{1} #{index}")
    @MethodSource("records")
    void roundTripsToAnEqualRecord(Object record, Class<?> type) throws Exception {
        String json = Json.mapper().writeValueAsString(record);

        assertThat(Json.mapper().readValue(json, type)).isEqualTo(record);
    }

    @ParameterizedTest(name = "{1} #{index}")
    @MethodSource("records")
    void everyFieldNameIsSnakeCase(Object record, Class<?> type) {
        List<String> names = new ArrayList<>();
        collectFieldNames(Json.mapper().valueToTree(record), names);

        assertThat(names).isNotEmpty().allMatch(n -> n.matches("[a-z][a-z0-9_]*"), "snake_case");
    }

    @Test
    void nestedRecordsUseSnakeCase() {
        JsonNode alert = Json.mapper().valueToTree(ContractSamples.alert());
        JsonNode article = Json.mapper().valueToTree(ContractSamples.enrichedArticle());

        assertThat(alert.get("evidence").get(0).has("article_id")).isTrue();
        assertThat(alert.get("measured").has("baseline_mean")).as("map keys as given").isTrue();
        assertThat(article.get("entities").get(0).has("aliases_matched")).isTrue();
        assertThat(article.get("moves").get(0).has("entity_type")).isTrue();
        assertThat(article.get("origin").has("partition")).isTrue();
        assertThat(Json.mapper().valueToTree(ContractSamples.windowAggregate()).has("top_stories"))
                .isTrue();
    }

    @Test
    void writesEveryFieldIncludingNullsAndTimesAsIsoStrings() {
        JsonNode article =
                Json.mapper().valueToTree(ContractSamples.nearDuplicateWithoutPublicationTime());

        assertThat(article.get("published_at").isNull()).isTrue();
        assertThat(article.get("origin").isNull()).isTrue();
        assertThat(article.get("event_time").asText()).isEqualTo("2025-03-14T05:43:02.118Z");
        assertThat(article.get("simhash").isLong()).isTrue();
    }

    @Test
    void readsMessagesWithUnknownFields() throws Exception {
        String json =
                Json.mapper()
                        .valueToTree(ContractSamples.alert())
                        .deepCopy()
                        .toString()
                        .replaceFirst("\\{", "{\"added_later\":{\"x\":1},");

        assertThat(Json.mapper().readValue(json, Alert.class)).isEqualTo(ContractSamples.alert());
    }

    /** One {@code <!-- example: NAME -->} block of docs/contracts.md. */
    record Example(String schema, String json) {
        @Override
        public String toString() {
            return schema;
        }
    }

    static List<Example> examples() {
        Matcher m =
                Pattern.compile("<!-- example: ([a-z.]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL)
                        .matcher(ContractSchemas.read(ContractSchemas.CONTRACTS_MD));
        List<Example> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Example(m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    void contractsDocumentHasAnExampleOfEveryMessage() {
        assertThat(examples().stream().map(Example::schema).distinct())
                .containsExactlyInAnyOrderElementsOf(ContractSchemas.ALL);
    }

    private static final Map<String, Class<?>> TYPES =
            Map.of(
                    ContractSchemas.ENRICHED, EnrichedArticle.class,
                    ContractSchemas.AGGREGATES, WindowAggregate.class,
                    ContractSchemas.ALERTS, Alert.class,
                    ContractSchemas.DLQ, DeadLetter.class);

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void documentedExampleIsValidAndReadable(Example example) throws Exception {
        if (example.schema().equals(ContractSchemas.RAW)) {
            assertThat(ContractSchemas.errors(example.schema(), example.json())).isEmpty();
            ParseResult<NewsArticle> parsed =
                    NewsArticleParser.parse(example.json().getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.isOk()).as(parsed.reason()).isTrue();
            return;
        }
        assertThat(ContractSchemas.strictErrors(example.schema(), example.json())).isEmpty();
        Object record = Json.mapper().readValue(example.json(), TYPES.get(example.schema()));
        JsonNode written = Json.mapper().valueToTree(record);

        assertThat(written.equals(NUMERIC_VALUE, Json.mapper().readTree(example.json())))
                .as("example written back by the record:\n%s", written.toPrettyString())
                .isTrue();
    }

    /** Numbers equal by value (1 and 1.0), everything else by equals. */
    private static final Comparator<JsonNode> NUMERIC_VALUE =
            (a, b) -> {
                if (a.isNumber() && b.isNumber()) {
                    return a.decimalValue().compareTo(b.decimalValue());
                }
                return a.equals(b) ? 0 : 1;
            };

    private static void collectFieldNames(JsonNode node, List<String> out) {
        if (!node.isObject()) {
            if (node.isArray()) {
                node.elements().forEachRemaining(n -> collectFieldNames(n, out));
            }
            return;
        }
        node.fields()
                .forEachRemaining(
                        e -> {
                            boolean map =
                                    e.getKey().equals("measured")
                                            || e.getKey().equals("thresholds")
                                            || e.getKey().equals("languages");
                            out.add(e.getKey());
                            if (!map) {
                                collectFieldNames(e.getValue(), out);
                            }
                        });
    }
}
