package io.newspulse.common.signals;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link AlertPolicy} and {@link AlertFactory}.
 *
 * @param cooldown how long after an alert for an entity and type a new one is held back unless it
 *     escalates
 * @param escalationFactor how many times the last alert's value a signal must reach within the
 *     cooldown to escalate (a higher severity escalates too)
 * @param maxEvidence most evidence articles on one alert
 */
public record AlertPolicySettings(Duration cooldown, double escalationFactor, int maxEvidence)
        implements Serializable {

    /**
     * Checks every setting.
     *
     * @return this
     * @throws IllegalArgumentException naming the first bad setting
     */
    public AlertPolicySettings validate() {
        Checks.nonNegative("alerts.cooldown", cooldown);
        if (!(escalationFactor > 1) || Double.isInfinite(escalationFactor)) {
            throw new IllegalArgumentException(
                    "alerts.escalationFactor must be a finite number > 1, was " + escalationFactor);
        }
        Checks.atLeast("alerts.maxEvidence", maxEvidence, 1);
        return this;
    }
}
