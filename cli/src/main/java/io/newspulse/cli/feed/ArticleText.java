package io.newspulse.cli.feed;

import java.util.List;
import java.util.Map;

/**
 * The templates of one article kind of the sample feed ({@value ArticleCatalog#RESOURCE}).
 *
 * @param titles headlines, one of which is chosen
 * @param body the text; for burst stories it joins {@code {lead}}, {@code {detail1}} and {@code
 *     {detail2}}
 * @param twinTitle the headline of the traditional-script twin, or null
 * @param twinBody the body of the traditional-script twin, or null
 * @param leads first sentences of a burst story, one of which is chosen
 * @param details further sentences of a burst story, two of which are chosen
 * @param tags the provider tags
 * @param phrases named lists the generator picks from
 */
record ArticleText(
        List<String> titles,
        String body,
        String twinTitle,
        String twinBody,
        List<String> leads,
        List<String> details,
        List<String> tags,
        Map<String, List<String>> phrases) {

    ArticleText {
        titles = titles == null ? List.of() : List.copyOf(titles);
        leads = leads == null ? List.of() : List.copyOf(leads);
        details = details == null ? List.of() : List.copyOf(details);
        tags = tags == null ? List.of() : List.copyOf(tags);
        phrases = phrases == null ? Map.of() : Map.copyOf(phrases);
    }

    /** The named phrase list. */
    List<String> phrases(String name) {
        List<String> list = phrases.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no phrases '" + name + "'");
        }
        return list;
    }

    /** The article with headline {@code title}, its body and tags filled from {@code values}. */
    Draft draft(FeedSource source, int title, Placeholders values) {
        return new Draft(source, values.fill(titles.get(title)), values.fill(body), tags(values));
    }

    /** Like {@link #draft}, with its traditional-script twin. */
    Draft draftWithTwin(FeedSource source, Placeholders values) {
        return new Draft(
                source,
                values.fill(titles.get(0)),
                values.fill(body),
                tags(values),
                values.fill(twinTitle),
                values.fill(twinBody));
    }

    private List<String> tags(Placeholders values) {
        return tags.stream().map(values::fill).toList();
    }
}
