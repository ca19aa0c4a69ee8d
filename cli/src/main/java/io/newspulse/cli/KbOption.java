package io.newspulse.cli;

import io.newspulse.common.kb.KnowledgeBase;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --kb DIR} option shared by commands that load the knowledge base. */
final class KbOption {
    @Option(
            names = "--kb",
            paramLabel = "DIR",
            description =
                    "Knowledge-base folder of *.yaml files (default: NEWSPULSE_KB, else the"
                            + " copy embedded in the jar).")
    Path dir;

    Optional<Path> folder() {
        if (dir != null) {
            return Optional.of(dir);
        }
        String env = System.getenv("NEWSPULSE_KB");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env));
    }

    KnowledgeBase load() {
        return KnowledgeBase.loadOrEmbedded(folder());
    }

    KnowledgeBase loadUnchecked() {
        return folder().map(KnowledgeBase::unchecked).orElseGet(KnowledgeBase::uncheckedEmbedded);
    }
}
