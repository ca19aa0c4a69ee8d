package io.newspulse.e2e.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything this JVM logs at INFO and above (Flink, Kafka and Elasticsearch clients, newspulse),
 * written to a file while it is open, as a deployment's log file would hold it. The test logging
 * configuration keeps libraries at WARN; this raises the root logger to INFO until closed.
 */
public final class CapturedLog implements AutoCloseable {
    private final LoggerContext context;
    private final FileAppender appender;
    private final Level savedRootLevel;
    private final Path file;

    private CapturedLog(Path file) {
        this.file = file;
        this.context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        this.appender =
                FileAppender.newBuilder()
                        .setName("captured-" + file.getFileName())
                        .withFileName(file.toString())
                        .setLayout(
                                PatternLayout.newBuilder()
                                        .withPattern("%d %-5level [%t] %c - %msg%n%throwable")
                                        .build())
                        .setConfiguration(config)
                        .build();
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        this.savedRootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        // Named loggers (io.newspulse) are additive: their events reach the root's appenders too.
        root.addAppender(appender, Level.INFO, null);
        context.updateLoggers();
    }

    /** Starts capturing into {@code file} (its directory is created). */
    public static CapturedLog start(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        return new CapturedLog(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        root.setLevel(savedRootLevel);
        context.updateLoggers();
        appender.stop();
    }
}
