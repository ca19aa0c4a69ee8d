package io.newspulse.common.moves;

import io.newspulse.common.moves.FigureScanner.Amount;
import io.newspulse.common.moves.FigureScanner.Percent;
import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.moves.MarketMove.Kind;
import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Extracts market moves from a normalised document and attaches each to an entity mention.
 *
 * <p>A <b>price move</b> is a percentage with a direction: a verb just before it (跌超7%, fell 3.5%,
 * ارتفع سهم أرامكو 2.5%), a sign ({@code (-3.4%)}, {@code NVDA +2.3%}) or a direction word after it
 * (3% higher). A <b>limit move</b> (涨停/跌停) is a price move with a null percent and qualifier {@code
 * limit}. A <b>market-cap move</b> is a money amount with a market-cap verb before it and a
 * market-cap word near it (市值蒸发1200亿美元, wiped $200 billion off its market value).
 *
 * <p>A move belongs to the nearest entity mention before its figure in the same sentence (for
 * Arabic, where the verb comes first, that is the mention between verb and figure). A figure list
 * with 分别/respectively maps in order onto the entities before it. A move is dropped when no mention
 * is close enough, or when the words between its entity and its figure show that the figure is
 * something else: a stake, a weight, a share of GDP, revenue or profit growth, or a move of another
 * subject such as the index ("no guessing").
 *
 * <p>Cost: one scan for figures ({@link FigureScanner}) and one automaton pass for limit moves over
 * the text; every other lexicon is searched only in windows of bounded size around a figure (the
 * verb gap, the qualifier and cue windows, the mention distance). Mentions are looked up by binary
 * search and a scan bounded by the window they must lie in; a respectively-list looks at no more
 * mentions than a constant times its length. So the work is O(length + figures + mentions), charged
 * to the {@link WorkMeter} given; when the meter runs out, extraction stops and keeps the moves
 * found so far.
 *
 * <p>Immutable and thread-safe: build once from a lexicon and share.
 */
public final class MoveExtractor {
    /** Qualifier of a limit-up or limit-down move, whose percentage depends on the board. */
    public static final String LIMIT = "limit";

    // A verb may start a little before the gap window ("plummeted 3%").
    private static final int LONGEST_VERB = 12;
    // Where 分别 / respectively may be written around a figure list.
    private static final int RESPECTIVELY_BEFORE = 8;
    private static final int RESPECTIVELY_AFTER = 20;

    private final MoveLexicon.Settings settings;
    private final FigureScanner figures;
    private final TermSet<Direction> priceVerbs;
    private final TermSet<Direction> trailingDirections;
    private final TermSet<Direction> limitMoves;
    private final TermSet<String> limitNegators;
    private final TermSet<Direction> capVerbs;
    private final TermSet<String> capCues;
    private final TermSet<String> levelMarkers;
    private final TermSet<String> leadQualifiers;
    private final TermSet<String> figureQualifiers;
    private final TermSet<String> afterQualifiers;
    private final List<String> qualifierPriority;
    private final Set<String> listSeparators;
    private final TermSet<String> respectively;
    private final TermSet<String> cuesBefore;
    private final TermSet<String> cuesAfter;
    private final TermSet<String> otherSubjects;

    /** Builds an extractor from a lexicon (see {@code config/lexicons/moves.yaml}). */
    public MoveExtractor(MoveLexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        this.settings = lexicon.settings();
        this.figures = new FigureScanner(lexicon);
        this.priceVerbs = TermSet.ofGroups(directions(lexicon.priceVerbs(), "priceVerbs"));
        this.trailingDirections =
                TermSet.ofGroups(directions(lexicon.trailingDirections(), "trailingDirections"));
        this.limitMoves = TermSet.ofGroups(directions(lexicon.limitMoves(), "limitMoves"));
        this.limitNegators = TermSet.ofTerms(lexicon.limitNegators());
        this.capVerbs = TermSet.ofGroups(directions(lexicon.marketCapVerbs(), "marketCapVerbs"));
        this.capCues = TermSet.ofTerms(lexicon.marketCapCues());
        this.levelMarkers = TermSet.ofTerms(lexicon.levelMarkers());
        MoveLexicon.Qualifiers q = lexicon.qualifiers();
        this.qualifierPriority = q.priority().stream().map(MoveExtractor::lower).toList();
        this.leadQualifiers = TermSet.ofGroups(qualifiers(q.beforeVerb()));
        this.figureQualifiers = TermSet.ofGroups(qualifiers(q.beforeFigure()));
        this.afterQualifiers = TermSet.ofGroups(qualifiers(q.afterFigure()));
        Set<String> separators = new HashSet<>();
        lexicon.listSeparators().forEach(sep -> separators.add(stripSpaces(TermSet.fold(sep))));
        this.listSeparators = Set.copyOf(separators);
        this.respectively = TermSet.ofTerms(lexicon.respectively());
        this.cuesBefore = TermSet.ofTerms(lexicon.nonMoveCues().before());
        this.cuesAfter = TermSet.ofTerms(lexicon.nonMoveCues().after());
        this.otherSubjects = TermSet.ofTerms(lexicon.otherSubjects());
    }

