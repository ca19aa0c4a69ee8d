package io.newspulse.cli;

import io.newspulse.common.config.ConfigException;
import io.newspulse.common.kb.KnowledgeBaseException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns exceptions into one-line messages on stderr and an exit status; no stack traces. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (System.getenv("NEWSPULSE_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        String name = cli.getCommandSpec().qualifiedName();
        if (e instanceof CliException ce) {
            cli.getErr().println(name + ": " + ce.getMessage());
            return ce.exitCode();
        }
        if (e instanceof ConfigException) {
            cli.getErr().println(name + ": configuration: " + e.getMessage());
            return 2;
        }
        if (e instanceof KnowledgeBaseException) {
            cli.getErr().println(name + ": " + e.getMessage());
            return 3;
        }
        if (e instanceof UncheckedIOException u) {
            cli.getErr().println(name + ": " + u.getCause().getMessage());
            return 2;
        }
        cli.getErr().println(name + ": internal error: " + e);
        return 70;
    }
}
