package io.newspulse.common.analysis;

import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.NormalizedText;
import io.newspulse.common.text.WorkMeter;
import java.util.List;

/**
 * The tagging result of one document.
 *
 * @param language detected (or declared) language
 * @param entities entities by descending relevance
 * @param sectors sectors by descending count
 * @param moves market moves of known entities, in text order
 * @param unresolvedMoves market moves whose subject is a name the knowledge base does not know
 *     ({@link MarketMove#subject()}), in text order
 * @param text the normalised document ({@code title + "\n\n" + body} when there is a title)
 * @param truncated true when the analysis ran out of its budget ({@link WorkMeter}) and holds only
 *     what was found until then
 * @param work units of work the analysis took ({@link WorkMeter#used()})
 */
public record DocumentAnalysis(
        Language language,
        List<EntitySummary> entities,
        List<SectorCount> sectors,
        List<MarketMove> moves,
        List<MarketMove> unresolvedMoves,
        NormalizedText text,
        boolean truncated,
        long work) {}
