package io.newspulse.common.analysis;

import io.newspulse.common.tag.Mention;
import java.util.List;

/**
 * Relevance of an entity to a document, 0 to 100: named in the title (35), in the lead (20), how
 * often (up to 25, saturating), and its share of all mentions (up to 20).
 */
final class Relevance {
    private Relevance() {}

    static int score(List<Mention> mentions, int titleEnd, int leadEnd, int totalMentions) {
        boolean inTitle = false;
        boolean inLead = false;
        for (Mention m : mentions) {
            inTitle |= m.start() < titleEnd;
            inLead |= m.start() >= titleEnd && m.start() < leadEnd;
        }
        double frequency = 1 - Math.exp(-mentions.size() / 3.0);
        double share = totalMentions == 0 ? 0 : (double) mentions.size() / totalMentions;
        double score = (inTitle ? 35 : 0) + (inLead ? 20 : 0) + 25 * frequency + 20 * share;
        return (int) Math.max(0, Math.min(100, Math.round(score)));
    }
}
