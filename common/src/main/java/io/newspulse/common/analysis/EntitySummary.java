package io.newspulse.common.analysis;

import io.newspulse.common.kb.EntityType;
import io.newspulse.common.tag.Mention;
import java.util.List;

/**
 * What a document says about one entity.
 *
 * @param id entity id
 * @param type entity type
 * @param name English canonical name
 * @param tickers the entity's ticker symbols
 * @param aliasesMatched the knowledge-base names that matched, in order of first match
 * @param sectors sector ids of the entity
 * @param parent owning entity id, or null
 * @param count number of counted mentions (for a company, its products' mentions included)
 * @param relevance 0 to 100: title and lead weigh more, then frequency and share of mentions
 * @param tone -1 (negative) to +1 (positive) over the entity's own context
 * @param mentions the mentions, in text order
 */
public record EntitySummary(
        String id,
        EntityType type,
        String name,
        List<String> tickers,
        List<String> aliasesMatched,
        List<String> sectors,
        String parent,
        int count,
        int relevance,
        double tone,
        List<Mention> mentions) {}
