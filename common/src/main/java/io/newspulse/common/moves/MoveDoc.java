package io.newspulse.common.moves;

import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One document being processed: its text, segments and mentions by position. */
final class MoveDoc {
    final NormalizedText text;
    final String s;
    final TextSegments seg;
    final WorkMeter meter;

    final MentionIndex mentions;

    MoveDoc(NormalizedText text, TextSegments seg, List<Mention> mentions, WorkMeter meter) {
        this.text = text;
        this.s = text.text();
        this.seg = seg;
        this.meter = meter;
        this.mentions = new MentionIndex(mentions, meter);
    }

    /**
     * The mention ending nearest before {@code pos} in its sentence, or null; of several, the
     * first. Looks only at mentions that can end within {@code maxDistance} of {@code pos}.
     */
    Mention nearestMentionBefore(int pos, int maxDistance) {
        int sentenceStart = seg.sentenceStart(pos);
        Mention best = null;
        for (int i = mentions.firstStartingAt(pos) - 1; i >= 0; i--) {
            Mention m = mentions.get(i);
            mentions.visit();
            if (mentions.maxEndUpTo(i) < pos - maxDistance || m.normStart() < sentenceStart) {
                break; // no earlier mention can qualify
            }
            if (m.normEnd() > pos || pos - m.normEnd() > maxDistance) {
                continue;
            }
            if (best == null || m.normEnd() >= best.normEnd()) {
                best = m;
            }
        }
        return best;
    }

    /** The last mention inside {@code [from, to)}, or null. */
    Mention lastMentionIn(int from, int to) {
        for (int i = mentions.firstStartingAt(to) - 1; i >= 0; i--) {
            Mention m = mentions.get(i);
            mentions.visit();
            if (m.normStart() < from) {
                break;
            }
            if (m.normEnd() <= to) {
                return m;
            }
        }
        return null;
    }

    /**
     * Up to {@code n} mentions of distinct entities before {@code pos} in its sentence, in text
     * order, nearest last: the subjects of a respectively-list. Looks at no more than {@code 4n +
     * 16} mentions: a list whose subjects are not among them is no list of those subjects.
     */
    List<Mention> distinctMentionsBefore(int pos, int n) {
        int sentenceStart = seg.sentenceStart(pos);
        List<Mention> picked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int budget = 4 * n + 16;
        for (int k = mentions.firstStartingAt(pos) - 1;
                k >= 0 && picked.size() < n && budget > 0;
                k--, budget--) {
            Mention m = mentions.get(k);
            mentions.visit();
            if (m.normStart() < sentenceStart) {
                break;
            }
            if (m.normEnd() > pos) {
                continue;
            }
            if (seen.add(m.entityId())) {
                picked.add(m);
            }
        }
        Collections.reverse(picked);
        return picked;
    }

    /**
     * How many characters of {@code [from, to)} lie inside mentions (overlapping mentions counted
     * once). Visits only the mentions that start before {@code to} and can reach {@code from}.
     */
    int mentionCharsIn(int from, int to) {
        List<int[]> spans = new ArrayList<>();
        for (int i = mentions.firstStartingAt(to) - 1; i >= 0; i--) {
            mentions.visit();
            if (mentions.maxEndUpTo(i) <= from) {
                break;
            }
            Mention m = mentions.get(i);
            int start = Math.max(from, m.normStart());
            int end = Math.min(to, m.normEnd());
            if (end > start) {
                spans.add(new int[] {start, end});
            }
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int covered = 0;
        int reached = from;
        for (int[] span : spans) {
            int start = Math.max(reached, span[0]);
            if (span[1] > start) {
                covered += span[1] - start;
                reached = span[1];
            }
        }
        return covered;
    }

    boolean overlapsMention(int start, int end) {
        return mentions.overlaps(start, end);
    }

    /** True when {@code terms} occur in {@code [from, to)} outside every mention. */
    boolean hasFreeHit(TermSet<String> terms, int from, int to) {
        boolean[] free = {false};
        terms.scan(
                s,
                from,
                to,
                meter,
                (start, end, term) -> {
                    free[0] = !overlapsMention(start, end);
                    return !free[0];
                });
        return free[0];
    }

    int skipSpaces(int pos) {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
        meter.charge(pos - start);
        return pos;
    }
}
