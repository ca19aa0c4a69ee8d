package io.newspulse.jobs.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.WindowAggregate;
import io.newspulse.common.signals.AlertFactory;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.BaselineTrack;
import io.newspulse.common.signals.Detection;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The common adapter of the windowed-baseline detectors: keeps one {@link BaselineTrack} per key
 * ({@code keyKind:key}), hands each aggregate to the detector, and emits the candidate alert
 * (before the {@link AlertGateFunction}'s cooldown). A key idle for {@code idleTimeout} after its
 * last window end is forgotten: an aggregate timestamped at or after that point starts a new
 * baseline whether or not the event-time timer that clears the state has fired yet (when it fires
 * depends on where the watermark falls between aggregates, which must not decide an alert); TTL
 * (twice that, processing time) is the backstop.
 */
abstract class WindowBaselineFunction extends KeyedProcessFunction<String, WindowAggregate, Alert> {
    private static final long serialVersionUID = 1L;

    private final String stateName;
    private final AlertFactory factory;
    private final long windowSizeMs;
    private final Duration idleTimeout;

    private transient ValueState<BaselineTrack> track;

    WindowBaselineFunction(
            String stateName,
            AlertPolicySettings alerts,
            Duration windowSize,
            Duration idleTimeout) {
        if (windowSize == null || windowSize.isNegative() || windowSize.isZero()) {
            throw new IllegalArgumentException("windowSize must be positive, was " + windowSize);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        this.stateName = stateName;
        this.factory = new AlertFactory(alerts);
        this.windowSizeMs = windowSize.toMillis();
        this.idleTimeout = idleTimeout;
    }

    /** Four EWMA horizons: by then the baseline has decayed to e^-8 of its mean anyway. */
    static Duration defaultIdleTimeout(Duration windowSize, int horizonWindows) {
        return windowSize.multipliedBy(4L * horizonWindows);
    }

    /** The detector's view of one aggregate. */
    abstract Detection detect(BaselineTrack previous, WindowAggregate aggregate);

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<BaselineTrack> descriptor =
                new ValueStateDescriptor<>(stateName, BaselineTrack.class);
        descriptor.enableTimeToLive(SignalStateTtl.of(idleTimeout.multipliedBy(2)));
        track = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(WindowAggregate aggregate, Context ctx, Collector<Alert> out)
            throws Exception {
        BaselineTrack stored = track.value();
        long at = aggregate.windowEnd().toEpochMilli() - 1;
        BaselineTrack previous = stored != null && at >= cleanupAt(stored) ? null : stored;
        Detection detection = detect(previous, aggregate);
        switch (detection.kind()) {
            case FIRST, NEW_WINDOW -> {
                if (stored != null) {
                    ctx.timerService().deleteEventTimeTimer(cleanupAt(stored));
                }
                track.update(detection.track());
                ctx.timerService().registerEventTimeTimer(cleanupAt(detection.track()));
            }
            case REVISION -> track.update(detection.track());
            case STALE -> {
                // Already folded into the baseline; judged against it, state unchanged.
            }
        }
        if (detection.signal().isPresent()) {
            Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
            out.collect(factory.fromWindow(detection.signal().get(), aggregate, now));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        BaselineTrack current = track.value();
        if (current != null && timestamp >= cleanupAt(current)) {
            track.clear();
        }
    }

    private long cleanupAt(BaselineTrack t) {
        return t.lastWindowStartMs() + windowSizeMs + idleTimeout.toMillis();
    }
}
