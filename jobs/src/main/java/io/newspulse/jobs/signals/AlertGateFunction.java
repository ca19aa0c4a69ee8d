package io.newspulse.jobs.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.signals.AlertFactory;
import io.newspulse.common.signals.AlertHistory;
import io.newspulse.common.signals.AlertPolicy;
import io.newspulse.common.signals.AlertPolicy.Outcome;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.Signal;
import io.newspulse.common.signals.SignalType;
import java.time.Duration;
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
 * of a key applies to candidates timestamped before the end of its retention: the cooldown, or the
 * re-issue horizon when that is longer (a price move gathers evidence, and is re-emitted, for its
 * same-move window after its first report). A candidate timestamped at or after that end is judged
 * as if there were no history, whether or not the cleanup timer has fired yet: the timer fires on
 * the watermark, which reaches this operator from three inputs at a pace of its own, so when it
 * fires must not decide an alert. The timer clears the history {@code lateness} after the retention
 * ends, so that a late window revision still finds it; TTL is the backstop.
 *
 * <p>Metrics (operator scope): {@code alerts_<TYPE>} counts alerts let through (first and
 * escalated, not re-emissions), {@code alerts_escalated_<TYPE>} escalations and {@code
 * alerts_suppressed_<TYPE>} dropped candidates.
 */
public class AlertGateFunction extends KeyedProcessFunction<String, Alert, Alert> {
    private static final long serialVersionUID = 1L;

    private final AlertPolicy policy;
    private final long retentionMs;
    private final long latenessMs;

    private transient ValueState<AlertHistory> history;
    private transient Map<SignalType, Counter> emitted;
    private transient Map<SignalType, Counter> escalated;
    private transient Map<SignalType, Counter> suppressed;

    /**
     * @param settings cooldown and escalation settings
     * @param reissueHorizon how long after an alert's time a re-emission of it can come (the
     *     price-move same-move window)
     * @param lateness how far behind the watermark a candidate can still arrive (the windows'
     *     allowed lateness)
     */
    public AlertGateFunction(
            AlertPolicySettings settings, Duration reissueHorizon, Duration lateness) {
        this.policy = new AlertPolicy(settings);
        if (reissueHorizon == null || reissueHorizon.isNegative()) {
            throw new IllegalArgumentException(
                    "reissueHorizon must not be negative, was " + reissueHorizon);
        }
        if (lateness == null || lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative, was " + lateness);
        }
        Duration cooldown = settings.cooldown();
        this.retentionMs =
                (reissueHorizon.compareTo(cooldown) > 0 ? reissueHorizon : cooldown).toMillis();
        this.latenessMs = lateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<AlertHistory> descriptor =
                new ValueStateDescriptor<>("alert-history", AlertHistory.class);
        // A zero retention still needs a positive TTL; the timer clears the state anyway.
        descriptor.enableTimeToLive(
                SignalStateTtl.of(
                        Duration.ofMillis(2 * (retentionMs + latenessMs)).plusSeconds(60)));
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
        AlertHistory stored = history.value();
        AlertHistory previous =
                stored != null && now.toEpochMilli() >= retainedUntil(stored) ? null : stored;
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
        if (stored != null && !stored.emittedAt().equals(next.emittedAt())) {
            ctx.timerService().deleteEventTimeTimer(cleanupAt(stored));
        }
        history.update(next);
        ctx.timerService().registerEventTimeTimer(cleanupAt(next));
        out.collect(AlertFactory.reissued(candidate, outcome.alertId(), outcome.escalation()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        AlertHistory current = history.value();
        if (current != null && timestamp >= cleanupAt(current)) {
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

    /** The first candidate time the history no longer applies to. */
    private long retainedUntil(AlertHistory h) {
        return h.emittedAt().toEpochMilli() + retentionMs;
    }

    private long cleanupAt(AlertHistory h) {
        return retainedUntil(h) + latenessMs;
    }
}
