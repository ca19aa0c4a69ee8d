package io.newspulse.jobs.story;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * State TTL of the story operators: a backstop behind their cleanup timers (processing time, from
 * the last write, expired values never returned).
 */
final class StoryStateTtl {
    private StoryStateTtl() {}

    static StateTtlConfig of(long ttlMillis) {
        return StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
    }
}
