package io.newspulse.jobs.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The one way tests get a Flink MiniCluster: one TaskManager with the given number of slots. */
public final class MiniClusters {
    private MiniClusters() {}

    /** A MiniCluster extension for {@code @RegisterExtension static} fields. */
    public static MiniClusterExtension withSlots(int slots) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .build());
    }
}
