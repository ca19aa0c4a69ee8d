package io.newspulse.common.signals;

/** The kinds of signal; the name is the {@code type} of an alert. */
public enum SignalType {
    /** Far more stories about a key in one window than its baseline. */
    MENTION_SPIKE,
    /** A reported price move at or over the threshold of the entity's type. */
    PRICE_MOVE,
    /** The average tone of a window far from the key's tone baseline. */
    TONE_SHIFT
}
