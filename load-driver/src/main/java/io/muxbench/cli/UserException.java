package io.muxbench.cli;

/**
 * A failure the user can act on: shown as one line, {@code muxbench: <message>}, with its exit code
 * and no stack trace.
 */
public final class UserException extends RuntimeException {

    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Bad input: exit code 2. */
    public static UserException badInput(String message) {
        return new UserException(Main.EXIT_BAD_INPUT, message);
    }

    /** The work could not be done (unreachable server and the like): exit code 1. */
    public static UserException failed(String message) {
        return new UserException(Main.EXIT_FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
