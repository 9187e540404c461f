package org.phodex.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.phodex.moo.DesignEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.moo.ThreadPoolEvaluator;
import org.phodex.spec.Design;

/**
 * What a worker does with a task, apart from Hazelcast: check the MAC (before deserializing anything), compare
 * the search's fingerprint with its own for that context, then evaluate the design with the same evaluator a
 * local search would use. A refused task is answered with the reason and logged; a design whose evaluation
 * throws becomes infeasible exactly as in a local search ({@link ThreadPoolEvaluator}).
 */
public final class WorkerService {
    /** Key of the service in the Hazelcast member's user context. */
    static final String KEY = "phodex.worker";

    /** How a worker learns its own fingerprint and evaluator for a context (the repository's, by default). */
    public interface Local {
        /** This machine's fingerprint for the context (given also as the bytes the search sent). */
        Fingerprint fingerprint(EvalContext context, byte[] contextBytes);

        /** The evaluator for the context; IllegalArgumentException (or a SpecException) when it cannot be made. */
        DesignEvaluator evaluator(EvalContext context);
    }

    private final Secret secret;
    private final Local local;
    private final Consumer<String> log;
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** A context as this worker saw it: an evaluator, or the reason it refuses the context. */
    private record Prepared(ThreadPoolEvaluator evaluator, String refusal) {
    }

    /** The repository's files ({@code -Dphodex.home} or the working directory) and the photonic evaluator. */
    public static Local repository() {
        return new Local() {
            @Override
            public Fingerprint fingerprint(EvalContext context, byte[] contextBytes) {
                org.phodex.spec.Repo repo = org.phodex.spec.Repo.locate();
                org.phodex.evaluation.Catalog.locate().workload(context.workload()); // "not found" with a hint
                return Fingerprint.local(contextBytes, context.workload(), repo);
            }

            @Override
            public DesignEvaluator evaluator(EvalContext context) {
                var f = org.phodex.search.Evaluators.PHOTONIC;
                DesignEvaluator ev = context.rescore()
                        ? f.rescorer(context.specs(), context.workload(), context.seed(), context.chips())
                        : f.create(context.specs(), context.workload(), context.seed(), context.chips());
                if (ev == null) {
                    throw new IllegalArgumentException("this worker has no re-scoring evaluator");
                }
                return ev;
            }
        };
    }

    public WorkerService(Secret secret, Local local, Consumer<String> log) {
        this.secret = secret;
        this.local = local;
        this.log = log;
    }

    public long evaluated() {
        return evaluated.get();
    }

    public long refused() {
        return refused.get();
    }

    /** Answers a task with {@link Reply} bytes. */
    byte[] handle(EvalTask task) {
        if (task.context == null || task.fingerprint == null || !task.verifies(secret)) {
            return refuse(task, "the task's signature does not verify: this worker's secret differs from the "
                    + "search's (give both the same --secret-file content), or the task was altered");
        }
        Prepared p = prepared.computeIfAbsent(Fingerprint.sha256(task.context) + Fingerprint.sha256(
                task.fingerprint), k -> prepare(task));
        if (p.refusal() != null) {
            return refuse(task, p.refusal());
        }
        if (task.design == null) {
            return Reply.ok(secret, task.id, new byte[0]);
        }
        Design d;
        try {
            d = Codec.read(task.design, Design.class);
        } catch (IllegalArgumentException e) {
            return refuse(task, "cannot read the design: " + e.getMessage());
        }
        Outcome o = p.evaluator().evaluateAll(List.of(d)).get(0);
        evaluated.incrementAndGet();
        log.accept(String.format(Locale.ROOT, "worker: evaluated %s in %.3f s%s", d.key(), o.evalSeconds(),
                o.feasible() ? "" : " (infeasible)"));
        return Reply.ok(secret, task.id, Codec.write(o));
    }

    private byte[] refuse(EvalTask task, String why) {
        if (refused.getAndIncrement() < 20) {
            log.accept("worker: refused task " + task.id + ": " + why);
        }
        return Reply.refused(why);
    }

    private Prepared prepare(EvalTask task) {
        EvalContext ctx;
        Fingerprint theirs;
        try {
            ctx = Codec.read(task.context, EvalContext.class);
            theirs = Codec.read(task.fingerprint, Fingerprint.class);
        } catch (IllegalArgumentException e) {
            return new Prepared(null, "cannot read the task: " + e.getMessage());
        }
        try {
            String mismatch = local.fingerprint(ctx, task.context).mismatch(theirs);
            if (mismatch != null) {
                return new Prepared(null, mismatch);
            }
            DesignEvaluator ev = local.evaluator(ctx);
            log.accept("worker: accepted " + (ctx.rescore() ? "the re-scoring of " : "") + "a search of "
                    + ctx.architectures().size() + " architecture(s) on "
                    + ctx.workload() + ", seed " + ctx.seed() + ", " + ctx.chips() + " chip(s) per design");
            return new Prepared(new ThreadPoolEvaluator(ev, 1, System::nanoTime, log), null);
        } catch (RuntimeException e) {
            return new Prepared(null, "cannot evaluate this search here: " + e.getMessage());
        }
    }
}
