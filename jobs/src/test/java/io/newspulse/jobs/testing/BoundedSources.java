package io.newspulse.jobs.testing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/** Bounded sources over fixed elements, for running a job's real topology in tests. */
public final class BoundedSources {
    private BoundedSources() {}

    /**
     * A bounded source emitting {@code elements} in order (one split, so order holds at any
     * parallelism of the source).
     */
    public static <T extends Serializable> Source<T, ?, ?> of(List<T> elements, Class<T> type) {
        return new DataGeneratorSource<>(
                new ElementAt<>(new ArrayList<>(elements)),
                elements.size(),
                TypeInformation.of(type));
    }

    private record ElementAt<T>(ArrayList<T> elements) implements GeneratorFunction<Long, T> {
        @Override
        public T map(Long index) {
            return elements.get(Math.toIntExact(index));
        }
    }
}
