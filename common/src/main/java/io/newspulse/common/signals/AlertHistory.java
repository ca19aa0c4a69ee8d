package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerts let through for one entity and signal type since the chain's first alert: what {@link
 * AlertPolicy} compares a new signal with.
 *
 * @param baseAlertId id of the first alert of the chain (escalation 0)
 * @param baseWindowStart window start of that alert; escalated ids derive from it
 * @param lastCandidateId id the producing function gave the last alert let through
 * @param levels escalation level each candidate id let through in this chain went out with (a
 *     re-emission of any of them is passed on under the same outgoing id)
 * @param severity severity of the last alert
 * @param value signal value of the last alert
 * @param emittedAt when the last alert (first or escalated) went out; the cooldown runs from here
 * @param escalation escalation level of the last alert
 */
public record AlertHistory(
        String baseAlertId,
        Instant baseWindowStart,
        String lastCandidateId,
        Map<String, Integer> levels,
        Severity severity,
        double value,
        Instant emittedAt,
        int escalation)
        implements Serializable {

    public AlertHistory {
        levels =
                Collections.unmodifiableMap(
                        new LinkedHashMap<>(levels == null ? Map.of() : levels));
    }

    /** Whether the candidate id was let through in this chain. */
    public boolean emitted(String candidateId) {
        return levels.containsKey(candidateId);
    }

    /** This history with one more candidate let through. */
    AlertHistory with(
            String candidateId, int level, Severity severity, double value, Instant emittedAt) {
        Map<String, Integer> next = new LinkedHashMap<>(levels);
        next.put(candidateId, level);
        return new AlertHistory(
                baseAlertId, baseWindowStart, candidateId, next, severity, value, emittedAt, level);
    }
}
