package io.newspulse.common.model;

/**
 * A sector of an enriched article.
 *
 * @param id sector id
 * @param name English name
 * @param count direct plus derived mentions
 * @param derived true when only implied by companies
 */
public record ArticleSector(String id, String name, int count, boolean derived) {}
