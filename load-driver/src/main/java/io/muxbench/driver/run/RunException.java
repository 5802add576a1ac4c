package io.muxbench.driver.run;

/** A run that cannot go on (target unreachable, wrong protocol negotiated); the message is one line for the user. */
public final class RunException extends Exception {
    public RunException(String message) {
        super(message);
    }
}
