package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A market move reported in an enriched article whose subject is a name the knowledge base does not
 * know ("Zhongwei Tech rose 5%"): the move is kept with the name as written instead of being
 * attached to another entity. The fields are those of {@link ArticleMove} with {@code subject}
 * instead of the entity.
 *
 * @param subject the name written as the subject of the move
 * @param subjectStart start offset of the name
 * @param subjectEnd end offset of the name, exclusive
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
public record UnresolvedMove(
        String subject,
        int subjectStart,
        int subjectEnd,
        String kind,
        String direction,
        Double percent,
        Double amount,
        String currency,
        String qualifier,
        String text,
        int start,
        int end) {}
