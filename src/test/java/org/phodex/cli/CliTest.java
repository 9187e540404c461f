package org.phodex.cli;

/**
 * The shared fixture of the CLI tests: {@link #run} runs the command line with {@link #wiring()} and keeps what it
 * printed in {@link #out} and {@link #err}.
 */
abstract class CliTest {
    /** Standard output of the last {@link #run}. */
    protected String out;
    /** Standard error of the last {@link #run}. */
    protected String err;

    /** The wiring the command line runs with: the default, unless a test swaps evaluators, resolvers or clocks. */
    protected Wiring wiring() {
        return Wiring.defaults();
    }

    /** Runs the command line; returns its exit code. */
    protected int run(String... args) {
        CliRun r = CliRun.of(wiring(), args);
        out = r.out();
        err = r.err();
        return r.code();
    }
}
