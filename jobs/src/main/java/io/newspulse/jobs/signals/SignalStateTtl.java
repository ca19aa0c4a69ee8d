package io.newspulse.jobs.signals;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/** The TTL every signal state gets, as a backstop behind its event-time cleanup timer. */
final class SignalStateTtl {
    private SignalStateTtl() {}

    static StateTtlConfig of(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
    }
}
