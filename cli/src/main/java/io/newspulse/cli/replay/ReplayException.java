package io.newspulse.cli.replay;

/**
 * A replay that cannot start or go on: bad input, an unreadable file, a broker that does not
 * answer, bad Kafka settings. The message is for the user.
 */
public final class ReplayException extends RuntimeException {
    ReplayException(String message) {
        super(message);
    }
}
