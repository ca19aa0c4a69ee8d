package io.newspulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeConfigurationTest {

    private static final Path DATA = Path.of("/work/nodes/run-1/data");
    private static final Path LOGS = Path.of("/work/nodes/run-1/logs");

    @Test
    void aPlainNodeIsOneLoopbackNodeWithSecurityOff() {
        assertThat(NodeConfiguration.elasticsearchYml(9200, 9300, DATA, LOGS, false))
                .isEqualTo(
                        """
                        # Written by io.newspulse.local.LocalElasticsearch
                        cluster.name: newspulse-local
                        node.name: newspulse-local
                        network.host: 127.0.0.1
                        http.port: 9200
                        transport.port: 9300
                        discovery.type: single-node
                        path.data: "/work/nodes/run-1/data"
                        path.logs: "/work/nodes/run-1/logs"
                        cluster.routing.allocation.disk.threshold_enabled: false
                        xpack.security.enabled: false
                        """);
    }

    @Test
    void aSecuredNodeKeepsHttpAndTransportPlain() {
        assertThat(NodeConfiguration.elasticsearchYml(9200, 9300, DATA, LOGS, true))
                .endsWith(
                        """
                        xpack.security.enabled: true
                        xpack.security.http.ssl.enabled: false
                        xpack.security.transport.ssl.enabled: false
                        """);
    }

    @Test
    void pathsAreQuotedYamlStrings() {
        String yml =
                NodeConfiguration.elasticsearchYml(
                        1, 2, Path.of("/a \"b\"/data"), Path.of("/c\\d/logs"), false);

        assertThat(yml)
                .contains("path.data: \"/a \\\"b\\\"/data\"\n")
                .contains("path.logs: \"/c\\\\d/logs\"\n");
    }

    @Test
    void gcLogAndCrashFilesMoveIntoTheNodesLogs() {
        String stock =
                "-Xlog:gc*,gc+age=trace,safepoint:file=gc.log:utctime,level,pid,tags:filecount=32\n"
                        + "-XX:ErrorFile=hs_err_pid%p.log\n"
                        + "-XX:+UseG1GC\n";

        assertThat(NodeConfiguration.jvmOptions(stock, LOGS))
                .isEqualTo(
                        "-Xlog:gc*,gc+age=trace,safepoint:file=/work/nodes/run-1/logs/gc.log"
                                + ":utctime,level,pid,tags:filecount=32\n"
                                + "-XX:ErrorFile=/work/nodes/run-1/logs/hs_err_pid%p.log\n"
                                + "-XX:+UseG1GC\n");
    }

    @Test
    void heapAndLocalJvmOptions() {
        assertThat(NodeConfiguration.heapOptions("512m")).isEqualTo("-Xms512m\n-Xmx512m\n");
        assertThat(NodeConfiguration.localJvmOptions(LOGS))
                .isEqualTo("-XX:TieredStopAtLevel=1\n-XX:HeapDumpPath=/work/nodes/run-1/logs\n");
    }
}
