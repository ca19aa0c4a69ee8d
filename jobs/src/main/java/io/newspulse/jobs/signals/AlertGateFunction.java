package io.newspulse.jobs.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.signals.AlertFactory;
import io.newspulse.common.signals.AlertHistory;
import io.newspulse.common.signals.AlertPolicy;
import io.newspulse.common.signals.AlertPolicy.Outcome;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.Signal;
import io.newspulse.common.signals.SignalType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Cooldown and escalation of candidate alerts keyed by {@code type:entityId} ({@link
 * SignalKeys#alertKey}), by {@link AlertPolicy}: a first alert goes out; within the cooldown a
 * candidate that grew by the escalation factor or rose in severity goes out escalated (new id,
 * level + 1), others are dropped; a re-emission of a candidate id already let through (late window
 * data, more price-move evidence) goes out again under the id it first went out with.
 *
 * <p>Time is the candidate's event timestamp (its {@code createdAt} when it has none). The history
 * is cleared by an event-time timer when the cooldown ends; TTL of twice the cooldown is the
 * backstop.
 *
 * <p>Metrics (operator scope): {@code alerts_<TYPE>} counts alerts let through (first and
 * escalated, not re-emissions), {@code alerts_escalated_<TYPE>} escalations and {@code
 * alerts_suppressed_<TYPE>} dropped candidates.
 */
public class AlertGateFunction extends KeyedProcessFunction<String, Alert, Alert> {
    private static final long serialVersionUID = 1L;

    private final AlertPolicy policy;

    private transient ValueState<AlertHistory> history;
    private transient Map<SignalType, Counter> emitted;
    private transient Map<SignalType, Counter> escalated;
    private transient Map<SignalType, Counter> suppressed;

    /**
     * @param settings cooldown and escalation settings
     */
    public AlertGateFunction(AlertPolicySettings settings) {
        this.policy = new AlertPolicy(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<AlertHistory> descriptor =
                new ValueStateDescriptor<>("alert-history", AlertHistory.class);
        // A zero cooldown still needs a positive TTL; the timer clears the state anyway.
        descriptor.enableTimeToLive(
                SignalStateTtl.of(policy.settings().cooldown().multipliedBy(2).plusSeconds(60)));
        history = getRuntimeContext().getState(descriptor);

        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        emitted = new EnumMap<>(SignalType.class);
        escalated = new EnumMap<>(SignalType.class);
        suppressed = new EnumMap<>(SignalType.class);
        for (SignalType type : SignalType.values()) {
            emitted.put(type, metrics.counter("alerts_" + type.name()));
            escalated.put(type, metrics.counter("alerts_escalated_" + type.name()));
            suppressed.put(type, metrics.counter("alerts_suppressed_" + type.name()));
        }
    }

    @Override
    public void processElement(Alert candidate, Context ctx, Collector<Alert> out)
            throws Exception {
        Signal signal = Signal.fromAlert(candidate);
        Instant now =
                ctx.timestamp() != null
                        ? Instant.ofEpochMilli(ctx.timestamp())
                        : candidate.createdAt();
        AlertHistory previous = history.value();
        Outcome outcome =
                policy.apply(previous, candidate.alertId(), candidate.windowStart(), signal, now);
        switch (outcome.decision()) {
            case SUPPRESS -> {
                suppressed.get(signal.type()).inc();
                return;
            }
            case ESCALATE -> {
                escalated.get(signal.type()).inc();
                emitted.get(signal.type()).inc();
            }
            case EMIT -> emitted.get(signal.type()).inc();
            case UPDATE -> {}
        }
        AlertHistory next = outcome.history();
        if (previous != null && !previous.emittedAt().equals(next.emittedAt())) {
            ctx.timerService().deleteEventTimeTimer(expiry(previous));
        }
        history.update(next);
        ctx.timerService().registerEventTimeTimer(expiry(next));
        out.collect(AlertFactory.reissued(candidate, outcome.alertId(), outcome.escalation()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        AlertHistory current = history.value();
        if (current != null && timestamp >= expiry(current)) {
            history.clear();
        }
    }

    /** Alerts let through so far for a type (first and escalated); for tests. */
    long emittedCount(SignalType type) {
        return emitted.get(type).getCount();
    }

    /** Candidates suppressed so far for a type; for tests. */
    long suppressedCount(SignalType type) {
        return suppressed.get(type).getCount();
    }

    private long expiry(AlertHistory h) {
        return policy.expiry(h).toEpochMilli();
    }
}
