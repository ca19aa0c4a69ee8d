package io.newspulse.evaluation;

import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.EntitySummary;
import io.newspulse.common.kb.EntityType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alias test for corpora that name an entity per document without offsets: for each label the
 * knowledge base knows (a name, alias or ticker of an entity of the evaluated types), did the
 * analysis find that entity? Labels the KB does not know are counted apart (coverage). Not
 * thread-safe.
 */
public final class AliasScorer {
    private final KbNames names;
    private final Set<EntityType> types;
    private long documents;
    private long labels;
    private long labelsInKb;
    private long found;
    private long documentsWithEntity;
    private final Set<String> distinct = new HashSet<>();
    private final Set<String> distinctInKb = new HashSet<>();
    private final Tally missed = new Tally();
    private final Tally notInKb = new Tally();

    public AliasScorer(KbNames names, Set<EntityType> types) {
        this.names = names;
        this.types = Set.copyOf(types);
    }

    /** Adds one document and its analysis. */
    public void add(LabelledDocument doc, DocumentAnalysis analysis) {
        documents++;
        Set<String> tagged =
                analysis.entities().stream()
                        .filter(e -> types.contains(e.type()))
                        .map(EntitySummary::id)
                        .collect(Collectors.toCollection(HashSet::new));
        if (!tagged.isEmpty()) {
            documentsWithEntity++;
        }
        for (String label : doc.labels()) {
            labels++;
            String key = names.key(label);
            distinct.add(key);
            Set<String> ids = names.entitiesNamed(label, types);
            if (ids.isEmpty()) {
                notInKb.add(label);
                continue;
            }
            labelsInKb++;
            distinctInKb.add(key);
            if (ids.stream().anyMatch(tagged::contains)) {
                found++;
            } else {
                List<String> instead = tagged.stream().sorted().toList();
                missed.add(label + " -> " + (instead.isEmpty() ? "nothing" : instead));
            }
        }
    }

    public long labelsInKb() {
        return labelsInKb;
    }

    public long found() {
        return found;
    }

    /** Share of KB-known labels whose entity was found. */
    public double recallInKb() {
        return Ratios.ratio(found, labelsInKb);
    }

    /** Labels the KB knows but the analysis did not find, with what it found instead. */
    public Tally missed() {
        return missed;
    }

    /** Labels the KB does not know. */
    public Tally notInKb() {
        return notInKb;
    }

    /** The figures, in report order. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", documents);
        m.put("labels", labels);
        m.put("distinct_labels", distinct.size());
        m.put("labels_in_kb", labelsInKb);
        m.put("distinct_labels_in_kb", distinctInKb.size());
        m.put("found", found);
        m.put("recall_all_labels", Ratios.ratio(found, labels));
        m.put("recall_in_kb", recallInKb());
        m.put("documents_with_entity", documentsWithEntity);
        return m;
    }
}
