package io.newspulse.common.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An entity exactly as written in a knowledge-base YAML file, before validation. */
record EntityDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("aliases") Map<String, List<String>> aliases,
        @JsonProperty("tickers") List<String> tickers,
        @JsonProperty("sectors") List<String> sectors,
        @JsonProperty("parent") String parent,
        @JsonProperty("context_required") List<String> contextRequired,
        @JsonProperty("evidence_required") List<String> evidenceRequired,
        @JsonProperty("ambiguous") List<String> ambiguous,
        @JsonProperty("context") List<String> context) {

    /** Top level of a knowledge-base file. */
    record File(@JsonProperty("entities") List<EntityDefinition> entities) {}
}
