package io.newspulse.evaluation;

import io.newspulse.common.analysis.DocumentAnalysis;
import io.newspulse.common.analysis.EntitySummary;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.tag.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One tagger mention as the scorers see it.
 *
 * @param start start offset in the analysed text
 * @param end end offset (exclusive)
 * @param entityId entity id
 * @param type entity type
 * @param text the mention's original text
 * @param rule the tagger rule that produced it
 */
public record PredictedMention(
        int start, int end, String entityId, EntityType type, String text, String rule) {

    /**
     * The mentions of entities of {@code types}, in text order, one per span. Mentions a company
     * inherits from its products (rule {@code product}) are left out: they repeat a span already
     * counted for the product.
     */
    public static List<PredictedMention> of(DocumentAnalysis analysis, Set<EntityType> types) {
        List<PredictedMention> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (EntitySummary e : analysis.entities()) {
            if (!types.contains(e.type())) {
                continue;
            }
            for (Mention m : e.mentions()) {
                if ("product".equals(m.rule())) {
                    continue;
                }
                long span = ((long) m.start() << 32) | m.end();
                if (seen.add(span)) {
                    out.add(
                            new PredictedMention(
                                    m.start(), m.end(), e.id(), e.type(), m.text(), m.rule()));
                }
            }
        }
        out.sort(
                Comparator.comparingInt(PredictedMention::start)
                        .thenComparingInt(PredictedMention::end));
        return out;
    }
}
