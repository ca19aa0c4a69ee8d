package io.newspulse.common.model;

import static io.newspulse.common.model.ContractSchemas.AGGREGATES;
import static io.newspulse.common.model.ContractSchemas.ALERTS;
import static io.newspulse.common.model.ContractSchemas.DLQ;
import static io.newspulse.common.model.ContractSchemas.ENRICHED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas in config/schemas describe exactly what the records serialise to with {@link
 * Json#mapper()}: a component added to a record without a schema update fails here.
 */
class ContractSchemaTest {
    /**
     * Fields added within version 1: written on every record, but records written before they
     * existed lack them, so the schemas do not require them.
     */
    private static final Set<String> ADDED_WITHIN_VERSION_1 = Set.of("unresolved_moves");

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(ENRICHED, ContractSamples.enrichedArticle()),
                Arguments.of(ENRICHED, ContractSamples.nearDuplicateWithoutPublicationTime()),
                Arguments.of(ENRICHED, ContractSamples.withUnresolvedMove()),
                Arguments.of(AGGREGATES, ContractSamples.windowAggregate()),
                Arguments.of(ALERTS, ContractSamples.alert()),
                Arguments.of(DLQ, ContractSamples.parseFailure()),
                Arguments.of(DLQ, ContractSamples.undecodable()),
                Arguments.of(DLQ, ContractSamples.elasticsearchRejection()));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("samples")
    void serialisedRecordMatchesSchemaExactly(String schema, Object sample) throws Exception {
        String json = Json.mapper().writeValueAsString(sample);

        assertThat(ContractSchemas.strictErrors(schema, json)).isEmpty();
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("samples")
    void rejectsEveryMissingRequiredField(String schema, Object sample) {
        ObjectNode doc = Json.mapper().valueToTree(sample);
        List<String> accepted = new ArrayList<>();
        for (String field : fieldNames(doc)) {
            if (ADDED_WITHIN_VERSION_1.contains(field)) {
                continue;
            }
            ObjectNode without = doc.deepCopy();
            without.remove(field);
            if (ContractSchemas.errors(schema, without.toString()).isEmpty()) {
                accepted.add(field);
            }
        }

        assertThat(accepted).as("fields the schema lets go missing").isEmpty();
    }

    @Test
    void fieldsAddedWithinVersion1AreWrittenButNotRequired() throws Exception {
        ObjectNode doc = Json.mapper().valueToTree(ContractSamples.enrichedArticle());
        assertThat(doc.get("unresolved_moves").isArray()).isTrue();
        doc.remove("unresolved_moves");

        assertThat(ContractSchemas.errors(ENRICHED, doc.toString())).isEmpty();
        EnrichedArticle old = Json.mapper().treeToValue(doc, EnrichedArticle.class);
        assertThat(old.unresolvedMoves()).isEmpty();
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("samples")
    void rejectsAnotherSchemaVersion(String schema, Object sample) {
        ObjectNode doc = Json.mapper().valueToTree(sample);
        doc.put("schema_version", 2);

        assertThat(ContractSchemas.errors(schema, doc.toString())).isNotEmpty();
    }

    @Test
    void outputsAcceptUnknownFieldsForForwardCompatibility() throws Exception {
        ObjectNode doc = Json.mapper().valueToTree(ContractSamples.alert());
        doc.put("added_in_a_later_version", "x");

        assertThat(ContractSchemas.errors(ALERTS, doc.toString())).isEmpty();
    }

    @Test
    void nestedRecordsAreCheckedToo() {
        ObjectNode doc = Json.mapper().valueToTree(ContractSamples.alert());
        ((ObjectNode) doc.get("evidence").get(0)).remove("article_id");
        ObjectNode article = Json.mapper().valueToTree(ContractSamples.enrichedArticle());
        ((ObjectNode) article.get("moves").get(0)).put("direction", "sideways");

        assertThat(ContractSchemas.errors(ALERTS, doc.toString())).isNotEmpty();
        assertThat(ContractSchemas.errors(ENRICHED, article.toString())).isNotEmpty();
    }

    @Test
    void enrichedRulesTieDuplicateKindAndEventTimeSource() {
        ObjectNode kindless = Json.mapper().valueToTree(ContractSamples.enrichedArticle());
        kindless.put("duplicate", true);
        ObjectNode unpublished = Json.mapper().valueToTree(ContractSamples.enrichedArticle());
        unpublished.putNull("published_at");

        assertThat(ContractSchemas.errors(ENRICHED, kindless.toString())).isNotEmpty();
        assertThat(ContractSchemas.errors(ENRICHED, unpublished.toString())).isNotEmpty();
    }

    @Test
    void parseFailuresCarryAParserErrorCode() {
        ObjectNode doc = Json.mapper().valueToTree(ContractSamples.parseFailure());
        doc.put("error", "document_parsing_exception");

        assertThat(ContractSchemas.errors(DLQ, doc.toString())).isNotEmpty();
    }

    @Test
    void nonFiniteMeasurementsAreNotValidAlerts() throws Exception {
        Alert a = ContractSamples.alert();
        Alert nan =
                new Alert(
                        a.schemaVersion(),
                        a.alertId(),
                        a.type(),
                        a.severity(),
                        a.entityId(),
                        a.entityType(),
                        a.entityName(),
                        a.windowStart(),
                        a.windowEnd(),
                        Map.of("z", Double.NaN),
                        a.thresholds(),
                        a.evidence(),
                        a.reason(),
                        a.escalation(),
                        a.createdAt());

        // Jackson writes NaN as the string "NaN": producers must not emit it.
        assertThat(ContractSchemas.errors(ALERTS, Json.mapper().writeValueAsString(nan)))
                .isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.newspulse.common.model.ContractSchemas#names")
    void everyPropertyHasADescription(String schema) {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(ContractSchemas.tree(schema), "", undescribed);

        assertThat(undescribed).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void outputsRequireEveryPropertyAndVersionOne(String schema) {
        List<String> optional = new ArrayList<>();
        collectOptional(ContractSchemas.tree(schema), "", optional);

        assertThat(optional).as("outputs always write every field, null or not").isEmpty();
        assertThat(ContractSchemas.tree(schema).at("/properties/schema_version/const").asInt())
                .isEqualTo(1);
    }

    static Stream<String> outputs() {
        return ContractSchemas.OUTPUTS.stream();
    }

    private static List<String> fieldNames(JsonNode doc) {
        List<String> names = new ArrayList<>();
        doc.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectUndescribed(JsonNode node, String path, List<String> out) {
        JsonNode props = node.get("properties");
        if (props != null && node.has("type")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!p.getValue().hasNonNull("description")) {
                    out.add(path + "/" + p.getKey());
                }
            }
        }
        node.fields()
                .forEachRemaining(
                        e -> collectUndescribed(e.getValue(), path + "/" + e.getKey(), out));
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndescribed(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static void collectOptional(JsonNode node, String path, List<String> out) {
        JsonNode props = node.get("properties");
        if (props != null && node.has("type")) {
            List<String> required = new ArrayList<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            props.fieldNames()
                    .forEachRemaining(
                            name -> {
                                if (!required.contains(name)
                                        && !ADDED_WITHIN_VERSION_1.contains(name)) {
                                    out.add(path + "/" + name);
                                }
                            });
        }
        node.fields()
                .forEachRemaining(e -> collectOptional(e.getValue(), path + "/" + e.getKey(), out));
    }
}
