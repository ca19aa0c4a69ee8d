package io.newspulse.cli;

import io.newspulse.common.config.NewspulseConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set key=value}, shared by commands that need the config. */
final class ConfigOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file overriding config/newspulse.yaml defaults.")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one configuration key (repeatable).")
    List<String> sets = new ArrayList<>();

    NewspulseConfig load() {
        return NewspulseConfig.load(Optional.ofNullable(file), System.getenv(), sets);
    }
}
