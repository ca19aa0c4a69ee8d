package io.newspulse.jobs;

import io.newspulse.common.config.NewspulseConfig;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Applies checkpointing, state backend and parallelism from the configuration, and publishes the
 * effective configuration as the jobs' global parameters.
 */
public final class JobEnvironment {
    private JobEnvironment() {}

    /** Configures {@code env} for a newspulse job. */
    public static void configure(StreamExecutionEnvironment env, NewspulseConfig cfg) {
        NewspulseConfig.Checkpoints c = cfg.checkpoints();
        Configuration conf = new Configuration();
        conf.set(
                StateBackendOptions.STATE_BACKEND,
                c.stateBackend() == NewspulseConfig.StateBackend.ROCKSDB ? "rocksdb" : "hashmap");
        if (c.stateBackend() == NewspulseConfig.StateBackend.ROCKSDB) {
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        }
        if (c.dir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, c.dir());
        }
        env.configure(conf, JobEnvironment.class.getClassLoader());
        // The effective configuration in the web UI's job configuration tab; secrets are not
        // configuration keys (they come from the environment), so none is shown.
        env.getConfig().setGlobalJobParameters(Configuration.fromMap(cfg.effective()));
        env.enableCheckpointing(c.interval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        if (cfg.parallelism() != null) {
            env.setParallelism(cfg.parallelism());
        }
    }
}
