package io.newspulse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.analysis.DocumentAnalyzer;
import io.newspulse.evaluation.CorpusEvaluation;
import io.newspulse.evaluation.CorpusReport;
import io.newspulse.evaluation.MentionStats;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspulse eval [--corpora DIR] [--kb DIR] [--limit N] [--corpus NAME]... [--errors N]
 * [--sample N] [--seed N]}: precision and recall of the tagger on the research corpora, and move
 * recall and precision on the labelled move sets kept in the repository ({@code --corpus moves}:
 * the tuning set, then the held-out set, each reported per language), and sector recall and
 * precision on the held-out sector set ({@code --corpus sectors}, per language).
 *
 * <p>Prints a block of figures per corpus (per set and language for {@code moves} and {@code
 * sectors}), then one JSON summary line. When no corpora folder is found it says so, scores the
 * move and sector sets alone when they are selected, and exits 0: the corpora are optional research
 * data, never part of the build. The folder is {@code --corpora}, else {@code NEWSPULSE_CORPORA},
 * else {@code ../shared/corpora} relative to the working directory, else relative to the repository
 * root. Figures are explained in docs/quality.md.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Score the tagger on the research corpora and the labelled move and sector sets (see"
                        + " docs/quality.md).")
final class EvalCommand implements Callable<Integer> {
    @Option(
            names = "--corpora",
            paramLabel = "DIR",
            description =
                    "Corpora folder (default: NEWSPULSE_CORPORA, else ../shared/corpora from the"
                            + " working directory or the repository root).")
    Path corpora;

    @Mixin KbOption kb;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Documents per corpus (default: all; the move set is always whole).")
    int limit;

    @Option(
            names = "--corpus",
            paramLabel = "NAME",
            description =
                    "Corpus to evaluate, repeatable (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = CorpusNames.class)
    List<String> names = new ArrayList<>();

    @Option(
            names = "--errors",
            paramLabel = "N",
            description = "Also print the N most frequent error patterns per category.")
    int errors;

    @Option(
            names = "--sample",
            paramLabel = "N",
            description = "Also print N random mentions of the unlabelled corpora, to judge.")
    int sample;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the --sample draw (default: ${DEFAULT-VALUE}).")
    long seed = 20240601L;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The corpus names, for picocli's help and completion. */
    static final class CorpusNames extends ArrayList<String> {
        CorpusNames() {
            super(CorpusEvaluation.CORPORA);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 0 || errors < 0 || sample < 0) {
            throw new CliException("--limit, --errors and --sample must be 0 or more", 2);
        }
        Set<String> unknown = new LinkedHashSet<>(names);
        unknown.removeAll(CorpusEvaluation.CORPORA);
        if (!unknown.isEmpty()) {
            throw new CliException(
                    "unknown corpus: "
                            + String.join(", ", unknown)
                            + " (known: "
                            + String.join(", ", CorpusEvaluation.CORPORA)
                            + ")",
                    2);
        }
        List<String> selected = names.isEmpty() ? CorpusEvaluation.CORPORA : names;
        List<Path> tried = candidates();
        Optional<Path> dir = tried.stream().filter(Files::isDirectory).findFirst();
        if (dir.isEmpty()) {
            out.println(
                    "corpora folder not found: "
                            + String.join(", ", tried.stream().map(Path::toString).toList())
                            + " (skipping)");
            out.flush();
            // the labelled move and sector sets are in the repository: score them alone
            selected = selected.stream().filter(CorpusEvaluation.IN_REPOSITORY::contains).toList();
            if (selected.isEmpty()) {
                return 0;
            }
        }
        long started = System.nanoTime();
        DocumentAnalyzer analyzer = DocumentAnalyzer.create(kb.load());
        CorpusEvaluation evaluation =
                new CorpusEvaluation(
                        analyzer,
                        dir.orElse(null),
                        new CorpusEvaluation.Options(limit, errors, sample, seed));
        out.println(
                "newspulse eval  corpora="
                        + dir.map(Path::toString).orElse("none")
                        + "  kb_entities="
                        + analyzer.knowledgeBase().size()
                        + "  limit="
                        + (limit == 0 ? "all" : limit));
        List<CorpusReport> reports = evaluation.run(selected);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("date", LocalDate.now().toString());
        summary.put("limit", limit);
        summary.put("kb_entities", analyzer.knowledgeBase().size());
        ObjectNode byCorpus = summary.putObject("corpora");
        for (CorpusReport r : reports) {
            print(out, r);
            byCorpus.set(
                    r.name(),
                    r.skipped() != null
                            ? mapper.createObjectNode().put("skipped", r.skipped())
                            : mapper.valueToTree(r.metrics()));
        }
        summary.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        out.println(summary);
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, CorpusReport r) {
        out.println();
        if (r.skipped() != null) {
            out.println(r.name() + ": skipped (" + r.skipped() + ")");
            return;
        }
        out.println(r.name());
        r.metrics().forEach((k, v) -> out.printf("  %-28s %s%n", k, json(v)));
        r.notes().forEach(n -> out.println("  # " + n));
        if (errors > 0) {
            for (var e : r.errors().entrySet()) {
                out.println("  " + e.getKey() + ":");
                for (Map.Entry<String, Integer> p : e.getValue()) {
                    out.printf("    %5d  %s%n", p.getValue(), p.getKey());
                }
            }
        }
        if (!r.sample().isEmpty()) {
            out.println("  sample of mentions (judge by hand):");
            int i = 1;
            for (MentionStats.Sample s : r.sample()) {
                out.printf(
                        "    %3d  %-28s %s [[%s]] %s   (%s %s)%n",
                        i++,
                        s.entityId(),
                        s.before(),
                        s.text(),
                        s.after(),
                        s.source(),
                        s.documentId());
            }
        }
    }

    private String json(Object v) {
        if (v instanceof Number || v instanceof String) {
            return String.valueOf(v);
        }
        try {
            return mapper.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** Where to look for the corpora, in order. */
    private List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        if (corpora != null) {
            out.add(corpora);
            return out;
        }
        String env = System.getenv("NEWSPULSE_CORPORA");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env));
            return out;
        }
        Path cwd = Path.of("").toAbsolutePath();
        out.add(cwd.resolve("../shared/corpora").normalize());
        repoRoot(cwd)
                .map(root -> root.resolve("../shared/corpora").normalize())
                .filter(p -> !out.contains(p))
                .ifPresent(out::add);
        return out;
    }

    /**
     * The repository root: the nearest folder up from {@code cwd} holding {@code mvnw} and {@code
     * common/}, else the folder two levels above the jar ({@code cli/target/newspulse-cli.jar}).
     */
    private static Optional<Path> repoRoot(Path cwd) {
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("common"))) {
                return Optional.of(p);
            }
        }
        try {
            Path jar =
                    Path.of(
                            EvalCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null && root.getParent() != null) {
                return Optional.of(root.getParent());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: fall back to the working directory only
        }
        return Optional.empty();
    }
}
