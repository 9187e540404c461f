package org.phodex.report;

/**
 * A folder cannot be turned into a report: not a run or sweep folder, a file that cannot be read, a row with the
 * wrong number of cells. The message names the file and says what to do; the CLI turns it into exit code 2.
 */
public final class ReportInputException extends RuntimeException {
    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