    /** Builds an extractor from the lexicon embedded at {@link MoveLexicon#RESOURCE}. */
    public static MoveExtractor fromClasspath() {
        return new MoveExtractor(MoveLexicon.fromClasspath());
    }

    /**
     * Finds the moves in {@code text}.
     *
     * @param text the normalised document
     * @param mentions the entity mentions found in it (any order)
     * @return the moves ordered by position; each carries the original text and offsets of its
     *     phrase
     */
    public List<MarketMove> extract(NormalizedText text, List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return List.of(); // every move needs an entity
        }
        return extract(text, mentions, TextSegments.of(text), WorkMeter.unlimited());
    }

    /**
     * Finds the moves in {@code text}, with its segments already found, charging {@code meter};
     * stops early, with the moves found so far, when the meter runs out.
     */
    public List<MarketMove> extract(
            NormalizedText text, List<Mention> mentions, TextSegments segments, WorkMeter meter) {
        if (mentions.isEmpty() || meter.exhausted()) {
            return List.of(); // every move needs an entity
        }
        Doc doc = new Doc(text, segments, mentions, meter);
        List<MarketMove> out = new ArrayList<>();
        extractPriceMoves(doc, out);
        extractLimitMoves(doc, out);
        extractMarketCapMoves(doc, out);
        out.sort(Comparator.comparingInt(MarketMove::start).thenComparingInt(MarketMove::end));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- price moves

    private void extractPriceMoves(Doc doc, List<MarketMove> out) {
        List<Percent> figs = figures.percents(doc.s, doc.meter);
        int i = 0;
        while (i < figs.size() && !doc.meter.exhausted()) {
            Percent fig = figs.get(i);
            int prevEnd = i > 0 ? figs.get(i - 1).end() : 0;
            TermSet.Hit<Direction> verb =
                    fig.sign() == null ? findVerb(doc, priceVerbs, fig.start(), prevEnd) : null;
            TermSet.Hit<Direction> trailing =
                    fig.sign() == null && verb == null ? trailingDirection(doc, fig.end()) : null;
            Direction direction =
                    fig.sign() != null
                            ? fig.sign()
                            : verb != null
                                    ? verb.value()
                                    : trailing != null ? trailing.value() : null;
            if (direction == null) {
                i++;
                continue;
            }
            int last = verb == null ? i : lastListItem(doc, figs, i);
            if (last > i && isRespectively(doc, verb, figs.get(last))) {
                emitRespectively(doc, verb, figs.subList(i, last + 1), out);
            } else {
                // Without 分别/respectively a list is ambiguous: keep only its first figure.
                emitPrice(doc, fig, verb, trailing, direction, out);
            }
            i = last + 1;
        }
    }

    private void emitPrice(
            Doc doc,
            Percent fig,
            TermSet.Hit<Direction> verb,
            TermSet.Hit<Direction> trailing,
            Direction direction,
            List<MarketMove> out) {
        Mention mention = doc.nearestMentionBefore(fig.start(), settings.maxMentionDistance());
        if (mention == null || isBlocked(doc, mention.normEnd(), verb, fig.start(), fig.end())) {
            return;
        }
        Qualified q =
                qualify(doc, verb, verb == null ? fig.start() : verb.end(), fig.start(), fig.end());
        int start = Math.min(q.spanStart(), verb == null ? fig.start() : verb.start());
        int end = Math.max(q.spanEnd(), trailing == null ? fig.end() : trailing.end());
        out.add(price(doc, mention.entityId(), direction, fig.value(), q.name(), start, end));
    }

    private void emitRespectively(
            Doc doc, TermSet.Hit<Direction> verb, List<Percent> items, List<MarketMove> out) {
        Percent first = items.get(0);
        List<Mention> subjects = doc.distinctMentionsBefore(first.start(), items.size());
        // The words between the last subject and the list, at most a mention distance of them.
        int subjectEnd =
                subjects.isEmpty()
                        ? 0
                        : Math.max(
                                subjects.get(subjects.size() - 1).normEnd(),
                                first.start() - settings.maxMentionDistance());
        if (subjects.size() < items.size()
                || isBlocked(
                        doc, subjectEnd, verb, first.start(), items.get(items.size() - 1).end())) {
            return; // fewer entities than figures: the mapping would be a guess
        }
        int qualifierFrom = verb.end();
        for (int k = 0; k < items.size(); k++) {
            Percent item = items.get(k);
            Qualified q = qualify(doc, null, qualifierFrom, item.start(), item.end());
            out.add(
                    price(
                            doc,
                            subjects.get(k).entityId(),
                            verb.value(),
                            item.value(),
                            q.name(),
                            item.start(),
                            Math.max(item.end(), q.spanEnd())));
            qualifierFrom = item.end();
        }
    }

    /** Index of the last figure of a list starting at {@code first} ("4.2%、3.1%和2.5%"). */
    private int lastListItem(Doc doc, List<Percent> figs, int first) {
        int last = first;
        while (last + 1 < figs.size()) {
            Percent cur = figs.get(last);
            Percent next = figs.get(last + 1);
            doc.meter.charge(next.start() - cur.end());
            if (next.sign() != null
                    || !listSeparators.contains(
                            stripSpaces(doc.s.substring(cur.end(), next.start())))
                    || !doc.seg.sameSentence(cur.start(), next.start())) {
                break;
            }
            last++;
        }
        return last;
    }

    private boolean isRespectively(Doc doc, TermSet.Hit<Direction> verb, Percent lastItem) {
        int before =
                Math.max(doc.seg.sentenceStart(verb.start()), verb.start() - RESPECTIVELY_BEFORE);
        int after =
                Math.min(doc.seg.sentenceEnd(lastItem.end()), lastItem.end() + RESPECTIVELY_AFTER);
        return respectively.findFirst(doc.s, before, verb.end(), doc.meter) != null
                || respectively.findFirst(doc.s, lastItem.end(), after, doc.meter) != null;
    }

    private TermSet.Hit<Direction> trailingDirection(Doc doc, int figEnd) {
        int p = doc.skipSpaces(figEnd);
        return trailingDirections.matchAt(doc.s, p, doc.seg.clauseEnd(figEnd), doc.meter);
    }

    // ---------------------------------------------------------------- limit moves

    private void extractLimitMoves(Doc doc, List<MarketMove> out) {
        for (TermSet.Hit<Direction> hit : limitMoves.findAll(doc.s, 0, doc.s.length(), doc.meter)) {
            if (doc.meter.exhausted()) {
                return;
            }
            if (doc.overlapsMention(hit.start(), hit.end()) || isNegatedLimit(doc, hit)) {
                continue;
            }
            Mention mention = doc.nearestMentionBefore(hit.start(), settings.maxMentionDistance());
            if (mention == null || isBlocked(doc, mention.normEnd(), hit, hit.start(), hit.end())) {
                continue;
            }
            out.add(
                    new MarketMove(
                            mention.entityId(),
                            Kind.PRICE,
                            hit.value(),
                            null,
                            null,
                            null,
                            LIMIT,
                            doc.text.originalSpan(hit.start(), hit.end()),
                            doc.text.originalStart(hit.start()),
                            doc.text.originalEnd(hit.end())));
        }
    }

    private boolean isNegatedLimit(Doc doc, TermSet.Hit<Direction> hit) {
        int from = Math.max(doc.seg.clauseStart(hit.start()), hit.start() - 3);
        TermSet.Hit<String> negator = limitNegators.findLast(doc.s, from, hit.start(), doc.meter);
        return negator != null && negator.end() == hit.start();
    }

    // ---------------------------------------------------------------- market-cap moves

    private void extractMarketCapMoves(Doc doc, List<MarketMove> out) {
        int prevEnd = 0;
        for (Amount amount : figures.amounts(doc.s, doc.meter)) {
            if (doc.meter.exhausted()) {
                return;
            }
            int start = amount.start();
            int end = amount.end();
            TermSet.Hit<Direction> verb = findVerb(doc, capVerbs, start, prevEnd);
            prevEnd = end;
            if (verb == null) {
                continue;
            }
            int clauseFrom = doc.seg.clauseStart(start);
            TermSet.Hit<String> cueBefore =
                    capCues.findLast(
                            doc.s, Math.max(clauseFrom, verb.start() - 24), start, doc.meter);
            TermSet.Hit<String> cueAfter =
                    cueBefore != null
                            ? null
                            : capCues.findFirst(
                                    doc.s,
                                    end,
                                    Math.min(doc.seg.clauseEnd(end), end + 30),
                                    doc.meter);
            if (cueBefore == null && cueAfter == null) {
                continue;
            }
            // "wiped $200 billion off Nvidia's market value": the owner sits before the cue.
            Mention mention = cueAfter != null ? doc.lastMentionIn(end, cueAfter.start()) : null;
            if (mention == null) {
                mention = doc.nearestMentionBefore(start, settings.maxMentionDistance());
                if (mention == null || isBlocked(doc, mention.normEnd(), verb, start, end)) {
                    continue;
                }
            }
            Qualified q = qualify(doc, verb, verb.end(), start, end);
            int spanStart = Math.min(q.spanStart(), verb.start());
            if (cueBefore != null) {
                spanStart = Math.min(spanStart, cueBefore.start());
            }
            int spanEnd = Math.max(q.spanEnd(), cueAfter != null ? cueAfter.end() : end);
            out.add(
                    new MarketMove(
                            mention.entityId(),
                            Kind.MARKET_CAP,
                            verb.value(),
                            null,
                            amount.value(),
                            amount.currency(),
                            q.name(),
                            doc.text.originalSpan(spanStart, spanEnd),
                            doc.text.originalStart(spanStart),
                            doc.text.originalEnd(spanEnd)));
        }
    }

    // ---------------------------------------------------------------- shared rules

    /**
     * The direction verb nearest before a figure in its clause, at most {@code maxVerbGap}
     * characters before it, or null. A level marker in between ("跌至", "rose to") means the figure
     * is a level, not a change.
     */
    private TermSet.Hit<Direction> findVerb(
            Doc doc, TermSet<Direction> verbs, int figStart, int prevFigEnd) {
        int from =
                Math.max(
                        Math.max(doc.seg.clauseStart(figStart), prevFigEnd),
                        figStart - settings.maxVerbGap() - LONGEST_VERB);
        List<TermSet.Hit<Direction>> hits =
                verbs.findAll(doc.s, Math.max(0, from), figStart, doc.meter);
        for (int k = hits.size() - 1; k >= 0; k--) {
            TermSet.Hit<Direction> hit = hits.get(k);
            if (doc.overlapsMention(hit.start(), hit.end())) {
                continue; // part of a name, not a verb
            }
            if (figStart - hit.end() > settings.maxVerbGap() || isLevel(doc, hit.end(), figStart)) {
                return null;
            }
            return hit;
        }
        return null;
    }

    private boolean isLevel(Doc doc, int from, int to) {
        List<TermSet.Hit<String>> markers = levelMarkers.findAll(doc.s, from, to, doc.meter);
        if (markers.isEmpty()) {
            return false;
        }
        List<TermSet.Hit<String>> qualifiers = figureQualifiers.findAll(doc.s, from, to, doc.meter);
        for (TermSet.Hit<String> marker : markers) {
            if (!overlapsAny(qualifiers, marker)
                    && !doc.overlapsMention(marker.start(), marker.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the words between the entity and the figure make it no move of that entity: a
     * non-move cue (stake, weight, revenue ...) in the verb's clause, a cue right after the figure,
     * or another subject (大盘, the index, dragging ...) between entity and figure. Words inside
     * entity mentions do not count.
     */
    private boolean isBlocked(
            Doc doc, int mentionEnd, TermSet.Hit<?> verb, int figStart, int figEnd) {
        int verbStart = verb == null ? figStart : verb.start();
        int subjectFrom = Math.max(mentionEnd, doc.seg.clauseStart(verbStart));
        int cueFrom = Math.min(verbStart, subjectFrom);
        int afterTo = Math.min(doc.seg.clauseEnd(figEnd), figEnd + settings.afterWindow());
        return doc.hasFreeHit(otherSubjects, subjectFrom, figStart)
                || doc.hasFreeHit(cuesBefore, cueFrom, figStart)
                || doc.hasFreeHit(cuesAfter, figEnd, afterTo);
    }

    /** The qualifier of a figure and how far it widens the move's phrase. */
    private record Qualified(String name, int spanStart, int spanEnd) {}

    private Qualified qualify(
            Doc doc, TermSet.Hit<?> verb, int betweenFrom, int figStart, int figEnd) {
        List<TermSet.Hit<String>> hits = new ArrayList<>();
        if (verb != null) {
            int leadFrom =
                    Math.max(
                            doc.seg.clauseStart(verb.start()),
                            verb.start() - settings.leadWindow());
            hits.addAll(leadQualifiers.findAll(doc.s, leadFrom, verb.start(), doc.meter));
        }
        hits.addAll(figureQualifiers.findAll(doc.s, betweenFrom, figStart, doc.meter));
        int afterFrom = doc.skipSpaces(figEnd);
        TermSet.Hit<String> after =
                afterQualifiers.matchAt(
                        doc.s,
                        afterFrom,
                        Math.min(doc.seg.clauseEnd(figEnd), afterFrom + settings.afterWindow()),
                        doc.meter);
        if (after != null) {
            hits.add(after);
        }
        String best = null;
        int spanStart = figStart;
        int spanEnd = figEnd;
        for (TermSet.Hit<String> hit : hits) {
            if (doc.overlapsMention(hit.start(), hit.end())) {
                continue; // 近 in a company name is no qualifier
            }
            if (hit.start() < spanStart) {
                spanStart = hit.start();
            }
            if (hit.end() > spanEnd) {
                spanEnd = hit.end();
            }
            if (best == null || rank(hit.value()) < rank(best)) {
                best = hit.value();
            }
        }
        return new Qualified(best, spanStart, spanEnd);
    }

    private int rank(String qualifier) {
        int i = qualifierPriority.indexOf(qualifier);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static MarketMove price(
            Doc doc,
            String entityId,
            Direction direction,
            double percent,
            String qualifier,
            int start,
            int end) {
        return new MarketMove(
                entityId,
                Kind.PRICE,
                direction,
                percent,
                null,
                null,
                qualifier,
                doc.text.originalSpan(start, end),
                doc.text.originalStart(start),
                doc.text.originalEnd(end));
    }

    private static boolean overlapsAny(List<? extends TermSet.Hit<?>> hits, TermSet.Hit<?> hit) {
        for (TermSet.Hit<?> h : hits) {
            if (h.start() < hit.end() && hit.start() < h.end()) {
                return true;
            }
        }
        return false;
    }

    private static Map<Direction, List<String>> directions(
            Map<String, List<String>> groups, String section) {
        Map<Direction, List<String>> out = new EnumMap<>(Direction.class);
        groups.forEach(
                (key, terms) -> {
                    switch (lower(key)) {
                        case "up" -> out.put(Direction.UP, terms);
                        case "down" -> out.put(Direction.DOWN, terms);
                        default ->
                                throw new IllegalArgumentException(
                                        section + ": expected up or down, got " + key);
                    }
                });
        return out;
    }

    private static Map<String, List<String>> qualifiers(Map<String, List<String>> groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        groups.forEach((key, terms) -> out.put(lower(key), terms));
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String stripSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** One document being processed: its text, segments and mentions by position. */
    private static final class Doc {
        final NormalizedText text;
        final String s;
        final TextSegments seg;
        final WorkMeter meter;

        final MentionIndex mentions;

        Doc(NormalizedText text, TextSegments seg, List<Mention> mentions, WorkMeter meter) {
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
         * order, nearest last: the subjects of a respectively-list. Looks at no more than {@code 4n
         * + 16} mentions: a list whose subjects are not among them is no list of those subjects.
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
}
