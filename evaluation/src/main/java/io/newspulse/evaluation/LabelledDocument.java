package io.newspulse.evaluation;

import java.util.List;

/**
 * A corpus document labelled with entity names but no offsets (a headline and its company, a news
 * item and its subject companies).
 *
 * @param id corpus-specific id
 * @param title headline, or null
 * @param body body text, or null
 * @param language language tag to declare
 * @param labels the entity names as the corpus writes them
 */
public record LabelledDocument(
        String id, String title, String body, String language, List<String> labels) {
    public LabelledDocument {
        labels = List.copyOf(labels);
    }
}
