/**
 * Flink adapters of the alert detection in {@code io.newspulse.common.signals}: keyed process
 * functions that keep per-key baselines, tracked price moves and alert history in state (each with
 * TTL and an event-time cleanup timer), and hand every decision to the plain-Java rules.
 *
 * <p>Wiring, keyed with {@link SignalKeys}: aggregates keyed by {@code keyKind:key} into {@link
 * MentionSpikeFunction} and {@link ToneShiftFunction}; {@link MoveEvent}s keyed by entity id into
 * {@link PriceMoveFunction}; the union of their candidate alerts keyed by {@code type:entityId}
 * into {@link AlertGateFunction}. All of it runs in event time: the cleanup timers fire on
 * watermarks.
 */
package io.newspulse.jobs.signals;
