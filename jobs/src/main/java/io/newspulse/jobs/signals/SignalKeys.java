package io.newspulse.jobs.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.WindowAggregate;

/** The keys the signal functions expect their input to be partitioned by. */
public final class SignalKeys {
    private SignalKeys() {}

    /** {@code keyKind:key}, e.g. {@code entity:nvidia}: for the mention and tone functions. */
    public static String aggregateKey(WindowAggregate aggregate) {
        return aggregate.keyKind() + ":" + aggregate.key();
    }

    /** The moved entity's id: for {@link PriceMoveFunction}. */
    public static String moveKey(MoveEvent event) {
        return event.move().entity();
    }

    /** {@code type:entityId}, e.g. {@code MENTION_SPIKE:nvidia}: for {@link AlertGateFunction}. */
    public static String alertKey(Alert alert) {
        return alert.type() + ":" + alert.entityId();
    }
}
