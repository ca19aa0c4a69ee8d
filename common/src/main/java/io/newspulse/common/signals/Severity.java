package io.newspulse.common.signals;

import java.util.Locale;

/** Alert severities, in increasing order. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    /** The lower-case label used in alerts ({@code info}, {@code warning}, {@code critical}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True if this severity is strictly higher than {@code other}. */
    public boolean isHigherThan(Severity other) {
        return compareTo(other) > 0;
    }

    /** Parses a label written by {@link #label()} (case-insensitive). */
    public static Severity fromLabel(String label) {
        if (label == null) {
            throw new IllegalArgumentException("severity label is null");
        }
        try {
            return valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity: " + label, e);
        }
    }
}
