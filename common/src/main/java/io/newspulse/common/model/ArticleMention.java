package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One mention span.
 *
 * @param start start offset (UTF-16) in {@code title + "\n\n" + body}
 * @param end end offset, exclusive
 * @param text the original text
 * @param rule the tagging rule
 * @param confidence 0 to 1
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArticleMention(int start, int end, String text, String rule, double confidence) {}
