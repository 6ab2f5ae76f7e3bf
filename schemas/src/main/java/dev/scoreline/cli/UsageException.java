package dev.scoreline.cli;

/**
 * A mistake in how a command was called, naming the option and what it expected. Commands print
 * it with their help and exit with 2; it is an {@link IllegalArgumentException} so callers that
 * treat bad arguments alike need no second catch.
 */
public final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
