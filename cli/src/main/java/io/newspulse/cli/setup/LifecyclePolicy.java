package io.newspulse.cli.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspulse.common.model.Json;
import io.newspulse.jobs.indexing.MonthlyIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The ILM policy of the newspulse indices (deploy/elasticsearch/ilm-policy.json, embedded in the
 * jar): hot, then deleted. ILM deletes whole indices and nothing rolls them over; the sinks write
 * one index per month ({@link MonthlyIndex}), so deleting an index drops one old month.
 *
 * <p>A month's index is created by its first document, at the start of the month when the jobs keep
 * up, and receives documents for up to {@value #MONTH_DAYS} days. To keep every document at least
 * the retention days, the delete phase starts that many days plus {@value #MONTH_DAYS} after the
 * index was created.
 */
public final class LifecyclePolicy {
    /** The policy name the index templates refer to. */
    public static final String NAME = "newspulse";

    /** Days a document is kept at least when {@code --retention-days} is not given. */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    /** The longest month: how long after its creation a monthly index still receives documents. */
    public static final int MONTH_DAYS = 31;

    private static final String RESOURCE = "newspulse/elasticsearch/ilm-policy.json";

    private LifecyclePolicy() {}

    /** Days after its creation a monthly index is deleted, to keep documents {@code days}. */
    public static int deleteAfterDays(int retentionDays) {
        return retentionDays + MONTH_DAYS;
    }

    /**
     * The policy body ({@code PUT _ilm/policy/newspulse}) keeping every document at least {@code
     * days}: a monthly index is deleted {@link #deleteAfterDays} after its creation.
     */
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
            body.withObject("/policy/phases/delete").put("min_age", deleteAfterDays(days) + "d");
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
