package org.phodex.cli;

/** Bad usage of a command (an option's value, a combination): exit 2 with this message. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
