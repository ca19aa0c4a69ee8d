package io.newspulse.evaluation;

import io.newspulse.common.kb.Entity;
import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.tag.EntityTagger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Looks corpus label strings up in the knowledge base: which entities have a name, alias or ticker
 * equal to the label once folded (case, width, traditional to simplified, spacing). Tickers also
 * match without their exchange suffix ({@code 000402} for {@code 000402.SZ}) and with the dot
 * dropped ({@code 000402SZ}), as news writes them. A label that matches nothing is tried again
 * without legal-form suffixes ({@code Tesco PLC}, {@code Cominco Ltd}, {@code 上汽集团}), since corpora
 * write registered names where the KB lists the short one.
 */
public final class KbNames {
    /** Legal-form words dropped from the end (or a leading "the") when a label matches nothing. */
    private static final Pattern LEGAL_SUFFIX =
            Pattern.compile(
                    "(?:^the\\s+)|(?:[\\s,.]+(?:plc|inc|ltd|limited|co|corp|corporation|company|cos"
                            + "|group|holdings?|sa|ag|nv|se|spa|llc|lp|bhd|oyj|asa|ab|'s)\\.?$)"
                            + "|(?:(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司|股份)$)");

    private final KnowledgeBase kb;
    private final UnaryOperator<String> fold;
    private final Map<String, Set<String>> byKey = new HashMap<>();

    public KbNames(KnowledgeBase kb, UnaryOperator<String> fold) {
        this.kb = kb;
        this.fold = fold;
        for (Entity e : kb.entities()) {
            for (String name : EntityTagger.names(e)) {
                put(name, e.id());
            }
            for (String t : e.tickers()) {
                put(t, e.id());
                int dot = t.lastIndexOf('.');
                if (dot > 0) {
                    put(t.substring(0, dot), e.id());
                    put(t.substring(0, dot) + t.substring(dot + 1), e.id());
                }
            }
        }
    }

    private void put(String name, String id) {
        String k = key(name);
        if (!k.isEmpty()) {
            byKey.computeIfAbsent(k, x -> new HashSet<>()).add(id);
        }
    }

    /** The lookup key of a string: folded, lower case, inner whitespace collapsed. */
    public String key(String s) {
        return fold.apply(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Ids of the entities of the given types that {@code label} names; empty when none. */
    public Set<String> entitiesNamed(String label, Set<EntityType> types) {
        String k = key(label);
        Set<String> ids = byKey.getOrDefault(k, Set.of());
        while (ids.isEmpty()) {
            String shorter = LEGAL_SUFFIX.matcher(k).replaceFirst("").strip();
            if (shorter.isEmpty() || shorter.equals(k)) {
                break;
            }
            k = shorter;
            ids = byKey.getOrDefault(k, Set.of());
        }
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            if (types.contains(kb.get(id).type())) {
                out.add(id);
            }
        }
        return out;
    }

    /** True when {@code label} names an entity of one of the given types. */
    public boolean covers(String label, Set<EntityType> types) {
        return !entitiesNamed(label, types).isEmpty();
    }
}
