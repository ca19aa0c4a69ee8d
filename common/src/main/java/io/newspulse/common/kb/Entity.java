package io.newspulse.common.kb;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One knowledge-base entity, validated and with its sector slugs resolved to sector entity ids.
 *
 * @param id stable id
 * @param type kind of entity
 * @param name English canonical name
 * @param aliases names per language key ({@code en}, {@code zh-Hans}, {@code zh-Hant}, {@code ar},
 *     {@code ja}, {@code ko}, {@code latin}), in file order
 * @param tickers Yahoo-style ticker symbols
 * @param sectors sector entity ids ({@code sector.<slug>})
 * @param parent id of the owning entity, or null
 * @param contextRequired aliases that are common words and need company context
 * @param evidenceRequired aliases that need evidence of this very entity nearby (its code or
 *     ticker, or the entity named by an unambiguous alias in the document): generated short names
 * @param ambiguous aliases deliberately shared with other entities
 * @param context words that confirm this entity when they occur near a mention
 * @param source file the entity was read from
 */
public record Entity(
        String id,
        EntityType type,
        String name,
        Map<String, List<String>> aliases,
        List<String> tickers,
        List<String> sectors,
        String parent,
        Set<String> contextRequired,
        Set<String> evidenceRequired,
        Set<String> ambiguous,
        List<String> context,
        String source) {

    /** The language keys an alias list may have. */
    public static final List<String> LANGUAGES =
            List.of("en", "zh-Hans", "zh-Hant", "ar", "ja", "ko", "latin");

    public Entity {
        aliases = Map.copyOf(aliases);
        tickers = List.copyOf(tickers);
        sectors = List.copyOf(sectors);
        contextRequired = Set.copyOf(contextRequired);
        evidenceRequired = Set.copyOf(evidenceRequired);
        ambiguous = Set.copyOf(ambiguous);
        context = List.copyOf(context);
    }

    /** All aliases of a language, or an empty list. */
    public List<String> aliases(String language) {
        return aliases.getOrDefault(language, List.of());
    }
}
