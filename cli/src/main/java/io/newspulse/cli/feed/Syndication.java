package io.newspulse.cli.feed;

import java.util.List;
import java.util.Locale;

/**
 * Syndicated copies of sample-feed stories: the same story from another source, either the
 * traditional twin of a simplified story or a copy reformatted the way aggregators do (HTML
 * paragraphs, full-width digits, headline case, an HTML comment crediting the source), which leaves
 * the words, and so the story's SimHash, as they were.
 */
final class Syndication {

    private final Dice dice;

    Syndication(Dice dice) {
        this.dice = dice;
    }

    /** The same story from another source. */
    Draft copyOf(Draft original) {
        if (original.hasTwin()) {
            return new Draft(
                    dice.pick(List.of(FeedSource.HK_DAILY, FeedSource.TW_NEWS)),
                    original.twinTitle(),
                    original.twinBody(),
                    original.tags());
        }
        FeedSource from = original.source();
        String credit = "<!-- via " + from.name() + " -->";
        if (from == FeedSource.GULF_MARKETS || from == FeedSource.AR_PORTAL) {
            return new Draft(
                    from == FeedSource.GULF_MARKETS
                            ? FeedSource.AR_PORTAL
                            : FeedSource.GULF_MARKETS,
                    original.title(),
                    paragraphs(original.body(), "(?<=\\.) ") + credit,
                    original.tags());
        }
        if (from == FeedSource.US_WIRE || from == FeedSource.GLOBAL_WIRE) {
            return new Draft(
                    from == FeedSource.US_WIRE ? FeedSource.GLOBAL_WIRE : FeedSource.US_WIRE,
                    dice.chance(0.5) ? original.title().toUpperCase(Locale.ROOT) : original.title(),
                    paragraphs(original.body(), "(?<=\\.) ") + credit,
                    original.tags());
        }
        if (from == FeedSource.HK_DAILY || from == FeedSource.TW_NEWS) {
            return new Draft(
                    from == FeedSource.HK_DAILY ? FeedSource.TW_NEWS : FeedSource.HK_DAILY,
                    fullWidth(original.title()),
                    fullWidth(original.body()),
                    original.tags());
        }
        return new Draft(
                from == FeedSource.CN_WIRE ? FeedSource.CN_PORTAL : FeedSource.CN_WIRE,
                fullWidth(original.title()),
                paragraphs(
                                dice.chance(0.5) ? fullWidth(original.body()) : original.body(),
                                "(?<=。)")
                        + credit,
                original.tags());
    }

    /** Each sentence in its own {@code <p>}. */
    private static String paragraphs(String body, String sentenceBreak) {
        StringBuilder out = new StringBuilder();
        for (String sentence : body.split(sentenceBreak)) {
            out.append("<p>").append(sentence.strip()).append("</p>");
        }
        return out.toString();
    }

    /** ASCII digits and percent signs in their full-width forms, as some Chinese portals print. */
    private static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append((char) ('\uFF10' + (c - '0')));
            } else if (c == '%') {
                out.append('\uFF05');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
