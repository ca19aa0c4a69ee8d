package io.newspulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.kb.KbProblem;
import io.newspulse.common.kb.KnowledgeBase;
import io.newspulse.common.kb.KnowledgeBaseStats;
import io.newspulse.common.text.TextNormalizer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspulse kb check|stats|import}. */
@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Validate or summarise the entity knowledge base.",
        subcommands = {KbCommand.Check.class, KbCommand.Stats.class, KbCommand.Import.class})
final class KbCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: check, stats or import");
    }

    /**
     * Fails (exit 1) on duplicate ids, undeclared alias collisions, missing English names,
     * malformed tickers, unknown types, sectors and parents.
     */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Validate the knowledge base; exit 1 on defects.")
    static final class Check implements Callable<Integer> {
        @Mixin KbOption kb;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            KnowledgeBase base = kb.loadUnchecked();
            TextNormalizer normalizer = new TextNormalizer();
            List<KbProblem> problems = base.check(normalizer::fold);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println(p));
            if (problems.isEmpty()) {
                out.println("knowledge base ok: " + base.size() + " entities");
                return 0;
            }
            err.println(problems.size() + " problem(s) in the knowledge base");
            return 1;
        }
    }

    /** Prints {@code {"entities", "aliases", "by_type", "by_language"}}. */
    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Print knowledge-base counts as one JSON object.")
    static final class Stats implements Runnable {
        @Mixin KbOption kb;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            KnowledgeBaseStats s = KnowledgeBaseStats.of(kb.load());
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode n = mapper.createObjectNode();
            n.put("entities", s.entities());
            n.put("aliases", s.aliases());
            n.put("tickers", s.tickers());
            ObjectNode types = n.putObject("by_type");
            s.byType().forEach(types::put);
            ObjectNode langs = n.putObject("by_language");
            s.byLanguage().forEach(langs::put);
            spec.commandLine().getOut().println(n);
        }
    }

    /**
     * {@code kb import [--listings DIR] [--out DIR]}: regenerates {@code OUT/listed/*.yaml} from
     * the listing files (see docs/knowledge-base.md); curated files in OUT win.
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Generate the listed-securities knowledge base from listing files.")
    static final class Import implements Runnable {
        @CommandLine.Option(
                names = "--listings",
                paramLabel = "DIR",
                description = "Listing files (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path listings = java.nio.file.Path.of("../shared/listings");

        @CommandLine.Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Entities folder with the curated files (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path out = java.nio.file.Path.of("config/entities");

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            TextNormalizer normalizer = new TextNormalizer();
            var result =
                    new io.newspulse.common.kb.listing.ListingImporter(normalizer::fold)
                            .run(listings, out);
            PrintWriter w = spec.commandLine().getOut();
            result.perMarket().forEach((m, n) -> w.println(m + ": " + n));
            w.println("generated " + result.total() + " entities in " + out.resolve("listed"));
        }
    }
}
