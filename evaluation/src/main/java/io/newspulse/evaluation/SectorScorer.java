package io.newspulse.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the sectors found in labelled texts ({@link SectorText}). Recall is over every named
 * label: a label counts as found when the sector is among the text's sectors, named or derived.
 * Precision is over every sector found: it is right when the text names it or is about a company in
 * it.
 */
public final class SectorScorer {
    /** A sector the analyzer gave a text. */
    public record Found(String id, boolean derived) {}

    private int texts;
    private int labels;
    private int aboutLabels;
    private int matched;
    private int matchedAsNamed;
    private int found;
    private int right;
    private int textsWithoutSectorGivenOne;
    private int textsWithoutSector;
    private final Tally missed = new Tally();
    private final Tally spurious = new Tally();

    /** Adds one text and the sectors found in it. */
    public void add(SectorText text, List<Found> sectors) {
        texts++;
        labels += text.named().size();
        aboutLabels += text.about().size();
        Map<String, Found> byId = new LinkedHashMap<>();
        sectors.forEach(f -> byId.putIfAbsent(f.id(), f));
        for (String id : text.named()) {
            Found f = byId.get(id);
            if (f == null) {
                missed.add(key(text, id));
            } else {
                matched++;
                if (!f.derived()) {
                    matchedAsNamed++;
                }
            }
        }
        for (Found f : byId.values()) {
            found++;
            if (text.named().contains(f.id()) || text.about().contains(f.id())) {
                right++;
            } else {
                spurious.add(key(text, f.id() + (f.derived() ? " (derived)" : " (named)")));
            }
        }
        if (text.named().isEmpty() && text.about().isEmpty()) {
            textsWithoutSector++;
            if (!byId.isEmpty()) {
                textsWithoutSectorGivenOne++;
            }
        }
    }

    /** Named labels found, over all named labels. */
    public double recall() {
        return Ratios.ratio(matched, labels);
    }

    /** Sectors found that the text names or is about, over all sectors found. */
    public double precision() {
        return Ratios.ratio(right, found);
    }

    /** Named labels not found, as {@code language:line sector | title}. */
    public Tally missed() {
        return missed;
    }

    /** Sectors found that the text neither names nor is about. */
    public Tally spurious() {
        return spurious;
    }

    /** The figures, in report order. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("texts", texts);
        m.put("named_labels", labels);
        m.put("about_labels", aboutLabels);
        m.put("found_sectors", found);
        m.put("matched", matched);
        m.put("recall", recall());
        m.put("recall_found_as_named", Ratios.ratio(matchedAsNamed, labels));
        m.put("precision", precision());
        m.put("f1", Ratios.f1(precision(), recall()));
        m.put("texts_without_sector", textsWithoutSector);
        m.put("texts_without_sector_given_one", textsWithoutSectorGivenOne);
        return m;
    }

    private static String key(SectorText t, String what) {
        return String.format("%s:%04d %s | %s", t.language(), t.line(), what, t.title());
    }
}
