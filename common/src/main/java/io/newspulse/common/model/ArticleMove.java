package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A market move reported in an enriched article.
 *
 * @param entity entity id
 * @param entityType type of that entity ({@code company}, {@code index}, {@code etf} ...)
 * @param kind {@code price} or {@code market_cap}
 * @param direction {@code up} or {@code down}
 * @param percent size in percent, or null
 * @param amount market-cap change in {@code currency} units, or null
 * @param currency ISO currency of {@code amount}, or null
 * @param qualifier {@code over}, {@code about}, {@code nearly}, {@code up_to}, {@code limit} or
 *     null
 * @param text original text of the move phrase
 * @param start start offset
 * @param end end offset, exclusive
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArticleMove(
        String entity,
        String entityType,
        String kind,
        String direction,
        Double percent,
        Double amount,
        String currency,
        String qualifier,
        String text,
        int start,
        int end) {}
