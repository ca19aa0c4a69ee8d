package io.newspulse.cli.bench;

import java.util.Arrays;

/** A growing sample of latencies in milliseconds. */
public final class LatencySample {
    private long[] values = new long[256];
    private int size;

    /** Adds one latency. */
    public synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    /** Percentiles of what was added so far. */
    public synchronized Percentiles percentiles() {
        return Percentiles.of(Arrays.copyOf(values, size));
    }
}
