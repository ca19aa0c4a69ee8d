package io.newspulse.common.analysis;

import io.newspulse.common.moves.MarketMove;
import io.newspulse.common.text.Language;
import io.newspulse.common.text.NormalizedText;
import java.util.List;

/**
 * The tagging result of one document.
 *
 * @param language detected (or declared) language
 * @param entities entities by descending relevance
 * @param sectors sectors by descending count
 * @param moves market moves in text order
 * @param text the normalised document ({@code title + "\n\n" + body} when there is a title)
 */
public record DocumentAnalysis(
        Language language,
        List<EntitySummary> entities,
        List<SectorCount> sectors,
        List<MarketMove> moves,
        NormalizedText text) {}
