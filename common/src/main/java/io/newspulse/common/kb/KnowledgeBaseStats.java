package io.newspulse.common.kb;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts for {@code newspulse kb stats}.
 *
 * @param entities number of entities
 * @param aliases distinct (entity, name) pairs, canonical names included, tickers excluded
 * @param tickers number of ticker symbols
 * @param byType entities per type
 * @param byLanguage aliases per language key; canonical names count as {@code en}
 */
public record KnowledgeBaseStats(
        int entities,
        int aliases,
        int tickers,
        Map<String, Integer> byType,
        Map<String, Integer> byLanguage) {

    /** Computes the counts of a knowledge base. */
    public static KnowledgeBaseStats of(KnowledgeBase kb) {
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byLanguage = new TreeMap<>();
        int aliases = 0;
        int tickers = 0;
        for (Entity e : kb.entities()) {
            byType.merge(e.type().json(), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            seen.add(e.name());
            byLanguage.merge("en", 1, Integer::sum);
            aliases++;
            for (String lang : Entity.LANGUAGES) {
                for (String a : e.aliases(lang)) {
                    if (seen.add(a)) {
                        aliases++;
                        byLanguage.merge(lang, 1, Integer::sum);
                    }
                }
            }
            tickers += e.tickers().size();
        }
        return new KnowledgeBaseStats(kb.size(), aliases, tickers, byType, byLanguage);
    }
}
