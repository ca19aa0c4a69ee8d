package io.newspulse.common.moves;

import io.newspulse.common.moves.MarketMove.Subject;
import io.newspulse.common.tag.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the grammatical subject of a move next to its verb: a list of known names ("A and B",
 * 腾讯、阿里巴巴, أرامكو وسابك) or one name the knowledge base does not know ("Zhongwei Tech", 中微科技, سهم
 * شركة الوفاق).
 *
 * <p>Cost: every lookup reads a bounded window before its anchor (at most {@link #MAX_LIST_ITEMS}
 * mentions of a list and {@link #MAX_GAP} characters between two of them; at most {@link #MAX_NAME}
 * characters of an unknown name), so a document costs a constant per verb.
 */
final class SubjectFinder {
    /** A list of more names is no subject list (a table, or hostile input). */
    static final int MAX_LIST_ITEMS = 12;

    /** Most characters between two names of a list, or between the last name and its anchor. */
    static final int MAX_GAP = 24;

    /** Most characters of an unknown name. */
    static final int MAX_NAME = 48;

    private static final int MAX_LATIN_WORDS = 6;
    private static final int MAX_CHINESE_NAME = 12;
    private static final int MAX_ARABIC_WORDS = 4;

    private static final String ENDS = ".!?;。！？；؟";

    /** Most characters from a relative clause's opening comma to the mention in it. */
    static final int MAX_RELATIVE = 80;

    private final Set<String> separators;
    private final TermSet<String> gapWords;
    private final TermSet<String> chineseSuffixes;
    private final TermSet<String> chineseTrail;
    private final Set<String> latinLeading;
    private final TermSet<String> arabicIntro;
    private final Set<String> arabicFullNameIntro;
    private final Set<String> arabicEnd;
    private final Set<String> notNameWords;
    private final TermSet<String> notNameChinese;
    private final Set<Character> notNameChineseChars;
    private final TermSet<String> relativeOpeners;

    SubjectFinder(MoveLexicon lexicon, Set<String> separators) {
        this.separators = separators;
        this.gapWords = TermSet.ofTerms(lexicon.listGapWords());
        MoveLexicon.Subjects s = lexicon.subjects();
        this.chineseSuffixes = TermSet.ofTerms(s.chineseSuffixes());
        this.chineseTrail = TermSet.ofTerms(s.chineseTrail());
        this.latinLeading = folded(s.latinLeading());
        this.arabicIntro = TermSet.ofTerms(s.arabicIntro());
        this.arabicFullNameIntro = folded(s.arabicFullNameIntro());
        this.arabicEnd = folded(s.arabicEnd());
        this.relativeOpeners = TermSet.ofTerms(s.relativeOpeners());
        Set<String> words = new HashSet<>();
        List<String> chinese = new ArrayList<>();
        Set<Character> chars = new HashSet<>();
        for (String w : s.notNames()) {
            String f = TermSet.fold(w);
            if (f.isEmpty()) {
                continue;
            }
            if (!isHan(f.charAt(0))) {
                words.add(f);
            } else if (f.length() == 1) {
                chars.add(f.charAt(0));
            } else {
                chinese.add(f);
            }
        }
        this.notNameWords = Set.copyOf(words);
        this.notNameChinese = TermSet.ofTerms(chinese);
        this.notNameChineseChars = Set.copyOf(chars);
    }

    // ---------------------------------------------------------------- lists of known names

    /**
     * The names of a list that ends right before {@code anchor} (a verb, or in Arabic the figure),
     * in text order: mentions of distinct entities joined by list separators, the last one followed
     * only by gap words (均, both, shares, سهما ...). Mentions must start at or after {@code from}.
     * Empty when there is no such list or it is longer than {@link #MAX_LIST_ITEMS}.
     */
    List<Mention> listBefore(MoveDoc doc, int anchor, int from) {
        Mention last = doc.nearestMentionBefore(anchor, MAX_GAP);
        if (last == null || last.normStart() < from || !isGap(doc, last.normEnd(), anchor)) {
            return List.of();
        }
        List<Mention> reversed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Mention m = last;
        while (m != null) {
            if (seen.add(m.entityId())) {
                reversed.add(m);
                if (reversed.size() > MAX_LIST_ITEMS) {
                    return List.of();
                }
            }
            Mention prev = doc.nearestMentionBefore(m.normStart(), MAX_GAP);
            if (prev == null
                    || prev.normStart() < from
                    || prev.normEnd() > m.normStart()
                    || !isSeparator(doc, prev.normEnd(), m.normStart())) {
                break;
            }
            m = prev;
        }
        List<Mention> out = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            out.add(reversed.get(i));
        }
        return out;
    }

    private boolean isSeparator(MoveDoc doc, int from, int to) {
        if (to - from > MAX_GAP) {
            return false;
        }
        doc.meter.charge(to - from);
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(doc.s.charAt(i))) {
                sb.append(doc.s.charAt(i));
            }
        }
        return separators.contains(sb.toString());
    }

    /** True when {@code [from, to)} holds only spaces and gap words. */
    boolean isGap(MoveDoc doc, int from, int to) {
        int p = from;
        while (p < to) {
            char c = doc.s.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
                continue;
            }
            TermSet.Hit<String> w = gapWords.matchAt(doc.s, p, to, doc.meter);
            if (w == null) {
                return false;
            }
            p = w.end();
        }
        return true;
    }

    // ---------------------------------------------------------------- relative clauses

    /**
     * The subject of a verb whose nearest mention {@code m} stands in a relative clause right
     * before it ("The Taiwan dollar, which is pegged to the U.S. dollar, has risen 15 pct"): the
     * mention right before the clause's opening comma, or null when {@code m} is in no such clause.
     * Reads at most {@link #MAX_GAP} characters after {@code m} and {@link #MAX_RELATIVE} before
     * it.
     */
    Mention beforeRelativeClause(MoveDoc doc, Mention m, int verbStart) {
        if (relativeOpeners.isEmpty()
                || verbStart < m.normEnd()
                || verbStart - m.normEnd() > MAX_GAP) {
            return null;
        }
        int p = m.normEnd();
        while (p < verbStart && doc.s.charAt(p) == ' ') {
            p++;
        }
        if (p == verbStart || !isComma(doc.s.charAt(p)) || !onlyLinkWords(doc, p + 1, verbStart)) {
            return null;
        }
        // Back to the opening comma, across wrapped wire lines but no other sentence end.
        int from = Math.max(0, m.normStart() - MAX_RELATIVE);
        int comma = m.normStart() - 1;
        while (comma >= from
                && !isComma(doc.s.charAt(comma))
                && ENDS.indexOf(doc.s.charAt(comma)) < 0) {
            comma--;
        }
        doc.meter.charge(m.normStart() - comma);
        if (comma < from || !isComma(doc.s.charAt(comma))) {
            return null;
        }
        int w = comma + 1;
        while (w < m.normStart() && doc.s.charAt(w) == ' ') {
            w++;
        }
        TermSet.Hit<String> opener = relativeOpeners.matchAt(doc.s, w, m.normStart(), doc.meter);
        if (opener == null || !isWordEnd(doc, opener.end())) {
            return null;
        }
        Mention subject = doc.nearestMentionBefore(comma, MAX_GAP);
        return subject != null && isGap(doc, subject.normEnd(), comma) ? subject : null;
    }

    private static boolean isComma(char c) {
        return c == ',' || c == '،';
    }

    /** True when {@code [from, to)} holds only spaces and lower-case link words (has, was). */
    private boolean onlyLinkWords(MoveDoc doc, int from, int to) {
        int p = from;
        while (p < to) {
            if (doc.s.charAt(p) == ' ') {
                p++;
                continue;
            }
            int q = p;
            while (q < to && Character.isLetter(doc.s.charAt(q))) {
                q++;
            }
            doc.meter.charge(q - p + 1);
            if (q == p || !latinLeading.contains(doc.s.substring(p, q))) {
                return false;
            }
            p = q;
        }
        return true;
    }

    // ---------------------------------------------------------------- unknown names

    /**
     * The name of a company the knowledge base does not know written as the subject of a move, or
     * null: right before the verb in Chinese and English, between the verb and the figure after سهم
     * or شركة in Arabic. A name that overlaps a known mention is not unknown, except a company name
     * after شركة that goes on past the known names in it (شركة الواحة للتطوير when only الواحة is
     * known): that is another company's full name.
     *
     * @param verbStart start of the verb (or of the limit move)
     * @param verbEnd end of the verb
     * @param figStart start of the figure (the verb's end when there is none)
     * @return {@code [start, end)} of the name in the folded text
     */
    int[] unknownSubject(MoveDoc doc, int verbStart, int verbEnd, int figStart) {
        int[] span = arabicName(doc, verbEnd, figStart);
        if (span != null && span[2] >= 0 && !doc.overlapsMention(span[2], span[1])) {
            return new int[] {span[0], span[1]}; // a full name that goes on past a known name
        }
        if (span == null) {
            span = chineseName(doc, verbStart);
        }
        if (span == null) {
            span = latinName(doc, verbStart);
        }
        return span == null || doc.overlapsMention(span[0], span[1]) ? null : span;
    }

    /** The subject written at {@code span} of the folded text. */
    static Subject subject(MoveDoc doc, int[] span) {
        return new Subject(
                doc.text.originalSpan(span[0], span[1]),
                doc.text.originalStart(span[0]),
                doc.text.originalEnd(span[1]));
    }

    /** {@code [start, end)} of a Chinese name right before {@code verbStart}, or null. */
    private int[] chineseName(MoveDoc doc, int verbStart) {
        int end = verbStart;
        int limit = Math.max(doc.seg.clauseStart(verbStart), verbStart - MAX_NAME);
        // Strip time words and adverbs (股价, 今日, 盘中 ...) between the name and the verb.
        while (end > limit) {
            TermSet.Hit<String> trail =
                    chineseTrail.findLast(
                            doc.s, Math.max(limit, end - chineseTrail.longest()), end, doc.meter);
            if (trail == null || trail.end() != end) {
                break;
            }
            end = trail.start();
        }
        int start = end;
        while (start > limit && end - start < MAX_CHINESE_NAME && isHan(doc.s.charAt(start - 1))) {
            start--;
        }
        doc.meter.charge(verbStart - start);
        if (end - start < 2 || (start > limit && isHan(doc.s.charAt(start - 1)))) {
            return null; // too short, or longer than a name
        }
        if (doc.overlapsMention(start - 1, start) || doc.overlapsMention(end, end + 1)) {
            return null; // a known name is part of the run: not an unknown subject
        }
        TermSet.Hit<String> suffix =
                chineseSuffixes.findLast(
                        doc.s, Math.max(start, end - chineseSuffixes.longest()), end, doc.meter);
        boolean company = suffix != null && suffix.end() == end && suffix.start() - start >= 2;
        int nameEnd = company ? suffix.start() : end;
        if (!company && (end - start > 4 || !startsClause(doc, start))) {
            return null; // without a company suffix only a short name starting a clause counts
        }
        if (isNotChineseName(doc, start, nameEnd)) {
            return null;
        }
        return new int[] {start, end};
    }

    private boolean startsClause(MoveDoc doc, int start) {
        if (start == doc.seg.clauseStart(start)) {
            return true;
        }
        char before = doc.s.charAt(start - 1);
        return before == '、' || Character.isWhitespace(before) || before == '（' || before == '(';
    }

    private boolean isNotChineseName(MoveDoc doc, int start, int end) {
        if (end <= start) {
            return true;
        }
        if (notNameChineseChars.contains(doc.s.charAt(start))
                || notNameChineseChars.contains(doc.s.charAt(end - 1))) {
            return true;
        }
        return notNameChinese.findFirst(doc.s, start, end, doc.meter) != null
                || chineseTrail.findFirst(doc.s, start, end, doc.meter) != null;
    }

    /** {@code [start, end)} of capitalised Latin words right before {@code verbStart}, or null. */
    private int[] latinName(MoveDoc doc, int verbStart) {
        int limit = Math.max(doc.seg.clauseStart(verbStart), verbStart - MAX_NAME);
        List<int[]> words = new ArrayList<>(); // nearest first
        int p = skipLowerCaseLinks(doc, verbStart, limit);
        while (words.size() <= MAX_LATIN_WORDS) {
            int end = p;
            while (end > limit && doc.s.charAt(end - 1) == ' ') {
                end--;
            }
            int start = end;
            while (start > limit && isNameChar(doc.s.charAt(start - 1))) {
                start--;
            }
            doc.meter.charge(p - start);
            if (start == end
                    || !isCapitalised(doc, start)
                    || (start == limit && start > 0 && isNameChar(doc.s.charAt(start - 1)))) {
                break;
            }
            words.add(new int[] {start, end});
            p = start;
        }
        if (words.size() > MAX_LATIN_WORDS) {
            return null; // a title-case headline, not a name
        }
        // Strip "The", "As", "Shares" ... from both ends.
        int first = words.size() - 1;
        int last = 0;
        while (first >= last && latinLeading.contains(word(doc, words.get(first)))) {
            first--;
        }
        while (last <= first && latinLeading.contains(word(doc, words.get(last)))) {
            last++;
        }
        if (first < last) {
            return null;
        }
        for (int i = last; i <= first; i++) {
            if (notNameWords.contains(word(doc, words.get(i)))) {
                return null;
            }
        }
        int start = words.get(first)[0];
        int end = words.get(last)[1];
        boolean sentenceStart = isSentenceStart(doc, words.get(words.size() - 1)[0]);
        if (first == last && sentenceStart && first == words.size() - 1) {
            return null; // one capitalised word opening a sentence may be any word
        }
        return new int[] {start, end};
    }

    /**
     * Skips back over lower-case words between a name and its verb ("shares", "was", "closed") and
     * a possessive 's; returns where the name must end.
     */
    private int skipLowerCaseLinks(MoveDoc doc, int pos, int limit) {
        int p = pos;
        for (int k = 0; k < 4; k++) {
            int end = p;
            while (end > limit && doc.s.charAt(end - 1) == ' ') {
                end--;
            }
            if (end - 2 >= limit
                    && doc.s.charAt(end - 1) == 's'
                    && (doc.s.charAt(end - 2) == '\'' || doc.s.charAt(end - 2) == '’')) {
                p = end - 2;
                continue;
            }
            int start = end;
            while (start > limit && Character.isLetter(doc.s.charAt(start - 1))) {
                start--;
            }
            doc.meter.charge(p - start);
            if (start == end
                    || isCapitalised(doc, start)
                    || !latinLeading.contains(doc.s.substring(start, end))) {
                return p;
            }
            p = start;
        }
        return p;
    }

    private static boolean isNameChar(char c) {
        return (c < 0x250 && Character.isLetterOrDigit(c)) || c == '&' || c == '.' || c == '-';
    }

    private static boolean isCapitalised(MoveDoc doc, int start) {
        char c = doc.text.original().charAt(doc.text.originalStart(start));
        return Character.isUpperCase(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    private static boolean isSentenceStart(MoveDoc doc, int start) {
        int p = start;
        int sentence = doc.seg.sentenceStart(start);
        while (p > sentence) {
            char c = doc.s.charAt(p - 1);
            if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '“' && c != '‘') {
                return false;
            }
            p--;
        }
        return true;
    }

    private static String word(MoveDoc doc, int[] span) {
        String w = doc.s.substring(span[0], span[1]);
        return w.endsWith(".") && w.indexOf('.') == w.length() - 1
                ? w.substring(0, w.length() - 1)
                : w;
    }

    /**
     * {@code [start, end, lastWordStart]} of an Arabic name after سهم or شركة in {@code [verbEnd,
     * figStart)}, or null: the words after the last such word, up to a preposition or qualifier.
     * {@code lastWordStart} is -1 unless the name has two or more words after a word that
     * introduces a full company name (شركة).
     */
    private int[] arabicName(MoveDoc doc, int verbEnd, int figStart) {
        if (figStart <= verbEnd || figStart - verbEnd > MAX_NAME + 16) {
            return null;
        }
        TermSet.Hit<String> intro = null;
        int from = verbEnd;
        // The last introducing word, as a whole word ("سهم شركة الوفاق": after شركة).
        while (true) {
            TermSet.Hit<String> hit = arabicIntro.findFirst(doc.s, from, figStart, doc.meter);
            if (hit == null) {
                break;
            }
            if (isWordStart(doc, hit.start()) && isWordEnd(doc, hit.end())) {
                intro = hit;
            }
            from = hit.end();
        }
        if (intro == null) {
            return null;
        }
        boolean company = arabicFullNameIntro.contains(intro.value());
        int start = -1;
        int end = -1;
        int lastWord = -1;
        int words = 0;
        int p = intro.end();
        while (p < figStart) {
            while (p < figStart && doc.s.charAt(p) == ' ') {
                p++;
            }
            int q = p;
            while (q < figStart && doc.s.charAt(q) != ' ') {
                q++;
            }
            if (q == p) {
                break;
            }
            String w = doc.s.substring(p, q);
            doc.meter.charge(q - p);
            if (arabicEnd.contains(w) || !isArabicOrLatinWord(w)) {
                break;
            }
            if (notNameWords.contains(w) || ++words > MAX_ARABIC_WORDS) {
                return null;
            }
            if (start < 0) {
                start = p;
            }
            lastWord = p;
            end = q;
            p = q;
        }
        if (start < 0) {
            return null;
        }
        return new int[] {start, end, company && lastWord > start ? lastWord : -1};
    }

    private static boolean isArabicOrLatinWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!TermSet.isArabicLetter(c) && !(c < 0x250 && Character.isLetter(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordStart(MoveDoc doc, int pos) {
        return pos == 0 || !Character.isLetter(doc.s.charAt(pos - 1));
    }

    private static boolean isWordEnd(MoveDoc doc, int pos) {
        return pos >= doc.s.length() || !Character.isLetter(doc.s.charAt(pos));
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static Set<String> folded(List<String> words) {
        Set<String> out = new HashSet<>();
        words.forEach(w -> out.add(TermSet.fold(w)));
        return Set.copyOf(out);
    }
}
