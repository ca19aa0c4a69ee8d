package io.newspulse.common.config;

/** Invalid configuration; the message names the key, the bad value and what is expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
