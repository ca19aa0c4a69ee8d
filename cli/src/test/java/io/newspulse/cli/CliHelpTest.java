package io.newspulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --help} and {@code -h} on every command and subcommand print usage and exit 0. */
class CliHelpTest {

    /**
     * Every command path of the command line ({@code []}, {@code [es]}, {@code [es, setup]}...).
     */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new NewspulseCli()), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cli.getSubcommands()
                .forEach(
                        (name, sub) -> {
                            // Aliases repeat a subcommand under another name; walk each once.
                            if (!sub.getCommandName().equals(name)) {
                                return;
                            }
                            path.add(name);
                            collect(sub, path, out);
                            path.remove(path.size() - 1);
                        });
    }

    @ParameterizedTest(name = "newspulse {0} --help")
    @MethodSource("commandPaths")
    void longHelpPrintsUsageAndExitsZero(List<String> path) {
        assertHelp(path, "--help");
    }

    @ParameterizedTest(name = "newspulse {0} -h")
    @MethodSource("commandPaths")
    void shortHelpPrintsUsageAndExitsZero(List<String> path) {
        assertHelp(path, "-h");
    }

    @Test
    void walksEveryCommand() {
        assertThat(commandPaths())
                .contains(
                        List.of(),
                        List.of("demo"),
                        List.of("replay"),
                        List.of("es", "setup"),
                        List.of("kibana", "import"),
                        List.of("kb", "check"));
    }

    private static void assertHelp(List<String> path, String option) {
        List<String> args = new ArrayList<>(path);
        args.add(option);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = NewspulseCli.run(args.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String usage = out.toString(StandardCharsets.UTF_8);
        String command = String.join(" ", args);
        assertThat(status).as(command + " exit status; stderr: " + err).isZero();
        assertThat(usage)
                .as(command)
                .startsWith("Usage: " + String.join(" ", withRoot(path)))
                .contains("-h, --help");
        assertThat(err.toString(StandardCharsets.UTF_8)).as(command + " stderr").isEmpty();
    }

    private static List<String> withRoot(List<String> path) {
        List<String> names = new ArrayList<>();
        names.add("newspulse");
        names.addAll(path);
        return names;
    }
}
