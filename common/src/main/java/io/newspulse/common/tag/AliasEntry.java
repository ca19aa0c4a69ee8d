package io.newspulse.common.tag;

/**
 * One knowledge-base name of one entity, as the dictionary holds it.
 *
 * @param entityId the entity
 * @param alias the name as written in the knowledge base
 * @param language alias language key ({@code en}, {@code zh-Hans} ...)
 * @param canonical whether this is the entity's English canonical name
 * @param contextRequired whether the alias needs company context
 * @param evidenceRequired whether the alias needs evidence of its own entity (code, ticker, an
 *     unambiguous name of it in the document): company words are not enough
 * @param ambiguous whether the alias is declared shared with other entities
 * @param capitalised whether the knowledge-base spelling starts with an upper-case letter (then a
 *     Latin match must too, so "apple pie" is not Apple)
 * @param exactCase whether a match must have exactly the knowledge-base spelling's case (short
 *     Latin names such as AMD, SAP, xAI)
 */
record AliasEntry(
        String entityId,
        String alias,
        String language,
        boolean canonical,
        boolean contextRequired,
        boolean evidenceRequired,
        boolean ambiguous,
        boolean capitalised,
        boolean exactCase) {}
