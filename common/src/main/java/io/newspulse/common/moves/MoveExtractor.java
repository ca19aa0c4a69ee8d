package io.newspulse.common.moves;

import io.newspulse.common.moves.FigureScanner.Amount;
import io.newspulse.common.moves.FigureScanner.Percent;
import io.newspulse.common.moves.MarketMove.Direction;
import io.newspulse.common.moves.MarketMove.Kind;
import io.newspulse.common.tag.Mention;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.ArrayList;
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
 * <p>A move belongs to its subject. A list of known names right before the verb (or, in Arabic,
 * between the verb and the figure) joined by list separators takes a list of as many figures in
 * order ("A and B rose 1% and 2%", with or without 分别/respectively/على التوالي), and shares a
 * single figure or limit move (均, both, "A、B 20%涨停", سهما أرامكو وسابك). A name the knowledge base
 * does not know written as the subject ("Zhongwei Tech rose 5%", 中微科技涨5%, سهم شركة ...) makes the
 * move unresolved ({@link MarketMove#subject()}, no entity) rather than another entity's ({@link
 * SubjectFinder}). Otherwise the move belongs to the nearest entity mention before its figure in
 * the same sentence (for Arabic, where the verb comes first, that is the mention between verb and
 * figure); a figure list with 分别/respectively maps in order onto the entities before it. A
 * percentage that restates a move in points takes the verb before the points ("fell 120 points, or
 * 0.45 percent"). A move is dropped when no subject is found, or when the words between its subject
 * and its figure show that the figure is something else: a stake, a weight, a share of GDP, revenue
 * or profit growth, or a move of another subject such as the index ("no guessing").
 *
 * <p>When that nearest mention stands in a relative clause closed by a comma right before the verb,
 * the move belongs to the name before the clause instead ("The Taiwan dollar, which is pegged to
 * the U.S. dollar, has risen 15 pct"; see {@link SubjectFinder}).
 *
 * <p>Cost: one scan for figures ({@link FigureScanner}) and one automaton pass for limit moves over
 * the text; every other lexicon is searched only in windows of bounded size around a figure (the
 * verb gap, the qualifier and cue windows, the mention distance, the subject windows of {@link
 * SubjectFinder}). Mentions are looked up by binary search and a scan bounded by the window they
 * must lie in; a respectively-list looks at no more mentions than a constant times its length, a
 * subject list at no more than {@link SubjectFinder#MAX_LIST_ITEMS}. So the work is O(length +
 * figures + mentions), charged to the {@link WorkMeter} given; when the meter runs out, extraction
 * stops and keeps the moves found so far.
 *
 * <p>Immutable and thread-safe: build once from a lexicon and share.
 */
public final class MoveExtractor {
    /** Qualifier of a limit-up or limit-down move, whose percentage depends on the board. */
    public static final String LIMIT = "limit";

    // A verb may start a little before the gap window ("plummeted 3%").
    private static final int LONGEST_VERB = 12;
    // Most characters of known names between a verb and its figure that the verb gap ignores.
    private static final int NAMES_IN_VERB_GAP = 96;
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
    private final TermSet<String> separatorTerms;
    private final TermSet<String> respectively;
    private final TermSet<String> cuesBefore;
    private final TermSet<String> cuesAfter;
    private final TermSet<String> cuesAfterElided;
    private final TermSet<String> otherSubjects;
    private final TermSet<String> pointsBridges;
    private final SubjectFinder subjects;

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
        this.separatorTerms = TermSet.ofTerms(lexicon.listSeparators());
        this.respectively = TermSet.ofTerms(lexicon.respectively());
        this.cuesBefore = TermSet.ofTerms(lexicon.nonMoveCues().before());
        this.cuesAfter = TermSet.ofTerms(lexicon.nonMoveCues().after());
        this.cuesAfterElided = TermSet.ofTerms(lexicon.nonMoveCues().afterElided());
        this.otherSubjects = TermSet.ofTerms(lexicon.otherSubjects());
        this.pointsBridges = TermSet.ofTerms(lexicon.pointsBridges());
        this.subjects = new SubjectFinder(lexicon, this.listSeparators);
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
        return extract(text, mentions, TextSegments.of(text), WorkMeter.unlimited());
    }

    /**
     * Finds the moves in {@code text}, with its segments already found, charging {@code meter};
     * stops early, with the moves found so far, when the meter runs out.
     */
    public List<MarketMove> extract(
            NormalizedText text, List<Mention> mentions, TextSegments segments, WorkMeter meter) {
        if (meter.exhausted()) {
            return List.of();
        }
        MoveDoc doc = new MoveDoc(text, segments, mentions, meter);
        List<MarketMove> out = new ArrayList<>();
        List<Percent> figs = figures.percents(doc.s, doc.meter);
        extractPriceMoves(doc, figs, out);
        extractLimitMoves(doc, figs, out);
        extractMarketCapMoves(doc, out);
        out.sort(Comparator.comparingInt(MarketMove::start).thenComparingInt(MarketMove::end));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- price moves

    private void extractPriceMoves(MoveDoc doc, List<Percent> figs, List<MarketMove> out) {
        int i = 0;
        Percent chainEnd = null; // the last figure of the last move with a direction
        Direction chainDirection = null;
        while (i < figs.size() && !doc.meter.exhausted()) {
            Percent fig = figs.get(i);
            int prevEnd = i > 0 ? figs.get(i - 1).end() : 0;
            TermSet.Hit<Direction> verb = null;
            if (fig.sign() == null) {
                verb = findVerb(doc, priceVerbs, fig.start(), prevEnd);
                if (verb == null) {
                    verb = pointsVerb(doc, fig.start(), prevEnd);
                }
            }
            TermSet.Hit<Direction> trailing =
                    fig.sign() == null && verb == null ? trailingDirection(doc, fig.end()) : null;
            Direction direction =
                    fig.sign() != null
                            ? fig.sign()
                            : verb != null
                                    ? verb.value()
                                    : trailing != null ? trailing.value() : null;
            if (direction == null) {
                if (fig.sign() == null
                        && chainEnd != null
                        && emitElided(doc, chainEnd, chainDirection, fig, out)) {
                    chainEnd = fig;
                }
                i++;
                continue;
            }
            int found = out.size();
            int last = verb == null ? i : lastListItem(doc, figs, i);
            List<Mention> names = verb == null ? List.of() : subjectList(doc, verb, fig);
            if (last > i) {
                List<Percent> items = figs.subList(i, last + 1);
                if (names.size() == items.size()) {
                    // "A and B rose 1% and 2%": as many names as figures map in order.
                    int subjectEnd = names.get(names.size() - 1).normEnd();
                    emitInOrder(doc, verb, items, names, subjectEnd, out);
                } else if (isRespectively(doc, verb, figs.get(last))) {
                    emitRespectively(doc, verb, items, out);
                } else {
                    // Otherwise a list is ambiguous: keep only its first figure.
                    emitPrice(doc, fig, verb, trailing, direction, List.of(), out);
                }
            } else {
                emitPrice(doc, fig, verb, trailing, direction, names, out);
            }
            if (out.size() > found) {
                chainEnd = figs.get(last);
                chainDirection = direction;
            }
            i = last + 1;
        }
    }

    /**
     * A figure without a verb that follows a move, joined to it by a list separator and written
     * with its own known name, takes the move's direction: the verb is left out ("BP fell 2.1%,
     * Shell 1.7%", وارتفع سهم أرامكو 2% وسهم سابك 3%, 腾讯涨2%，阿里巴巴3%). Only separators and gap words
     * (سهم, shares ...) may stand around the name. Returns whether a move was emitted.
     */
    private boolean emitElided(
            MoveDoc doc, Percent previous, Direction direction, Percent fig, List<MarketMove> out) {
        if (!doc.seg.sameSentence(previous.start(), fig.start())) {
            return false;
        }
        Mention name = doc.nearestMentionBefore(fig.start(), SubjectFinder.MAX_GAP);
        if (name == null
                || name.normStart() < previous.end()
                || !subjects.isGap(doc, name.normEnd(), fig.start())) {
            return false;
        }
        int p = previous.end();
        TermSet.Hit<String> separator = null;
        for (int k = 0; k < 2; k++) { // ", and", "، و"
            TermSet.Hit<String> next =
                    separatorTerms.matchAt(doc.s, doc.skipSpaces(p), name.normStart(), doc.meter);
            if (next == null) {
                break;
            }
            separator = next;
            p = next.end();
        }
        if (separator == null
                || !subjects.isGap(doc, p, name.normStart())
                || isBlocked(doc, name.normEnd(), null, fig.start(), fig.end())
                || cuesAfterElided.matchAt(
                                doc.s,
                                doc.skipSpaces(fig.end()),
                                doc.seg.clauseEnd(fig.end()),
                                doc.meter)
                        != null) {
            return false;
        }
        Qualified q = qualify(doc, null, name.normEnd(), fig.start(), fig.end());
        out.add(
                price(
                        doc,
                        name.entityId(),
                        direction,
                        fig.value(),
                        q.name(),
                        Math.min(fig.start(), q.spanStart()),
                        Math.max(fig.end(), q.spanEnd())));
        return true;
    }

    /**
     * The list of known names that is the subject of {@code verb}: right before the verb, or (in
     * Arabic, verb first) between the verb and the figure. Empty when there is none.
     */
    private List<Mention> subjectList(MoveDoc doc, TermSet.Hit<Direction> verb, Percent fig) {
        int sentence = doc.seg.sentenceStart(verb.start());
        List<Mention> before = subjects.listBefore(doc, verb.start(), sentence);
        if (before.size() >= 2) {
            return before;
        }
        List<Mention> between = subjects.listBefore(doc, fig.start(), verb.end());
        return between.size() >= 2 ? between : before;
    }

    private void emitPrice(
            MoveDoc doc,
            Percent fig,
            TermSet.Hit<Direction> verb,
            TermSet.Hit<Direction> trailing,
            Direction direction,
            List<Mention> names,
            List<MarketMove> out) {
        Qualified q =
                qualify(doc, verb, verb == null ? fig.start() : verb.end(), fig.start(), fig.end());
        int start = Math.min(q.spanStart(), verb == null ? fig.start() : verb.start());
        int end = Math.max(q.spanEnd(), trailing == null ? fig.end() : trailing.end());
        MarketMove move = price(doc, null, direction, fig.value(), q.name(), start, end);
        emitForSubject(doc, move, verb, fig.start(), fig.end(), verb == null, names, out);
    }

    /**
     * Emits {@code move} for its subject: each name of a list of two or more (a shared move), else
     * an unknown name written as the subject (unresolved), else the nearest mention before the
     * figure. Nothing when the words between subject and figure show another kind of figure.
     */
    private void emitForSubject(
            MoveDoc doc,
            MarketMove move,
            TermSet.Hit<?> verb,
            int figStart,
            int figEnd,
            boolean nearestOnly,
            List<Mention> names,
            List<MarketMove> out) {
        if (names.size() >= 2) {
            if (!isBlocked(doc, names.get(names.size() - 1).normEnd(), verb, figStart, figEnd)) {
                names.forEach(m -> out.add(move.withEntity(m.entityId())));
            }
            return;
        }
        int[] unknown =
                nearestOnly
                        ? null
                        : subjects.unknownSubject(doc, verb.start(), verb.end(), figStart);
        if (unknown != null) {
            if (!isBlocked(doc, unknown[1], verb, figStart, figEnd)) {
                out.add(move.unresolvedAs(SubjectFinder.subject(doc, unknown)));
            }
            return;
        }
        Mention mention = doc.nearestMentionBefore(figStart, settings.maxMentionDistance());
        Mention outer =
                mention == null || verb == null
                        ? null
                        : subjects.beforeRelativeClause(doc, mention, verb.start());
        if (outer != null) {
            mention = outer; // the name in "X, which is pegged to Y, rose" is X
        }
        if (mention != null && !isBlocked(doc, mention.normEnd(), verb, figStart, figEnd)) {
            out.add(move.withEntity(mention.entityId()));
        }
    }

    /**
     * The verb of a percentage that restates a move in points ("fell 120 points, or 0.45 percent"):
     * the verb before the number of points, or null.
     */
    private TermSet.Hit<Direction> pointsVerb(MoveDoc doc, int figStart, int prevFigEnd) {
        if (pointsBridges.isEmpty()) {
            return null;
        }
        int from =
                Math.max(
                        Math.max(doc.seg.sentenceStart(figStart), prevFigEnd),
                        figStart - pointsBridges.longest() - 2);
        TermSet.Hit<String> bridge = pointsBridges.findLast(doc.s, from, figStart, doc.meter);
        if (bridge == null || doc.skipSpaces(bridge.end()) != figStart) {
            return null;
        }
        int p = bridge.start();
        while (p > from - 24 && p > 0 && doc.s.charAt(p - 1) == ' ') {
            p--;
        }
        int numberEnd = p;
        while (p > 0 && numberEnd - p < 24 && isNumberChar(doc.s.charAt(p - 1))) {
            p--;
        }
        doc.meter.charge(bridge.start() - p);
        if (p == numberEnd || !Character.isDigit(doc.s.charAt(numberEnd - 1))) {
            return null;
        }
        return findVerb(doc, priceVerbs, p, prevFigEnd);
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == ',' || c == '.';
    }

    /** Maps {@code items} in order onto {@code names} (as many), unless something blocks it. */
    private void emitInOrder(
            MoveDoc doc,
            TermSet.Hit<Direction> verb,
            List<Percent> items,
            List<Mention> names,
            int subjectEnd,
            List<MarketMove> out) {
        Percent first = items.get(0);
        if (isBlocked(doc, subjectEnd, verb, first.start(), items.get(items.size() - 1).end())) {
            return;
        }
        int qualifierFrom = Math.max(verb.end(), Math.min(subjectEnd, first.start()));
        for (int k = 0; k < items.size(); k++) {
            Percent item = items.get(k);
            Qualified q = qualify(doc, null, qualifierFrom, item.start(), item.end());
            out.add(
                    price(
                            doc,
                            names.get(k).entityId(),
                            verb.value(),
                            item.value(),
                            q.name(),
                            item.start(),
                            Math.max(item.end(), q.spanEnd())));
            qualifierFrom = item.end();
        }
    }

    private void emitRespectively(
            MoveDoc doc, TermSet.Hit<Direction> verb, List<Percent> items, List<MarketMove> out) {
        Percent first = items.get(0);
        List<Mention> names = doc.distinctMentionsBefore(first.start(), items.size());
        if (names.size() < items.size()) {
            return; // fewer entities than figures: the mapping would be a guess
        }
        // The words between the last subject and the list, at most a mention distance of them.
        int subjectEnd =
                Math.max(
                        names.get(names.size() - 1).normEnd(),
                        first.start() - settings.maxMentionDistance());
        emitInOrder(doc, verb, items, names, subjectEnd, out);
    }

    /** Index of the last figure of a list starting at {@code first} ("4.2%、3.1%和2.5%"). */
    private int lastListItem(MoveDoc doc, List<Percent> figs, int first) {
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

    private boolean isRespectively(MoveDoc doc, TermSet.Hit<Direction> verb, Percent lastItem) {
        int before =
                Math.max(doc.seg.sentenceStart(verb.start()), verb.start() - RESPECTIVELY_BEFORE);
        int after =
                Math.min(doc.seg.sentenceEnd(lastItem.end()), lastItem.end() + RESPECTIVELY_AFTER);
        return respectively.findFirst(doc.s, before, verb.end(), doc.meter) != null
                || respectively.findFirst(doc.s, lastItem.end(), after, doc.meter) != null;
    }

    private TermSet.Hit<Direction> trailingDirection(MoveDoc doc, int figEnd) {
        int p = doc.skipSpaces(figEnd);
        return trailingDirections.matchAt(doc.s, p, doc.seg.clauseEnd(figEnd), doc.meter);
    }

    // ---------------------------------------------------------------- limit moves

    private void extractLimitMoves(MoveDoc doc, List<Percent> figs, List<MarketMove> out) {
        int f = 0;
        for (TermSet.Hit<Direction> hit : limitMoves.findAll(doc.s, 0, doc.s.length(), doc.meter)) {
            if (doc.meter.exhausted()) {
                return;
            }
            if (doc.overlapsMention(hit.start(), hit.end()) || isNegatedLimit(doc, hit)) {
                continue;
            }
            // "20%涨停": the limit written before the move (hits and figures both in text order).
            while (f < figs.size() && figs.get(f).end() <= hit.start() - 2) {
                f++;
            }
            Percent limit = null;
            if (f < figs.size()
                    && figs.get(f).end() <= hit.start()
                    && figs.get(f).sign() == null
                    && doc.skipSpaces(figs.get(f).end()) == hit.start()) {
                limit = figs.get(f);
            }
            int anchor = limit == null ? hit.start() : limit.start();
            MarketMove move =
                    new MarketMove(
                            null,
                            Kind.PRICE,
                            hit.value(),
                            limit == null ? null : limit.value(),
                            null,
                            null,
                            LIMIT,
                            doc.text.originalSpan(anchor, hit.end()),
                            doc.text.originalStart(anchor),
                            doc.text.originalEnd(hit.end()));
            List<Mention> names = subjects.listBefore(doc, anchor, doc.seg.sentenceStart(anchor));
            TermSet.Hit<Direction> verb =
                    new TermSet.Hit<>(hit.term(), hit.value(), anchor, hit.end());
            emitForSubject(doc, move, verb, anchor, hit.end(), false, names, out);
        }
    }

    private boolean isNegatedLimit(MoveDoc doc, TermSet.Hit<Direction> hit) {
        int from =
                Math.max(
                        doc.seg.clauseStart(hit.start()),
                        hit.start() - limitNegators.longest() - 1);
        TermSet.Hit<String> negator = limitNegators.findLast(doc.s, from, hit.start(), doc.meter);
        return negator != null && doc.skipSpaces(negator.end()) == hit.start();
    }

    // ---------------------------------------------------------------- market-cap moves

    private void extractMarketCapMoves(MoveDoc doc, List<MarketMove> out) {
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
     * characters before it, not counting the characters of known names in between (an Arabic verb
     * comes before its subject: تراجع سهم بنك الإمارات دبي الوطني بنسبة 1.5%), or null. A level
     * marker in between ("跌至", "rose to") means the figure is a level, not a change.
     */
    private TermSet.Hit<Direction> findVerb(
            MoveDoc doc, TermSet<Direction> verbs, int figStart, int prevFigEnd) {
        int from =
                Math.max(
                        Math.max(doc.seg.clauseStart(figStart), prevFigEnd),
                        figStart - settings.maxVerbGap() - LONGEST_VERB - NAMES_IN_VERB_GAP);
        List<TermSet.Hit<Direction>> hits =
                verbs.findAll(doc.s, Math.max(0, from), figStart, doc.meter);
        for (int k = hits.size() - 1; k >= 0; k--) {
            TermSet.Hit<Direction> hit = hits.get(k);
            if (doc.overlapsMention(hit.start(), hit.end())) {
                continue; // part of a name, not a verb
            }
            int gap = figStart - hit.end();
            if (gap > settings.maxVerbGap()) {
                gap -= doc.mentionCharsIn(hit.end(), figStart);
            }
            if (gap > settings.maxVerbGap()
                    || figStart - hit.end() > settings.maxVerbGap() + NAMES_IN_VERB_GAP
                    || isLevel(doc, hit.end(), figStart)) {
                return null;
            }
            return hit;
        }
        return null;
    }

    private boolean isLevel(MoveDoc doc, int from, int to) {
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
            MoveDoc doc, int mentionEnd, TermSet.Hit<?> verb, int figStart, int figEnd) {
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
            MoveDoc doc, TermSet.Hit<?> verb, int betweenFrom, int figStart, int figEnd) {
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
            MoveDoc doc,
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
}
