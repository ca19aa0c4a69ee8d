package io.newspulse.cli.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The ILM policy of the newspulse indices (deploy/elasticsearch/ilm-policy.json, embedded in the
 * jar): hot, then deleted a number of days after the index was created. There is no rollover, so
 * the whole index goes at once; the policy suits indices with a time in their name or short-lived
 * test indices more than one index written for ever.
 */
public final class LifecyclePolicy {
    /** The policy name the index templates refer to. */
    public static final String NAME = "newspulse";

    /** Days until deletion when {@code --retention-days} is not given. */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    private static final String RESOURCE = "newspulse/elasticsearch/ilm-policy.json";

    private LifecyclePolicy() {}

    /** The policy body ({@code PUT _ilm/policy/newspulse}) deleting indices after {@code days}. */
    public static ObjectNode withRetentionDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1: " + days);
        }
        try (InputStream in =
                LifecyclePolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ILM policy missing from the jar: " + RESOURCE);
            }
            ObjectNode body = (ObjectNode) Json.mapper().readTree(in);
            body.withObject("/policy/phases/delete").put("min_age", days + "d");
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
