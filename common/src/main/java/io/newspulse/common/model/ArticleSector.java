package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A sector of an enriched article.
 *
 * @param id sector id
 * @param name English name
 * @param count direct plus derived mentions
 * @param derived true when only implied by companies
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArticleSector(String id, String name, int count, boolean derived) {}
