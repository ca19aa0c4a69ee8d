package io.newspulse.common.kb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The validated entity knowledge base: every entity by id, in file order.
 *
 * <p>Load it with {@link #load(Path)} from a folder of YAML files or {@link #embedded()} from the
 * copy packaged in the jar. Loading fails with a {@link KnowledgeBaseException} listing the
 * structural defects (see {@link KnowledgeBaseChecker#structuralProblems}).
 */
public final class KnowledgeBase {
    private final Map<String, Entity> byId;
    private final List<KnowledgeBaseFiles.Sourced> definitions;

    private KnowledgeBase(List<KnowledgeBaseFiles.Sourced> definitions) {
        this.definitions = List.copyOf(definitions);
        Map<String, Entity> m = new LinkedHashMap<>();
        for (KnowledgeBaseFiles.Sourced s : definitions) {
            Entity e = toEntity(s);
            m.putIfAbsent(e.id(), e);
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** Loads all {@code *.yaml} files of a folder; fails on structural defects. */
    public static KnowledgeBase load(Path dir) {
        return validated(KnowledgeBaseFiles.readDirectory(dir), dir.toString());
    }

    /** Loads the knowledge base packaged with newspulse; fails on structural defects. */
    public static KnowledgeBase embedded() {
        return validated(KnowledgeBaseFiles.readClasspath(), "embedded knowledge base");
    }

    /** Loads from a folder when given, else the embedded copy. */
    public static KnowledgeBase loadOrEmbedded(Optional<Path> dir) {
        return dir.map(KnowledgeBase::load).orElseGet(KnowledgeBase::embedded);
    }

    /** Reads a folder without validating it, for {@code kb check}. */
    public static KnowledgeBase unchecked(Path dir) {
        return new KnowledgeBase(KnowledgeBaseFiles.readDirectory(dir));
    }

    /**
     * Reads only the curated files of a folder (not its generated sub-folders), without validating
     * them: what {@code kb import} merges the listings into.
     */
    public static KnowledgeBase curated(Path dir) {
        return new KnowledgeBase(KnowledgeBaseFiles.readDirectory(dir, false));
    }

    /** Reads the embedded copy without validating it, for {@code kb check}. */
    public static KnowledgeBase uncheckedEmbedded() {
        return new KnowledgeBase(KnowledgeBaseFiles.readClasspath());
    }

    private static KnowledgeBase validated(List<KnowledgeBaseFiles.Sourced> defs, String where) {
        List<KbProblem> problems = KnowledgeBaseChecker.structuralProblems(defs);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("invalid knowledge base (" + where + "):");
            problems.stream().limit(20).forEach(p -> sb.append("\n  ").append(p));
            if (problems.size() > 20) {
                sb.append("\n  ... and ").append(problems.size() - 20).append(" more");
            }
            throw new KnowledgeBaseException(sb.toString());
        }
        return new KnowledgeBase(defs);
    }

    /** All problems, structural ones and alias collisions under {@code fold}. */
    public List<KbProblem> check(Function<String, String> fold) {
        List<KbProblem> out = new ArrayList<>(KnowledgeBaseChecker.structuralProblems(definitions));
        out.addAll(KnowledgeBaseChecker.aliasProblems(entities(), fold));
        return out;
    }

    /** Entity by id, if present. */
    public Optional<Entity> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Entity by id; fails when unknown. */
    public Entity get(String id) {
        Entity e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown entity id: " + id);
        }
        return e;
    }

    /** All entities in file order. */
    public List<Entity> entities() {
        return List.copyOf(byId.values());
    }

    /** Number of entities. */
    public int size() {
        return byId.size();
    }

    private static Entity toEntity(KnowledgeBaseFiles.Sourced s) {
        EntityDefinition d = s.definition();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        if (d.aliases() != null) {
            d.aliases()
                    .forEach(
                            (lang, list) ->
                                    aliases.put(lang, list == null ? List.of() : clean(list)));
        }
        List<String> sectors = new ArrayList<>();
        for (String slug : nullToEmpty(d.sectors())) {
            sectors.add(slug.startsWith("sector.") ? slug : "sector." + slug);
        }
        return new Entity(
                d.id(),
                EntityType.parse(d.type()),
                d.name() == null ? null : d.name().trim(),
                aliases,
                clean(nullToEmpty(d.tickers())),
                sectors,
                d.parent() == null || d.parent().isBlank() ? null : d.parent().trim(),
                new LinkedHashSet<>(clean(nullToEmpty(d.contextRequired()))),
                new LinkedHashSet<>(clean(nullToEmpty(d.evidenceRequired()))),
                new LinkedHashSet<>(clean(nullToEmpty(d.ambiguous()))),
                clean(nullToEmpty(d.context())),
                s.source());
    }

    private static List<String> clean(List<String> list) {
        List<String> out = new ArrayList<>(list.size());
        for (String s : list) {
            if (s != null && !s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
