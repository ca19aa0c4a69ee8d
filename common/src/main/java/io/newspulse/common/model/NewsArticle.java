package io.newspulse.common.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A validated {@code news.raw} article.
 *
 * @param id publisher's article id (unique per article; a repeated id is a redelivery)
 * @param source publisher or feed name
 * @param url link to the article, or null
 * @param publishedAt publication time, or null when the message had none
 * @param title headline, may be empty when there is a body
 * @param body text, may contain HTML
 * @param language declared language tag, or null
 * @param providerTags free-form tags of the provider
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewsArticle(
        String id,
        String source,
        String url,
        Instant publishedAt,
        String title,
        String body,
        String language,
        List<String> providerTags) {}
