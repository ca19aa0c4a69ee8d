package io.newspulse.evaluation;

import java.util.Set;

/**
 * One text of the labelled sector set.
 *
 * @param line line number in its file (1-based)
 * @param language language tag of the file
 * @param title headline
 * @param body body
 * @param named sector ids the text names outright (by a sector, industry or theme word)
 * @param about further sector ids acceptable because the text is clearly about a company in them
 */
public record SectorText(
        int line,
        String language,
        String title,
        String body,
        Set<String> named,
        Set<String> about) {}
