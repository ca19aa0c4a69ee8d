package io.newspulse.common.kb.listing;

import io.newspulse.common.kb.EntityType;
import io.newspulse.common.kb.Tickers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entity generated from the listings, filled by a market reader and then adjusted by the
 * importer (aliases dropped or declared ambiguous) before it is written.
 */
final class ListedEntity {
    /** The generated file it goes to: {@code cn}, {@code hk}, {@code us} ... */
    final String market;

    final String id;
    final EntityType type;
    String name;
    final Map<String, Set<String>> aliases = new LinkedHashMap<>();
    final Set<String> tickers = new LinkedHashSet<>();
    final Set<String> contextRequired = new LinkedHashSet<>();
    final Set<String> evidenceRequired = new LinkedHashSet<>();
    final Set<String> ambiguous = new LinkedHashSet<>();

    ListedEntity(String market, String id, EntityType type, String name) {
        this.market = market;
        this.id = id;
        this.type = type;
        this.name = name;
    }

    /** An id part from an exchange code: lower case, other characters as '-'. */
    static String idPart(String code) {
        String s = code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** Adds an alias unless it is blank or already a name of this entity. */
    ListedEntity alias(String language, String alias) {
        if (alias == null) {
            return this;
        }
        String a = NameForms.collapse(alias);
        // One or two Arabic letters (آن, "now") are words, never a name to match.
        int minimum = a.codePoints().anyMatch(NameForms::isArabic) ? 3 : 2;
        if (a.length() < minimum || a.equals(name) || names().contains(a)) {
            return this;
        }
        aliases.computeIfAbsent(language, k -> new LinkedHashSet<>()).add(a);
        return this;
    }

    /** Adds a ticker when it is well-formed in the knowledge-base convention. */
    ListedEntity ticker(String ticker) {
        if (ticker != null && Tickers.isWellFormed(ticker)) {
            tickers.add(ticker);
        }
        return this;
    }

    /** The canonical name and every alias. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(name);
        aliases.values().forEach(out::addAll);
        return out;
    }

    /** Removes an alias; the canonical name is never removed. */
    void remove(String alias) {
        aliases.values().forEach(s -> s.remove(alias));
        aliases.values().removeIf(Set::isEmpty);
        contextRequired.remove(alias);
        evidenceRequired.remove(alias);
        ambiguous.remove(alias);
    }
}
