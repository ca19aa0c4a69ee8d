package io.newspulse.cli;

import io.newspulse.cli.setup.ElasticsearchSetup;
import io.newspulse.cli.setup.ElasticsearchSetupException;
import io.newspulse.cli.setup.EsClients;
import io.newspulse.cli.setup.LifecyclePolicy;
import io.newspulse.cli.setup.SecurityRoles;
import io.newspulse.common.config.NewspulseConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.elasticsearch.client.RestClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspulse es setup}: installs the index templates, the ILM policy (clusters with ILM), the
 * roles (clusters with security) and optionally the writer user. {@code newspulse es roles-yml}
 * prints the roles for a {@code roles.yml} (clusters with the file realm only).
 */
@Command(
        name = "es",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Elasticsearch administration.",
        subcommands = {EsCommand.Setup.class, EsCommand.RolesYml.class})
final class EsCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: setup or roles-yml");
    }

    /**
     * Installs or updates templates, ILM policy, roles and writer user.
     *
     * <p>Exit status: 0 everything done or skipped as not applicable; 2 configuration, options or
     * Elasticsearch unreachable; 3 credentials rejected or privileges missing; 4 a step failed (the
     * message says why, e.g. a cluster without a native role store).
     */
    @Command(
            name = "setup",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = {
                "Install index templates, ILM policy (when the cluster has ILM), the roles "
                        + SecurityRoles.WRITER
                        + " and "
                        + SecurityRoles.READER
                        + " (when security is on) and optionally the writer user.",
                "Admin credentials: NEWSPULSE_ES_USERNAME/NEWSPULSE_ES_PASSWORD; writer password:"
                        + " NEWSPULSE_ES_WRITER_PASSWORD.",
                "Exit status: 0 done, 2 bad input or unreachable, 3 credentials or privileges, 4 a"
                        + " step failed."
            })
    static final class Setup implements Callable<Integer> {
        static final String WRITER_PASSWORD_ENV = "NEWSPULSE_ES_WRITER_PASSWORD";

        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--retention-days",
                paramLabel = "N",
                description =
                        "Days every document is kept at least: the ILM policy deletes a monthly"
                                + " index N+"
                                + LifecyclePolicy.MONTH_DAYS
                                + " days after its creation (default: "
                                + LifecyclePolicy.DEFAULT_RETENTION_DAYS
                                + ").")
        int retentionDays = LifecyclePolicy.DEFAULT_RETENTION_DAYS;

        @Option(
                names = "--writer-user",
                paramLabel = "NAME",
                description =
                        "Create or update this user with role "
                                + SecurityRoles.WRITER
                                + ", password from "
                                + WRITER_PASSWORD_ENV
                                + ".")
        String writerUser;

        @Option(
                names = "--no-roles",
                description =
                        "Leave the roles alone (e.g. they are defined in roles.yml on the nodes).")
        boolean noRoles;

        @Override
        public Integer call() {
            if (retentionDays < 1) {
                throw new CliException("--retention-days must be at least 1", 2);
            }
            String writerPassword = writerUser == null ? null : System.getenv(WRITER_PASSWORD_ENV);
            if (writerUser != null && (writerPassword == null || writerPassword.length() < 6)) {
                throw new CliException(
                        "--writer-user needs "
                                + WRITER_PASSWORD_ENV
                                + " set to a password of at least 6 characters",
                        2);
            }
            ElasticsearchSetup.Options options;
            try {
                options =
                        new ElasticsearchSetup.Options(
                                retentionDays, !noRoles, writerUser, writerPassword);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 2);
            }
            NewspulseConfig cfg = config.load();
            PrintWriter out = spec.commandLine().getOut();
            ElasticsearchSetup.Report report;
            try (RestClient client = EsClients.restClient(cfg.elasticsearch())) {
                report = ElasticsearchSetup.run(client, cfg.elasticsearch(), options);
            } catch (ElasticsearchSetupException e) {
                throw new CliException(e.getMessage(), 3);
            } catch (IOException e) {
                throw new CliException(
                        "cannot reach Elasticsearch at "
                                + cfg.elasticsearch().hosts()
                                + ": "
                                + e.getMessage(),
                        2);
            }
            report.steps().forEach(out::println);
            out.flush();
            if (report.succeeded()) {
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    spec.qualifiedName()
                            + ": not complete, see the steps above"
                            + (report.forbidden() ? " (privileges missing)" : ""));
            return report.forbidden() ? 3 : 4;
        }
    }

    /** Prints the two roles as roles.yml for the configured index names. */
    @Command(
            name = "roles-yml",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description =
                    "Print the roles "
                            + SecurityRoles.WRITER
                            + " and "
                            + SecurityRoles.READER
                            + " as roles.yml, for clusters that only have the file realm.")
    static final class RolesYml implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            NewspulseConfig cfg = config.load();
            spec.commandLine().getOut().print(SecurityRoles.rolesYml(cfg.elasticsearch()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
