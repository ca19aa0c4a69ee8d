package io.newspulse.jobs.testing;

import io.newspulse.common.model.DeadLetter;
import io.newspulse.jobs.kafka.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/** Harnesses reused record after record: open one, take what it emitted so far. */
public final class Harnesses {
    private Harnesses() {}

    /** An open harness around {@code function}. */
    public static <I, O> OneInputStreamOperatorTestHarness<I, O> open(
            ProcessFunction<I, O> function) throws Exception {
        OneInputStreamOperatorTestHarness<I, O> h =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(function));
        h.open();
        return h;
    }

    /** The main output since the last call. */
    public static <O> List<O> drain(OneInputStreamOperatorTestHarness<?, O> h) {
        List<O> out = new ArrayList<>(h.extractOutputValues());
        h.getOutput().clear();
        return out;
    }

    /** The dead letters since the last call. */
    public static List<DeadLetter> drainDeadLetters(OneInputStreamOperatorTestHarness<?, ?> h) {
        var side = h.getSideOutput(DeadLetters.TAG);
        if (side == null) {
            return List.of();
        }
        List<DeadLetter> out = new ArrayList<>();
        side.forEach(r -> out.add(r.getValue()));
        side.clear();
        return out;
    }
}
