package org.phodex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line as the CLI tests make it: the exit code and what it printed on each stream.
 *
 * @param code the exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int code, String out, String err) {

    /** The command line with the default wiring. */
    static CliRun of(String... args) {
        return of(Wiring.defaults(), args);
    }

    /** The command line wired to other evaluators, resolvers or clocks. */
    static CliRun of(Wiring wiring, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(wiring, new PrintWriter(o), new PrintWriter(e), args);
        return new CliRun(code, o.toString(), e.toString());
    }
}
