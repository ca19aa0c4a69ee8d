package io.newspulse.common.analysis;

import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sectors of one document: those the text names, and those derived from the companies it
 * mentions, weighted by how central each company is to the document.
 *
 * <ul>
 *   <li>A <b>named</b> sector (a mention of a sector entity: "airlines", 航空股, العقارات) always
 *       counts.
 *   <li>A <b>central</b> company, relevance at least {@value #CENTRAL_RELEVANCE} (named in the
 *       title, or the dominant name of a short text: see {@link Relevance}), contributes every
 *       sector it lists.
 *   <li>Any other company contributes only its <b>main sector</b> (the first it lists), and that
 *       sector is kept only when the text names it too, a central company lists it, or at least
 *       {@value #MIN_COMPANIES} companies have it as their main sector.
 * </ul>
 *
 * So one passing mention of a carmaker in a market wrap adds no sector, while an article about the
 * carmaker, or one naming several carmakers, still counts the car sectors. A sector's count is its
 * own mentions plus the mentions of the companies that contribute to it; it is {@code derived} when
 * the text never names it. Measured on seven real-style market wraps in four languages (see
 * docs/quality.md, "Sectors"): the older rule, every sector of every company, gave 36 derived
 * sectors the wraps never name (up to seven in one wrap); this rule gives one (insurance, the main
 * sector of two Taiwanese financial holdings in the same wrap).
 */
final class SectorCounter {
    /** Relevance from which a company's every sector counts. */
    static final int CENTRAL_RELEVANCE = 35;

    /** Companies of lower relevance that must share a main sector for it to count. */
    static final int MIN_COMPANIES = 2;

    private SectorCounter() {}

    /** Sector counts of a document whose entities are {@code entities}, by descending count. */
    static List<SectorCount> count(List<EntitySummary> entities, KnowledgeBase kb) {
        Map<String, Integer> named = new LinkedHashMap<>();
        Map<String, Integer> central = new LinkedHashMap<>();
        Map<String, int[]> main = new LinkedHashMap<>(); // [mentions, companies]
        for (EntitySummary e : entities) {
            if (e.type() == EntityType.SECTOR) {
                named.merge(e.id(), e.count(), Integer::sum);
            } else if (e.type() == EntityType.COMPANY && !e.sectors().isEmpty()) {
                if (e.relevance() >= CENTRAL_RELEVANCE) {
                    e.sectors().forEach(s -> central.merge(s, e.count(), Integer::sum));
                } else {
                    int[] c = main.computeIfAbsent(e.sectors().get(0), k -> new int[2]);
                    c[0] += e.count();
                    c[1]++;
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>(named);
        central.forEach((id, n) -> counts.merge(id, n, Integer::sum));
        main.forEach(
                (id, c) -> {
                    if (named.containsKey(id) || central.containsKey(id) || c[1] >= MIN_COMPANIES) {
                        counts.merge(id, c[0], Integer::sum);
                    }
                });
        List<SectorCount> out = new ArrayList<>();
        counts.forEach(
                (id, n) ->
                        kb.find(id)
                                .ifPresent(
                                        s ->
                                                out.add(
                                                        new SectorCount(
                                                                id,
                                                                s.name(),
                                                                n,
                                                                !named.containsKey(id)))));
        out.sort(Comparator.comparingInt(SectorCount::count).reversed());
        return out;
    }
}
