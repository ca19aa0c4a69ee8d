package io.newspulse.evaluation;

import java.util.List;

/**
 * A corpus document with labelled spans; offsets refer to {@code text}, which is analysed with no
 * separate title.
 *
 * @param id corpus-specific id
 * @param text the plain text
 * @param language language tag to declare ({@code en}, {@code zh-Hans}, ...)
 * @param gold labelled spans (all labels; scorers pick the ones they evaluate)
 */
public record SpanDocument(String id, String text, String language, List<GoldSpan> gold) {
    public SpanDocument {
        gold = List.copyOf(gold);
        for (GoldSpan g : gold) {
            if (g.end() > text.length()) {
                throw new IllegalArgumentException(id + ": span beyond text: " + g);
            }
        }
    }
}
