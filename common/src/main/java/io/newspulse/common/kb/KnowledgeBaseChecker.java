package io.newspulse.common.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The rules {@code newspulse kb check} enforces. */
public final class KnowledgeBaseChecker {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    private static final Map<EntityType, String> ID_PREFIX =
            Map.of(
                    EntityType.INDEX, "index.",
                    EntityType.ETF, "etf.",
                    EntityType.SECTOR, "sector.",
                    EntityType.PRODUCT, "product.",
                    EntityType.PERSON, "person.",
                    EntityType.ASSET, "asset.");

    private KnowledgeBaseChecker() {}

    /**
     * Defects that make the knowledge base unusable: bad or duplicate ids, unknown types, missing
     * English names, unknown language keys, malformed tickers, unknown sectors and parents.
     */
    static List<KbProblem> structuralProblems(List<KnowledgeBaseFiles.Sourced> defs) {
        List<KbProblem> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (KnowledgeBaseFiles.Sourced s : defs) {
            if (s.definition().id() != null) {
                ids.add(s.definition().id());
            }
        }
        for (KnowledgeBaseFiles.Sourced s : defs) {
            EntityDefinition d = s.definition();
            String src = s.source();
            String id = d.id();
            if (id == null || !ID.matcher(id).matches()) {
                out.add(new KbProblem(src, id, "id must match [a-z0-9]+([._-][a-z0-9]+)*"));
            } else if (seen.containsKey(id)) {
                out.add(
                        new KbProblem(
                                src, id, "duplicate id (first defined in " + seen.get(id) + ")"));
            } else {
                seen.put(id, src);
            }
            EntityType type = EntityType.parse(d.type());
            if (type == null) {
                out.add(new KbProblem(src, id, "unknown type '" + d.type() + "'"));
            } else if (id != null
                    && ID_PREFIX.containsKey(type)
                    && !id.startsWith(ID_PREFIX.get(type))) {
                out.add(
                        new KbProblem(
                                src, id, type.json() + " ids start with " + ID_PREFIX.get(type)));
            }
            if (d.name() == null || d.name().isBlank()) {
                out.add(new KbProblem(src, id, "missing English name"));
            }
            if (d.aliases() != null) {
                for (var e : d.aliases().entrySet()) {
                    if (!Entity.LANGUAGES.contains(e.getKey())) {
                        out.add(
                                new KbProblem(
                                        src,
                                        id,
                                        "unknown alias language '"
                                                + e.getKey()
                                                + "' (use "
                                                + String.join(", ", Entity.LANGUAGES)
                                                + ")"));
                    }
                    for (String a : KnowledgeBase.nullToEmpty(e.getValue())) {
                        if (a == null || a.isBlank()) {
                            out.add(new KbProblem(src, id, "empty alias in " + e.getKey()));
                        }
                    }
                }
            }
            for (String t : KnowledgeBase.nullToEmpty(d.tickers())) {
                if (!Tickers.isWellFormed(t)) {
                    out.add(new KbProblem(src, id, "malformed ticker '" + t + "'"));
                }
            }
            for (String slug : KnowledgeBase.nullToEmpty(d.sectors())) {
                String sid = slug.startsWith("sector.") ? slug : "sector." + slug;
                if (!ids.contains(sid)) {
                    out.add(new KbProblem(src, id, "unknown sector '" + slug + "'"));
                }
            }
            if (d.parent() != null && !d.parent().isBlank() && !ids.contains(d.parent().trim())) {
                out.add(new KbProblem(src, id, "unknown parent '" + d.parent() + "'"));
            }
            Set<String> all = allNames(d);
            for (String c : KnowledgeBase.nullToEmpty(d.contextRequired())) {
                if (!all.contains(c)) {
                    out.add(new KbProblem(src, id, "context_required '" + c + "' is not an alias"));
                }
            }
            for (String c : KnowledgeBase.nullToEmpty(d.evidenceRequired())) {
                if (!all.contains(c)) {
                    out.add(
                            new KbProblem(
                                    src, id, "evidence_required '" + c + "' is not an alias"));
                }
            }
            for (String c : KnowledgeBase.nullToEmpty(d.ambiguous())) {
                if (!all.contains(c)) {
                    out.add(new KbProblem(src, id, "ambiguous '" + c + "' is not an alias"));
                }
            }
        }
        return out;
    }

    /**
     * Aliases that fold to the same key in two entities without both declaring it {@code
     * ambiguous}, and aliases that fold to nothing.
     */
    static List<KbProblem> aliasProblems(List<Entity> entities, Function<String, String> fold) {
        Map<String, Map<String, Boolean>> owners = new TreeMap<>();
        Map<String, Entity> byId = new LinkedHashMap<>();
        List<KbProblem> out = new ArrayList<>();
        for (Entity e : entities) {
            byId.put(e.id(), e);
            Set<String> declared = new HashSet<>();
            for (String a : e.ambiguous()) {
                declared.add(fold.apply(a));
            }
            for (String name : names(e)) {
                if (name == null) {
                    continue;
                }
                String key = fold.apply(name);
                if (key.isEmpty()) {
                    out.add(
                            new KbProblem(
                                    e.source(), e.id(), "alias '" + name + "' folds to nothing"));
                    continue;
                }
                owners.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .merge(e.id(), declared.contains(key), Boolean::logicalOr);
            }
        }
        for (var o : owners.entrySet()) {
            Map<String, Boolean> m = o.getValue();
            if (m.size() > 1 && m.containsValue(false)) {
                String first = m.keySet().iterator().next();
                out.add(
                        new KbProblem(
                                byId.get(first).source(),
                                first,
                                "alias '"
                                        + o.getKey()
                                        + "' collides between "
                                        + String.join(", ", m.keySet())
                                        + " (declare it under ambiguous in each, or remove it)"));
            }
        }
        return out;
    }

    /** The canonical name and every alias of an entity. */
    public static List<String> names(Entity e) {
        List<String> out = new ArrayList<>();
        out.add(e.name());
        for (String lang : Entity.LANGUAGES) {
            out.addAll(e.aliases(lang));
        }
        return out;
    }

    private static Set<String> allNames(EntityDefinition d) {
        Set<String> out = new HashSet<>();
        if (d.name() != null) {
            out.add(d.name().trim());
        }
        if (d.aliases() != null) {
            d.aliases()
                    .values()
                    .forEach(
                            l ->
                                    KnowledgeBase.nullToEmpty(l)
                                            .forEach(
                                                    a -> {
                                                        if (a != null) {
                                                            out.add(a.trim());
                                                        }
                                                    }));
        }
        return out;
    }
}
