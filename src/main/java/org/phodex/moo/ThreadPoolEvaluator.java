package org.phodex.moo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.phodex.spec.Design;

/**
 * Evaluates a generation on a fixed pool of threads. Results come back in input order, so what the search
 * does with them never depends on thread timing. An evaluator that throws makes that design infeasible
 * ("evaluator failed: ...") and is reported once per distinct message to {@code warnings}.
 */
public final class ThreadPoolEvaluator implements GenerationEvaluator, AutoCloseable {
    private final DesignEvaluator evaluator;
    private final int threads;
    private final ExecutorService pool;
    private final LongSupplier nanoClock;
    private final Consumer<String> warnings;
    private final AtomicInteger failures = new AtomicInteger();
    private final java.util.Set<Future<?>> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    /** The thread evaluating when there is no pool (one thread), for {@link #stop}. */
    private volatile Thread caller;

    public ThreadPoolEvaluator(DesignEvaluator evaluator, int threads) {
        this(evaluator, threads, System::nanoTime, System.err::println);
    }

    /** {@code nanoClock} times each evaluation (tests pass a constant clock for byte-identical CSVs). */
    public ThreadPoolEvaluator(DesignEvaluator evaluator, int threads, LongSupplier nanoClock,
                               Consumer<String> warnings) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.evaluator = evaluator;
        this.threads = threads;
        this.nanoClock = nanoClock;
        this.warnings = warnings;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "phodex-eval");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Evaluations that threw so far. */
    public int failures() {
        return failures.get();
    }

    /**
     * Stops the evaluations in flight when {@code stop} is requested ({@link #stop}).
     *
     * @return this
     */
    public ThreadPoolEvaluator stopOn(StopSignal stop) {
        stop.onRequest(this::stop);
        return this;
    }

    /**
     * Stops: interrupts the evaluations in flight (a co-design training checks between its steps and stores
     * nothing), starts no more, and makes {@link #evaluateAll} throw {@link CancellationException}, now and from
     * then on. The search then drops its generation in flight and keeps its last checkpoint.
     */
    public void stop() {
        stopped = true;
        for (Future<?> f : inFlight) {
            f.cancel(true);
        }
        Thread c = caller;
        if (c != null) {
            c.interrupt();
        }
    }

    @Override
    public List<Outcome> evaluateAll(List<Design> designs) {
        List<Outcome> out = new ArrayList<>(designs.size());
        if (pool == null) {
            caller = Thread.currentThread();
            try {
                for (Design d : designs) {
                    checkStopped();
                    out.add(timed(d));
                }
                checkStopped();
            } finally {
                caller = null;
                if (stopped) {
                    Thread.interrupted(); // the stop's interrupt must not reach the run's file writes
                }
            }
            return out;
        }
        checkStopped();
        List<Future<Outcome>> futures = new ArrayList<>(designs.size());
        try {
            for (Design d : designs) {
                Future<Outcome> f = pool.submit(() -> timed(d));
                futures.add(f);
                inFlight.add(f);
                if (stopped) {
                    f.cancel(true); // submitted while stop() went through the others
                }
            }
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while evaluating", e);
                } catch (CancellationException e) {
                    throw stoppedException();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException && stopped) {
                        throw stoppedException();
                    }
                    throw new IllegalStateException("evaluation task failed", e.getCause());
                }
            }
        } finally {
            if (stopped) {
                futures.forEach(f -> f.cancel(true));
            }
            inFlight.removeAll(futures);
        }
        checkStopped();
        return out;
    }

    private void checkStopped() {
        if (stopped) {
            throw stoppedException();
        }
    }

    private static CancellationException stoppedException() {
        return new CancellationException("evaluations stopped (stop requested)");
    }

    private Outcome timed(Design d) {
        long t0 = nanoClock.getAsLong();
        Outcome o;
        try {
            o = evaluator.evaluate(d);
            if (o == null) {
                throw new IllegalStateException("evaluator returned null");
            }
        } catch (CancellationException e) {
            throw e; // a stopped training: not a result of the design
        } catch (RuntimeException e) {
            if (stopped) {
                throw stoppedException(); // whatever the interrupt broke, the design has no result
            }
            if (failures.getAndIncrement() < 3) {
                warnings.accept("phodex: warning: evaluating " + d.key() + " failed: " + e);
            }
            o = Outcome.infeasible(d, "evaluator failed: " + e.getMessage());
        }
        return o.withEvalSeconds((nanoClock.getAsLong() - t0) / 1e9);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
