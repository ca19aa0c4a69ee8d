package io.newspulse.e2e.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared Kafka broker and Elasticsearch node when the test run ends, before the JVM
 * starts shutting down (registered in META-INF/services).
 */
public final class StopSharedServices implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedServices.stopAll();
    }
}
