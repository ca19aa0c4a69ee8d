package io.newspulse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newspulse} command line.
 *
 * <pre>
 * newspulse tag [--pretty] [--kb DIR] [FILE...]   tag plain text or news JSON lines
 * newspulse kb check [--kb DIR]                   validate the entity knowledge base
 * newspulse kb stats [--kb DIR]                   count entities and aliases (one JSON object)
 * newspulse es setup [--config FILE] [--set K=V] [--retention-days N] [--writer-user NAME]
 *                    [--no-roles]                 install index templates, ILM policy, roles and
 *                                                 the writer user into Elasticsearch
 * newspulse es roles-yml [--config FILE] [--set K=V]
 *                                                 print the roles for a file-realm roles.yml
 * newspulse kibana import --url URL [--overwrite] [--config FILE] [--set K=V] [--timeout S]
 *                                                 import the newspulse data views and dashboards
 * newspulse demo [--once] [--ui-port P] [--timeout S] [--seed N] [--feed FILE]
 *                                                 run the pipeline end to end locally
 * newspulse eval [--corpora DIR] [--kb DIR] [--limit N] [--corpus NAME]
 *                                                 precision and recall on research corpora
 * newspulse replay FILE | --synthetic [--count N] [--rate N] [--topic T] [--bootstrap HOST:PORT]
 *                  [--seed S] [--connect-timeout SECONDS]
 *                                                 publish news JSON lines (or a sample feed) to Kafka
 * newspulse reuters-feed --corpus DIR --out FILE  write Reuters-21578 as news JSON lines by time
 * newspulse bench [--articles N] [--loads N,N] [--duration S] [--skip-es] ...
 *                                                 end-to-end throughput, latency and state
 * </pre>
 *
 * <p>Every command prints a clear message and exits non-zero on bad input; none prints a stack
 * trace unless {@code NEWSPULSE_DEBUG=1}.
 */
@Command(
        name = "newspulse",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Real-time multilingual market news to trading signals.",
        subcommands = {
            TagCommand.class,
            KbCommand.class,
            EvalCommand.class,
            EsCommand.class,
            KibanaCommand.class,
            ReplayCommand.class,
            ReutersFeedCommand.class,
            DemoCommand.class,
            BenchCommand.class
        })
public final class NewspulseCli implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new NewspulseCli());
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli.execute(args);
    }
}
