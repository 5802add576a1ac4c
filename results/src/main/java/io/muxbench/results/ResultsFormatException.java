package io.muxbench.results;

/** A results file or run folder that cannot be read; the message is one line for the user. */
public final class ResultsFormatException extends Exception {
    public ResultsFormatException(String message) {
        super(message);
    }
}
