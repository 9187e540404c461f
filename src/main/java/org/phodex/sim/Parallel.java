package org.phodex.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * Runs independent pieces of one layer (tiles, groups of tile rows) on a few threads. Every piece writes only
 * its own outputs and draws from its own seeded stream, so the results are the same bits on any number of
 * threads; only the wall time changes.
 */
public final class Parallel {
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()), fj -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                        t.setDaemon(true);
                        t.setName("phodex-sim-" + t.getPoolIndex());
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Calls {@code body} for 0..n-1, split into {@code min(threads, n)} contiguous chunks; the calling thread
     * runs the first chunk, pool threads the others; returns when all are done (exceptions are rethrown).
     */
    public static void forEach(int n, int threads, IntConsumer body) {
        int chunks = Math.min(threads, n);
        if (chunks <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int lo = (int) ((long) n * c / chunks);
            int hi = (int) ((long) n * (c + 1) / chunks);
            tasks.add(pool().submit(() -> {
                for (int i = lo; i < hi; i++) {
                    body.accept(i);
                }
            }));
        }
        int hi0 = n / chunks;
        RuntimeException failure = null;
        try {
            for (int i = 0; i < hi0; i++) {
                body.accept(i);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
