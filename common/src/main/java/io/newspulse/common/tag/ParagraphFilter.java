package io.newspulse.common.tag;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks the paragraphs whose mentions must not count: page furniture (disclaimers, share buttons,
 * "view original") and second and later copies of the same paragraph.
 */
final class ParagraphFilter {
    /** Paragraphs shorter than this are never treated as copies (headings, bylines repeat). */
    private static final int MIN_COPY_LENGTH = 12;

    /** Longer paragraphs are boilerplate only when the cue opens them. */
    private static final int SHORT_PARAGRAPH = 300;

    private static final int CUE_NEAR_START = 40;

    private final List<String> boilerplate;

    ParagraphFilter(List<String> boilerplate) {
        this.boilerplate = List.copyOf(boilerplate);
    }

    /** Positions of {@code text} (normalised) inside excluded paragraphs. */
    BitSet excluded(String text) {
        BitSet out = new BitSet(text.length());
        Set<String> seen = new HashSet<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String para = text.substring(start, end).strip();
            if (!para.isEmpty() && (isBoilerplate(para) || isCopy(para, seen))) {
                out.set(start, end);
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out;
    }

    private boolean isCopy(String para, Set<String> seen) {
        return para.length() >= MIN_COPY_LENGTH && !seen.add(para);
    }

    private boolean isBoilerplate(String para) {
        for (String cue : boilerplate) {
            int at = para.indexOf(cue);
            if (at >= 0 && (para.length() < SHORT_PARAGRAPH || at < CUE_NEAR_START)) {
                return true;
            }
        }
        return false;
    }
}
