package io.newspulse.cli.feed;

import java.util.List;

/**
 * An article of the sample feed before it gets an id and a time.
 *
 * @param twinTitle the title in traditional script when the story has a traditional twin, or null
 * @param twinBody the body of the traditional twin, or null
 */
record Draft(
        FeedSource source,
        String title,
        String body,
        List<String> tags,
        String twinTitle,
        String twinBody) {

    Draft(FeedSource source, String title, String body, List<String> tags) {
        this(source, title, body, tags, null, null);
    }

    boolean hasTwin() {
        return twinTitle != null;
    }
}
