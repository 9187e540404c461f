package org.phodex.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.phodex.moo.StopSignal;

/**
 * Ctrl-C handling for long runs: the first SIGINT stops the search; on local threads the evaluations in flight stop
 * too (a co-design training at its next step) and the generation in flight is dropped, on a cluster it is finished;
 * the run keeps its last generation's checkpoint, writes its results and exits 130. The second stops at once
 * (exit 130).
 */
final class Interrupts implements AutoCloseable {
    private final sun.misc.Signal signal = new sun.misc.Signal("INT");
    private sun.misc.SignalHandler previous;

    private Interrupts(StopSignal stop, PrintStream err) {
        AtomicInteger count = new AtomicInteger();
        try {
            previous = sun.misc.Signal.handle(signal, s -> {
                if (count.incrementAndGet() == 1) {
                    err.println();
                    err.println("phodex: interrupt: stopping the evaluations in flight (finished trainings stay on "
                            + "disk), keeping the last generation's checkpoint (Ctrl-C again to stop now)");
                    stop.request();
                } else {
                    err.println("phodex: stopped now");
                    Runtime.getRuntime().halt(Cli.EXIT_INTERRUPTED);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            previous = null;
        }
    }

    static Interrupts install(StopSignal stop, PrintStream err) {
        return new Interrupts(stop, err);
    }

    @Override
    public void close() {
        if (previous != null) {
            try {
                sun.misc.Signal.handle(signal, previous);
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
