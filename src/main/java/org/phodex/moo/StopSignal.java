package org.phodex.moo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request to stop (first Ctrl-C, or a test). The search stops before its next generation; evaluators that
 * registered with {@link #onRequest} also stop the evaluations in flight (a long co-design training stops at its
 * next step), and the generation in flight is then dropped. Thread-safe.
 */
public final class StopSignal {
    private volatile boolean requested;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void request() {
        requested = true;
        for (Runnable r : listeners) {
            r.run();
        }
    }

    public boolean requested() {
        return requested;
    }

    /** Runs {@code r} when the stop is requested (at once if it already was); {@code r} must be idempotent. */
    public void onRequest(Runnable r) {
        listeners.add(r);
        if (requested) {
            r.run();
        }
    }
}
