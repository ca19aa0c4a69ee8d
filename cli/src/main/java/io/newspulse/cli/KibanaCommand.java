package io.newspulse.cli;

import io.newspulse.cli.kibana.KibanaImportClient;
import io.newspulse.cli.kibana.KibanaImportClient.ImportResult;
import io.newspulse.cli.kibana.KibanaImportException;
import io.newspulse.cli.kibana.KibanaSavedObjects;
import io.newspulse.common.config.NewspulseConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspulse kibana import}: imports the bundled saved objects ({@link KibanaSavedObjects})
 * through Kibana's saved objects import API ({@link KibanaImportClient}).
 */
@Command(
        name = "kibana",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Kibana administration.",
        subcommands = {KibanaCommand.Import.class})
final class KibanaCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: import");
    }

    /**
     * POSTs the saved objects to {@code URL/api/saved_objects/_import} as multipart form data with
     * a {@code kbn-xsrf} header and basic auth from {@code NEWSPULSE_KIBANA_USERNAME}/{@code
     * NEWSPULSE_KIBANA_PASSWORD}, else {@code NEWSPULSE_ES_USERNAME}/{@code NEWSPULSE_ES_PASSWORD}.
     * Data view titles follow the configured index names.
     *
     * <p>Exit status: 0 all imported; 1 Kibana reported errors (conflicts, missing references) or
     * refused the request; 2 bad input or Kibana unreachable; 3 credentials rejected or privileges
     * missing.
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = {
                "Import the newspulse data views and dashboards into Kibana.",
                "Credentials: NEWSPULSE_KIBANA_USERNAME/NEWSPULSE_KIBANA_PASSWORD, else"
                        + " NEWSPULSE_ES_USERNAME/NEWSPULSE_ES_PASSWORD.",
                "Exit status: 0 imported, 1 Kibana reported errors, 2 bad input or unreachable, 3"
                        + " credentials or privileges."
            })
    static final class Import implements Callable<Integer> {
        @Mixin ConfigOption config;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "Kibana base URL, e.g. http://kibana:5601.")
        String url;

        @Option(
                names = "--overwrite",
                description = "Replace saved objects that already exist (same ids).")
        boolean overwrite;

        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                description = "Connect and request timeout in seconds (default: 60).")
        int timeoutSeconds = 60;

        @Override
        public Integer call() {
            URI base = baseUri(url);
            if (timeoutSeconds < 1) {
                throw new CliException("--timeout must be at least 1 second", 2);
            }
            try {
                String authorization = KibanaImportClient.authorization(System.getenv());
                NewspulseConfig cfg = config.load();
                byte[] ndjson = KibanaSavedObjects.ndjson(cfg.elasticsearch());
                KibanaImportClient client =
                        new KibanaImportClient(
                                base, Duration.ofSeconds(timeoutSeconds), authorization);
                return report(base, client.importObjects(ndjson, overwrite));
            } catch (KibanaImportException e) {
                throw new CliException(e.getMessage(), exitStatus(e.reason()));
            }
        }

        private static int exitStatus(KibanaImportException.Reason reason) {
            return switch (reason) {
                case BAD_INPUT, UNREACHABLE -> 2;
                case NOT_AUTHORIZED -> 3;
                case REFUSED -> 1;
            };
        }

        private int report(URI base, ImportResult result) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    "imported " + result.successCount() + " saved objects into Kibana at " + base);
            if (result.complete()) {
                for (String dashboard : KibanaSavedObjects.DASHBOARDS) {
                    out.println("  " + base.resolve("app/dashboards#/view/" + dashboard));
                }
                out.flush();
                return 0;
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    spec.qualifiedName()
                            + ": Kibana reported "
                            + result.errors().size()
                            + " error(s)"
                            + (result.conflicts()
                                    ? " (objects exist already: re-run with --overwrite)"
                                    : "")
                            + ":");
            result.errors().forEach(e -> err.println("  " + e));
            err.flush();
            return 1;
        }

        private static URI baseUri(String url) {
            try {
                URI uri = new URI(url.endsWith("/") ? url : url + "/");
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                        || uri.getHost() == null) {
                    throw new CliException(
                            "--url must be an http:// or https:// URL, got " + url, 2);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new CliException("--url is not a valid URL: " + url, 2);
            }
        }
    }
}
