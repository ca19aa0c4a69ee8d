package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A story shown as evidence or in a top list.
 *
 * @param id article id (the story's first article for top stories)
 * @param title headline
 * @param url link, or null
 * @param source publisher
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoryRef(String id, String title, String url, String source) {}
