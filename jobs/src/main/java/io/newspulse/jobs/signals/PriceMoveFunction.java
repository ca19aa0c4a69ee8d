package io.newspulse.jobs.signals;

import io.newspulse.common.model.Alert;
import io.newspulse.common.model.ArticleMove;
import io.newspulse.common.signals.AlertFactory;
import io.newspulse.common.signals.AlertPolicySettings;
import io.newspulse.common.signals.PriceMoveRule;
import io.newspulse.common.signals.PriceMoveSettings;
import io.newspulse.common.signals.PriceMoveTrack;
import io.newspulse.common.signals.ReportedMove;
import io.newspulse.common.signals.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Candidate {@code PRICE_MOVE} alerts from reported moves keyed by entity id ({@link
 * SignalKeys#moveKey}).
 *
 * <p>The first report at or over its threshold raises an alert and starts tracking the move. A
 * later report of the same move ({@link PriceMoveRule#sameMove}: same direction, size within the
 * tolerance, within {@code sameMoveWindow} of the first report; its own size may be under the
 * threshold) re-emits the <em>same</em> alert id with the report added to the evidence, so
 * consumers and Elasticsearch overwrite the alert. A report already counted for a tracked move
 * changes nothing, also once the evidence is full and also when another tracked move is now the
 * closer match: {@code news.enriched} is at-least-once, so after a failover the articles since the
 * enrichment job's last checkpoint arrive again, and counting them twice would re-emit the alert
 * with an inflated count (TaskManagerFailoverITCase found exactly that). Tracked moves and their
 * counted articles are dropped by an event-time timer when their window ends; TTL of {@code
 * sameMoveWindow} is the backstop.
 */
public class PriceMoveFunction extends KeyedProcessFunction<String, MoveEvent, Alert> {
    private static final long serialVersionUID = 1L;

    private final PriceMoveRule rule;
    private final AlertFactory factory;
    private final int maxEvidence;

    /** Tracked moves of the key by alert id. */
    private transient MapState<String, PriceMoveTrack> moves;

    /** Reports counted for a tracked move ({@link #reportKey}), to the move's expiry (ms). */
    private transient MapState<String, Long> counted;

    /**
     * @param settings price move settings
     * @param alerts alert settings (evidence cap)
     */
    public PriceMoveFunction(PriceMoveSettings settings, AlertPolicySettings alerts) {
        this.rule = new PriceMoveRule(settings);
        this.factory = new AlertFactory(alerts);
        this.maxEvidence = alerts.maxEvidence();
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, PriceMoveTrack> descriptor =
                new MapStateDescriptor<>("price-moves", String.class, PriceMoveTrack.class);
        descriptor.enableTimeToLive(SignalStateTtl.of(rule.settings().sameMoveWindow()));
        moves = getRuntimeContext().getMapState(descriptor);
        MapStateDescriptor<String, Long> countedDescriptor =
                new MapStateDescriptor<>("price-move-reports", String.class, Long.class);
        countedDescriptor.enableTimeToLive(SignalStateTtl.of(rule.settings().sameMoveWindow()));
        counted = getRuntimeContext().getMapState(countedDescriptor);
    }

    @Override
    public void processElement(MoveEvent event, Context ctx, Collector<Alert> out)
            throws Exception {
        if (!"price".equals(event.move().kind())) {
            return;
        }
        Instant reportedAt = Instant.ofEpochMilli(event.eventTime());
        Alert.Evidence evidence =
                new Alert.Evidence(event.articleId(), event.title(), event.url(), event.snippet());
        // A report counts for one tracked move at most: checked before choosing the track,
        // because a move tracked since the first delivery may now be the closer match.
        String report = reportKey(event);
        if (counted.contains(report)) {
            return;
        }
        PriceMoveTrack known = closestSameMove(ReportedMove.of(event.move(), reportedAt));
        if (known != null) {
            counted.put(report, expiresAt(known));
            PriceMoveTrack grown = known.withReport(evidence, maxEvidence);
            if (grown != known) {
                moves.put(grown.alertId(), grown);
                out.collect(alertOf(grown));
            }
            return;
        }
        Optional<Signal> signal = rule.evaluate(event.move());
        if (signal.isEmpty()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        PriceMoveTrack track =
                PriceMoveTrack.start(event.move(), event.entityName(), reportedAt, now, evidence);
        moves.put(track.alertId(), track);
        counted.put(report, expiresAt(track));
        ctx.timerService().registerEventTimeTimer(expiresAt(track));
        out.collect(factory.priceMove(signal.get(), track, rule.settings().sameMoveWindow()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, PriceMoveTrack> e : moves.entries()) {
            if (e.getValue().expiresAt(rule.settings().sameMoveWindow()).toEpochMilli()
                    <= timestamp) {
                expired.add(e.getKey());
            }
        }
        for (String id : expired) {
            moves.remove(id);
        }
        if (moves.isEmpty()) {
            moves.clear();
        }
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, Long> e : counted.entries()) {
            if (e.getValue() <= timestamp) {
                done.add(e.getKey());
            }
        }
        for (String report : done) {
            counted.remove(report);
        }
        if (counted.isEmpty()) {
            counted.clear();
        }
    }

    /** A report's identity: the article and the move it reports. */
    private static String reportKey(MoveEvent event) {
        ArticleMove m = event.move();
        return event.articleId() + '\n' + m.direction() + '\n' + m.percent() + '\n' + m.qualifier();
    }

    private long expiresAt(PriceMoveTrack track) {
        return track.expiresAt(rule.settings().sameMoveWindow()).toEpochMilli();
    }

    /**
     * The tracked move the report belongs to: the closest in size if several match, and of those
     * equally close the one first reported (then the smaller alert id). The order of the map state
     * must not decide: a restored heap map iterates in another order than the one checkpointed.
     */
    private PriceMoveTrack closestSameMove(ReportedMove report) throws Exception {
        PriceMoveTrack best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        for (PriceMoveTrack t : moves.values()) {
            ReportedMove first = t.firstReport();
            if (!rule.sameMove(first, report)) {
                continue;
            }
            double gap =
                    first.percent() == null || report.percent() == null
                            ? 0
                            : Math.abs(first.percent() - report.percent());
            if (gap < bestGap || (gap == bestGap && reportedBefore(t, best))) {
                best = t;
                bestGap = gap;
            }
        }
        return best;
    }

    private static boolean reportedBefore(PriceMoveTrack a, PriceMoveTrack b) {
        int byTime = a.firstReportedAt().compareTo(b.firstReportedAt());
        return byTime < 0 || (byTime == 0 && a.alertId().compareTo(b.alertId()) < 0);
    }

    private Alert alertOf(PriceMoveTrack track) {
        // The first report decided the alert, so its signal is the alert's signal.
        Signal signal = rule.evaluate(track.first()).orElseThrow();
        return factory.priceMove(signal, track, rule.settings().sameMoveWindow());
    }
}
