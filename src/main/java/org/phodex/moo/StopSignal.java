package org.phodex.moo;

/** A request to stop after the generation in flight (first Ctrl-C, or a test). Thread-safe. */
public final class StopSignal {
    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
