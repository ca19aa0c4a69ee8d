package io.newspulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElasticsearchDistributionTest {

    private static final Path CWD = Path.of("/src/newspulse");
    private static final Path HOME = Path.of("/home/dev");
    private static final Path MAVEN_ZIP =
            Path.of(
                    "/home/dev/.m2/repository/org/elasticsearch/distribution/integ-test-zip",
                    "elasticsearch",
                    LocalElasticsearch.VERSION,
                    "elasticsearch-" + LocalElasticsearch.VERSION + ".zip");

    @Test
    void servicesDirFirstThenCodeTargetThenCurrentDirectoryThenMaven() {
        assertThat(
                        ElasticsearchDistribution.zipCandidates(
                                "/opt/services",
                                Optional.of(Path.of("/src/newspulse/local-services/target")),
                                CWD,
                                HOME))
                .containsExactly(
                        Path.of("/opt/services/elasticsearch.zip"),
                        Path.of("/src/newspulse/local-services/target/services/elasticsearch.zip"),
                        Path.of("/src/newspulse/cli/target/services/elasticsearch.zip"),
                        Path.of("/src/newspulse/e2e/target/services/elasticsearch.zip"),
                        Path.of("/src/newspulse/target/services/elasticsearch.zip"),
                        MAVEN_ZIP);
    }

    @Test
    void aBlankServicesDirAndNoCodeTargetAreSkipped() {
        assertThat(ElasticsearchDistribution.zipCandidates(" ", Optional.empty(), CWD, HOME))
                .containsExactly(
                        Path.of("/src/newspulse/cli/target/services/elasticsearch.zip"),
                        Path.of("/src/newspulse/e2e/target/services/elasticsearch.zip"),
                        Path.of("/src/newspulse/target/services/elasticsearch.zip"),
                        MAVEN_ZIP);
        assertThat(ElasticsearchDistribution.zipCandidates(null, Optional.empty(), CWD, HOME))
                .hasSize(4);
    }

    @Test
    void candidatesAreAbsoluteAndNormalised() {
        assertThat(
                        ElasticsearchDistribution.zipCandidates(
                                "services/../svc", Optional.empty(), CWD, HOME))
                .first()
                .isEqualTo(Path.of("svc/elasticsearch.zip").toAbsolutePath().normalize());
    }

    @Test
    void theInstallIsNamedAfterTheVersion() {
        assertThat(ElasticsearchDistribution.installDir(Path.of("/cache")))
                .isEqualTo(Path.of("/cache/elasticsearch-" + LocalElasticsearch.VERSION));
    }
}
