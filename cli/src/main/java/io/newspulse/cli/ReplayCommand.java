package io.newspulse.cli;

import io.newspulse.cli.feed.SampleFeed;
import io.newspulse.cli.replay.KafkaReplayPublisher;
import io.newspulse.cli.replay.ReplayException;
import io.newspulse.cli.replay.ReplaySource;
import io.newspulse.common.config.ConfigValues;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newspulse replay FILE | --synthetic [--count N] [--rate N] [--topic T] [--bootstrap
 * HOST:PORT] [--seed S] [--connect-timeout SECONDS]}: publishes news JSON lines to Kafka.
 *
 * <p>The command parses and checks its options; {@link KafkaReplayPublisher} does the work.
 *
 * <p>Each non-blank line of FILE ({@code -} for standard input) is one message, sent as is; its key
 * is the line's {@code id} when the line is a JSON object with one, else null (bad lines are sent
 * too: the enrichment job routes them to the dead-letter topic). {@code --synthetic} sends {@link
 * SampleFeed#live} instead, endlessly unless {@code --count} is given; Ctrl-C stops it after
 * flushing what was sent. A progress line goes to stderr every second; the command waits for every
 * acknowledgement before it exits.
 *
 * <p>Defaults for {@code --bootstrap} and {@code --topic} are the jobs' ({@code
 * NEWSPULSE_KAFKA_BOOTSTRAP_SERVERS}, else localhost:9092; {@code NEWSPULSE_TOPICS_RAW}, else
 * news.raw); SASL settings come from {@code NEWSPULSE_KAFKA_SECURITY_PROTOCOL}, {@code
 * NEWSPULSE_KAFKA_SASL_MECHANISM}, {@code NEWSPULSE_KAFKA_SASL_USERNAME} and {@code
 * NEWSPULSE_KAFKA_SASL_PASSWORD}, as for the jobs.
 *
 * <p>Exit status: 0 all sent and acknowledged; 1 some messages failed; 2 bad arguments, missing or
 * unreadable file, broker unreachable within the connect timeout, bad Kafka environment.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Publish news JSON lines (or a synthetic feed) to a Kafka topic.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..1",
            paramLabel = "FILE",
            description = "News JSON lines, one message per non-blank line ('-' for stdin).")
    Path file;

    @Option(
            names = "--synthetic",
            description = "Send the built-in multilingual sample feed instead of a file.")
    boolean synthetic;

    @Option(
            names = "--count",
            paramLabel = "N",
            description = "Stop after N messages (default: the whole file; --synthetic: endless).")
    Long count;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "0",
            description = "Messages per second; 0 sends as fast as possible (default).")
    double rate;

    @Option(
            names = "--topic",
            paramLabel = "T",
            description = "Topic (default: NEWSPULSE_TOPICS_RAW, else news.raw).")
    String topic;

    @Option(
            names = "--bootstrap",
            paramLabel = "HOST:PORT",
            description =
                    "Kafka bootstrap servers (default: NEWSPULSE_KAFKA_BOOTSTRAP_SERVERS, else"
                            + " localhost:9092).")
    String bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Seed of the synthetic feed (default: 42).")
    long seed;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long to wait for the broker (default: 10).")
    int connectTimeoutSeconds;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Environment, replaceable in tests. */
    Map<String, String> env = System.getenv();

    /** Where progress goes every second; replaceable in tests. */
    Duration progressInterval = Duration.ofSeconds(1);

    @Override
    public Integer call() {
        validate();
        String servers =
                bootstrap != null ? bootstrap : envOr("kafka.bootstrap_servers", "localhost:9092");
        String target = topic != null ? topic : envOr("topics.raw", "news.raw");
        PrintWriter err = spec.commandLine().getErr();
        try (ReplaySource source =
                synthetic
                        ? ReplaySource.synthetic(seed, Clock.systemUTC())
                        : ReplaySource.lines(file)) {
            KafkaReplayPublisher publisher =
                    new KafkaReplayPublisher(
                            new KafkaReplayPublisher.Settings(
                                    servers, target, rate, connectTimeoutSeconds, progressInterval),
                            env);
            publisher.checkReachable();
            return publisher.publish(source, count, err).failed() > 0 ? 1 : 0;
        } catch (ReplayException e) {
            throw new CliException(e.getMessage(), 2);
        }
    }

    private void validate() {
        CommandLine cli = spec.commandLine();
        if (synthetic == (file != null)) {
            throw new CommandLine.ParameterException(cli, "give either FILE or --synthetic");
        }
        if (rate < 0 || !Double.isFinite(rate)) {
            throw new CommandLine.ParameterException(cli, "--rate must be 0 or positive");
        }
        if (count != null && count < 0) {
            throw new CommandLine.ParameterException(cli, "--count must not be negative");
        }
        if (connectTimeoutSeconds < 1) {
            throw new CommandLine.ParameterException(cli, "--connect-timeout must be positive");
        }
    }

    /** The environment override of a config key (as the jobs read it), else the default. */
    private String envOr(String key, String fallback) {
        String v = env.get(ConfigValues.envName(key));
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
