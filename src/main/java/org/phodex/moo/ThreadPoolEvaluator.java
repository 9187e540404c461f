package org.phodex.moo;

import java.util.ArrayList;
import java.util.List;
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

    @Override
    public List<Outcome> evaluateAll(List<Design> designs) {
        List<Outcome> out = new ArrayList<>(designs.size());
        if (pool == null) {
            for (Design d : designs) {
                out.add(timed(d));
            }
            return out;
        }
        List<Future<Outcome>> futures = new ArrayList<>(designs.size());
        for (Design d : designs) {
            futures.add(pool.submit(() -> timed(d)));
        }
        for (Future<Outcome> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("evaluation task failed", e.getCause());
            }
        }
        return out;
    }

    private Outcome timed(Design d) {
        long t0 = nanoClock.getAsLong();
        Outcome o;
        try {
            o = evaluator.evaluate(d);
            if (o == null) {
                throw new IllegalStateException("evaluator returned null");
            }
        } catch (RuntimeException e) {
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
