/**
 * Alert detection in plain Java: EWMA baselines, the mention-spike, tone-shift and price-move
 * rules, the cooldown and escalation policy, deterministic alert ids, the English alert sentence
 * and the {@link Alert} factory. The signals job's Flink functions only keep state and call into
 * this package.
 */
package io.newspulse.common.signals;

import io.newspulse.common.model.Alert;
