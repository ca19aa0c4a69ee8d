package io.newspulse.common.model;

/**
 * Either a value or the reason the input was rejected.
 *
 * @param value the parsed value, or null when rejected
 * @param error a short machine-readable error code ({@code invalid_json}, {@code missing_field}
 *     ...), or null
 * @param reason a sentence for people, or null
 */
public record ParseResult<T>(T value, String error, String reason) {
    /** A success. */
    public static <T> ParseResult<T> ok(T value) {
        return new ParseResult<>(value, null, null);
    }

    /** A rejection. */
    public static <T> ParseResult<T> rejected(String error, String reason) {
        return new ParseResult<>(null, error, reason);
    }

    /** Whether the input was accepted. */
    public boolean isOk() {
        return value != null;
    }
}
