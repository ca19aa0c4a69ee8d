package io.newspulse.jobs;

import io.newspulse.common.config.ConfigException;
import io.newspulse.common.config.NewspulseConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arguments of the job main classes: {@code [--config FILE] [--set key=value]...}. Keys are those
 * of {@code config/newspulse.yaml}; environment variables apply between the file and the flags.
 */
public final class JobArgs {
    private static final Logger LOG = LoggerFactory.getLogger(JobArgs.class);

    private JobArgs() {}

    /** Parses the arguments and loads the configuration; fails with a clear message. */
    public static NewspulseConfig config(String[] args) {
        Optional<Path> file = Optional.empty();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--config") || a.equals("--set")) && i + 1 >= args.length) {
                throw new ConfigException(a + " needs a value");
            }
            switch (a) {
                case "--config" -> file = Optional.of(Path.of(args[++i]));
                case "--set" -> sets.add(args[++i]);
                default ->
                        throw new ConfigException(
                                "unknown argument '"
                                        + a
                                        + "'; usage: [--config FILE] [--set key=value]...");
            }
        }
        NewspulseConfig cfg = NewspulseConfig.load(file, System.getenv(), sets);
        cfg.warnings().forEach(LOG::warn);
        return cfg;
    }
}
