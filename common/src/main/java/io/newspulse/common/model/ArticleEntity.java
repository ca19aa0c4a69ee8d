package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An entity of an enriched article (see {@code newspulse tag} output).
 *
 * @param id entity id
 * @param type entity type ({@code company}, {@code index} ...)
 * @param name English name
 * @param tickers ticker symbols
 * @param sectors sector ids
 * @param parent owner id, or null
 * @param count counted mentions
 * @param relevance 0 to 100
 * @param tone -1 to +1
 * @param aliasesMatched names that matched
 * @param mentions spans in {@code title + "\n\n" + body}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArticleEntity(
        String id,
        String type,
        String name,
        List<String> tickers,
        List<String> sectors,
        String parent,
        int count,
        int relevance,
        double tone,
        List<String> aliasesMatched,
        List<ArticleMention> mentions) {}
