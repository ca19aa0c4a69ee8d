package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Cooldown and escalation for one entity and signal type. After an alert, signals within {@code
 * cooldown} are suppressed unless their value reached {@code escalationFactor} times the last
 * alert's value or their severity is higher; those escalate (level + 1, new id, and the cooldown
 * restarts). After the cooldown a signal is a new alert.
 */
public final class AlertPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What to do with a candidate alert. */
    public enum Decision {
        /** A new alert (no alert within the cooldown). */
        EMIT,
        /** An escalation of the alert within the cooldown. */
        ESCALATE,
        /** Held back: within the cooldown and not grown enough. */
        SUPPRESS,
        /**
         * A re-emission of the candidate last let through (same id: late data, more evidence):
         * passed on under the id it first went out with. Only {@link #apply} returns it.
         */
        UPDATE
    }

    /**
     * The decision on a candidate and what follows from it.
     *
     * @param decision the decision
     * @param alertId id to emit under, or null when suppressed
     * @param escalation escalation level to emit with
     * @param history history to keep (the previous one when suppressed)
     */
    public record Outcome(Decision decision, String alertId, int escalation, AlertHistory history)
            implements Serializable {

        /** Whether an alert goes out. */
        public boolean emits() {
            return decision != Decision.SUPPRESS;
        }
    }

    private final AlertPolicySettings settings;

    public AlertPolicy(AlertPolicySettings settings) {
        this.settings = settings.validate();
    }

    public AlertPolicySettings settings() {
        return settings;
    }

    /**
     * Decides on a signal.
     *
     * @param previous the last alert let through for the signal's entity and type, or null
     * @param signal the candidate's signal
     * @param now the candidate's time
     * @return {@link Decision#EMIT}, {@link Decision#ESCALATE} or {@link Decision#SUPPRESS}
     */
    public Decision decide(AlertHistory previous, Signal signal, Instant now) {
        if (previous == null || !withinCooldown(previous, now)) {
            return Decision.EMIT;
        }
        boolean grew = signal.value() >= previous.value() * settings.escalationFactor();
        boolean worse = signal.severity().isHigherThan(previous.severity());
        return grew || worse ? Decision.ESCALATE : Decision.SUPPRESS;
    }

    /**
     * Decides on a candidate alert and returns the id to emit under and the history to keep.
     *
     * @param previous the last alert let through for the signal's entity and type, or null
     * @param candidateId the id the producing function gave the candidate
     * @param candidateWindowStart the candidate's window start
     * @param signal the candidate's signal
     * @param now the candidate's time
     */
    public Outcome apply(
            AlertHistory previous,
            String candidateId,
            Instant candidateWindowStart,
            Signal signal,
            Instant now) {
        Objects.requireNonNull(candidateId, "candidateId");
        if (previous != null && previous.emitted(candidateId)) {
            int level = previous.levels().get(candidateId);
            String id = outgoingId(previous, signal, level);
            // Only the latest alert's value and severity are what later signals must beat.
            AlertHistory kept =
                    candidateId.equals(previous.lastCandidateId())
                            ? previous.with(
                                    candidateId,
                                    level,
                                    signal.severity(),
                                    signal.value(),
                                    previous.emittedAt())
                            : previous;
            return new Outcome(Decision.UPDATE, id, level, kept);
        }
        Decision decision = decide(previous, signal, now);
        switch (decision) {
            case EMIT:
                AlertHistory first =
                        new AlertHistory(
                                        candidateId,
                                        candidateWindowStart,
                                        candidateId,
                                        Map.of(),
                                        signal.severity(),
                                        signal.value(),
                                        now,
                                        0)
                                .with(candidateId, 0, signal.severity(), signal.value(), now);
                return new Outcome(decision, candidateId, 0, first);
            case ESCALATE:
                int level = previous.escalation() + 1;
                return new Outcome(
                        decision,
                        outgoingId(previous, signal, level),
                        level,
                        previous.with(candidateId, level, signal.severity(), signal.value(), now));
            default:
                return new Outcome(decision, null, 0, previous);
        }
    }

    private static String outgoingId(AlertHistory history, Signal signal, int level) {
        return level == 0
                ? history.baseAlertId()
                : AlertIds.of(signal.type(), signal.entityId(), history.baseWindowStart(), level);
    }

    /** When the history stops mattering: the end of its cooldown. */
    public Instant expiry(AlertHistory history) {
        return history.emittedAt().plus(settings.cooldown());
    }

    private boolean withinCooldown(AlertHistory previous, Instant now) {
        Duration elapsed = Duration.between(previous.emittedAt(), now);
        return elapsed.compareTo(settings.cooldown()) < 0;
    }
}
