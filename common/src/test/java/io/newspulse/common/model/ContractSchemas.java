package io.newspulse.common.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract files: {@code config/schemas/*.schema.json} and {@code docs/contracts.md}, read from
 * the source tree (tests run in the module directory).
 */
final class ContractSchemas {
    static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    static final Path SCHEMAS = ROOT.resolve("config/schemas");
    static final Path CONTRACTS_MD = ROOT.resolve("docs/contracts.md");

    static final String RAW = "news.raw";
    static final String ENRICHED = "news.enriched";
    static final String ALERTS = "signals.alerts";
    static final String DLQ = "news.dlq";
    static final String AGGREGATES = "aggregates";

    /** Schemas of messages newspulse writes: every field always present. */
    static final List<String> OUTPUTS = List.of(ENRICHED, ALERTS, DLQ, AGGREGATES);

    static final List<String> ALL = List.of(RAW, ENRICHED, ALERTS, DLQ, AGGREGATES);

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12,
                    b ->
                            b.schemaRegistryConfig(
                                    SchemaRegistryConfig.builder()
                                            .formatAssertionsEnabled(true)
                                            .build()));

    private ContractSchemas() {}

    /** Every schema name, for parameterised tests. */
    static Stream<String> names() {
        return ALL.stream();
    }

    /** The schema file as a tree. */
    static JsonNode tree(String name) {
        try {
            return Json.mapper().readTree(SCHEMAS.resolve(name + ".schema.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation errors of {@code json} against the named schema, empty when valid. */
    static List<String> errors(String name, String json) {
        return errors(compile(tree(name)), json);
    }

    /**
     * Like {@link #errors}, with every object that lists properties closed to other properties: a
     * record component the schema does not describe is an error.
     */
    static List<String> strictErrors(String name, String json) {
        JsonNode strict = tree(name).deepCopy();
        close(strict);
        return errors(compile(strict), json);
    }

    private static Schema compile(JsonNode schema) {
        try {
            return REGISTRY.getSchema(Json.mapper().writeValueAsString(schema), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> errors(Schema schema, String json) {
        try {
            return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (UncheckedIOException e) {
            return List.of("not JSON: " + e.getCause().getMessage());
        }
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && isObjectType(o.get("type"))) {
                o.put("additionalProperties", false);
            }
            o.forEach(ContractSchemas::close);
        } else if (node instanceof ArrayNode a) {
            a.forEach(ContractSchemas::close);
        }
    }

    private static boolean isObjectType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("object")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals("object");
    }

    /** Text of a file under the repository root. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
