package io.newspulse.cli;

import io.newspulse.evaluation.ReutersFeed;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newspulse reuters-feed --corpus DIR --out FILE}: writes the Reuters-21578 SGML files of
 * {@code DIR} as news JSON lines ordered by time (see {@link ReutersFeed}), for {@code newspulse
 * demo --feed FILE} or {@code newspulse replay FILE}.
 */
@Command(
        name = "reuters-feed",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write the Reuters-21578 corpus as news JSON lines ordered by time.")
final class ReutersFeedCommand implements Callable<Integer> {
    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            required = true,
            description = "Folder of reut2-NNN.sgm files.")
    Path corpus;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Feed to write.")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(corpus)) {
            throw new CliException("no such folder: " + corpus, 2);
        }
        List<ReutersFeed.Line> lines = ReutersFeed.read(corpus);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ReutersFeed.Line l : lines) {
                w.write(l.json());
                w.newLine();
            }
        }
        spec.commandLine().getErr().println("wrote " + lines.size() + " articles to " + out);
        return 0;
    }
}
