package org.phodex.plot;

/**
 * A run or sweep folder cannot be plotted: a missing file, a missing column, a cell that is not a number.
 * The message names the file (and line and column where there is one) and says what to do; the CLI turns it
 * into exit code 2 without a stack trace.
 */
public final class PlotInputException extends RuntimeException {
    public PlotInputException(String message) {
        super(message);
    }

    public PlotInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
