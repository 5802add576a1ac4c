package io.muxbench.driver.ceiling;

/** The ceiling could not be measured; the message is one line for the user. */
public final class CeilingException extends Exception {

    public CeilingException(String message) {
        super(message);
    }
}
