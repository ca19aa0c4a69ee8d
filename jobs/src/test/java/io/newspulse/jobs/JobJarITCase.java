package io.newspulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar a cluster runs holds the jobs and their libraries, and nothing of the CLI. */
class JobJarITCase {
    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        Path jar = Path.of(System.getProperty("newspulse.job.jar", "target/newspulse.jar"));
        assertThat(jar).as("the shaded job jar, built by `package`").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
        }
        assertThat(Files.size(jar)).isPositive();
    }

    @Test
    void holdsBothJobsTheirLibrariesAndTheEmbeddedDefaults() {
        assertThat(entries)
                .contains(
                        "io/newspulse/jobs/enrichment/EnrichmentJob.class",
                        "io/newspulse/jobs/signals/SignalsJob.class",
                        "io/newspulse/connector/elasticsearch/ElasticsearchSink.class",
                        "io/newspulse/common/tag/EntityTagger.class",
                        "newspulse/config/newspulse.yaml",
                        "org/apache/flink/connector/kafka/sink/KafkaSink.class");
    }

    @Test
    void holdsNoCommandLineNoLocalServicesAndNoFlinkRuntime() {
        assertThat(entries)
                .noneMatch(e -> e.startsWith("picocli/"))
                .noneMatch(e -> e.startsWith("io/newspulse/cli/"))
                .noneMatch(e -> e.startsWith("io/newspulse/local/"))
                .noneMatch(e -> e.startsWith("io/newspulse/evaluation/"))
                .noneMatch(e -> e.startsWith("org/apache/kafka/common/test/"))
                .noneMatch(e -> e.startsWith("org/apache/flink/runtime/"))
                .noneMatch(e -> e.startsWith("org/apache/flink/streaming/api/environment/"));
    }

    @Test
    void namesNoMainClass() throws IOException {
        Path jar = Path.of(System.getProperty("newspulse.job.jar", "target/newspulse.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isNull();
        }
    }
}
