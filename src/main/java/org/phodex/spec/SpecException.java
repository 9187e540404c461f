package org.phodex.spec;

import java.nio.file.Path;

/**
 * A problem in a spec file, reported to the user as one line naming the file, line and key, plus a hint.
 * Never shown with a stack trace.
 */
public final class SpecException extends RuntimeException {
    private final String file;
    private final int line;
    private final String key;
    private final String problem;
    private final String hint;

    public SpecException(String file, int line, String key, String problem, String hint) {
        super(format(file, line, key, problem, hint));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
        this.hint = hint;
    }

    public SpecException(Path file, int line, String key, String problem, String hint) {
        this(display(file), line, key, problem, hint);
    }

    /** A file name as shown in messages: relative to the working directory where possible. */
    public static String display(Path file) {
        if (file == null) {
            return "<input>";
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static String format(String file, int line, String key, String problem, String hint) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append("key '").append(key).append("': ");
        }
        sb.append(problem);
        if (hint != null && !hint.isEmpty()) {
            sb.append(" (hint: ").append(hint).append(')');
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }

    public String hint() {
        return hint;
    }
}
