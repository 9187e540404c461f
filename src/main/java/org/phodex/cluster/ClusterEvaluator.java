package org.phodex.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.phodex.moo.GenerationEvaluator;
import org.phodex.moo.Outcome;
import org.phodex.spec.Design;
import org.phodex.spec.Repo;

/**
 * Evaluates a search's generations on the workers of a Hazelcast cluster, the search being a client. Each design
 * is one signed {@link EvalTask} sent to a chosen worker, at most as many at once as the worker has threads, so
 * that a worker that joins is used from the next task on and a slow one does not hold a queue. A worker that
 * leaves (killed, unreachable) has its tasks in flight resubmitted to the others, or evaluated locally when none
 * is left; a worker that refuses (another secret, another device library, ...) is not used again, and the
 * search says why. Results come back in input order, and each is a pure function of (context, design), so a
 * cluster run writes the same {@code pareto.csv} as a local one.
 */
final class ClusterEvaluator implements Cluster.Evaluator {
    /** How long connecting to the cluster may take. */
    static final long CONNECT_TIMEOUT_MS = Long.getLong("phodex.cluster.connect.timeout.ms", 20_000);
    /**
     * Tasks in flight per worker thread once a worker has accepted the search. 1 (the default) never queues a
     * design behind another on a busy worker while another worker idles at the end of a generation, which is what
     * matters when evaluations are long; 2 keeps one queued on the worker while a result travels back, which
     * hides the round trip when evaluations are as short as it ({@code -Dphodex.cluster.inflight.per.thread=2}).
     */
    static final int IN_FLIGHT_PER_THREAD = Math.max(1, Integer.getInteger("phodex.cluster.inflight.per.thread", 1));
    /** How long a worker may take to accept a search (it loads the workload and may train its network). */
    static final long PROBE_TIMEOUT_S = Long.getLong("phodex.cluster.probe.timeout.s", 600);

    private final HazelcastInstance client;
    private final IExecutorService executor;
    private final Secret secret;
    private final byte[] context;
    private final byte[] fingerprint;
    private final GenerationEvaluator local;
    private final Consumer<String> log;
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    /** Members not used any more (refused or gone), shared by the contexts of one connection. */
    private final Map<UUID, String> excluded;
    /** True for the evaluator that opened the connection (it closes it). */
    private final boolean owner;
    private final String label;
    private final AtomicLong ids;
    private long remote;
    private long locally;
    private double roundTripS;
    private double evalS;

    private record Done(int index, long id, Member member, byte[] reply, Throwable failure, double roundTripS) {
    }

    private ClusterEvaluator(HazelcastInstance client, Secret secret, EvalContext ctx, GenerationEvaluator local,
                             Consumer<String> log, Map<UUID, String> excluded, AtomicLong ids, boolean owner) {
        this.client = client;
        this.executor = client.getExecutorService(Configs.EXECUTOR);
        this.secret = secret;
        this.context = Codec.write(ctx);
        this.fingerprint = Codec.write(Fingerprint.local(context, ctx.workload(), Repo.locate()));
        this.local = local;
        this.log = log;
        this.excluded = excluded;
        this.ids = ids;
        this.owner = owner;
        this.label = ctx.rescore() ? "cluster (re-scoring)" : "cluster";
    }

    @Override
    public Cluster.Evaluator with(EvalContext ctx, GenerationEvaluator localFallback) {
        ClusterEvaluator ce = new ClusterEvaluator(client, secret, ctx, localFallback, log, excluded, ids, false);
        ce.probe();
        return ce;
    }

    static ClusterEvaluator open(Cluster.Settings s, EvalContext ctx, GenerationEvaluator local,
                                 Consumer<String> log) {
        Configs.quietLogs(Level.OFF); // our one message below says why a connection failed; later, SEVERE only
        HazelcastInstance hz;
        try {
            hz = HazelcastClient.newHazelcastClient(Configs.client(s.clusterName(), s.members(), CONNECT_TIMEOUT_MS));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--cluster: cannot reach the cluster '" + s.clusterName() + "' at "
                    + String.join(",", s.members()) + " (" + Worker.rootMessage(e) + "); are the workers running "
                    + "with the same --cluster-name, and their ports open?");
        }
        Configs.quietLogs(Level.SEVERE);
        try {
            ClusterEvaluator ce = new ClusterEvaluator(hz, s.secret(), ctx, local, log, new ConcurrentHashMap<>(),
                    new AtomicLong(), true);
            ce.probe();
            return ce;
        } catch (RuntimeException e) {
            hz.shutdown();
            throw e;
        }
    }

    /** Asks every member whether it evaluates this search; fails when none does. */
    private void probe() {
        Map<Member, Future<byte[]>> answers = new HashMap<>();
        Map<Member, Long> sent = new HashMap<>();
        for (Member m : usable()) {
            long id = ids.incrementAndGet();
            sent.put(m, id);
            answers.put(m, executor.submitToMember(EvalTask.signed(secret, id, context, fingerprint, null), m));
        }
        for (Map.Entry<Member, Future<byte[]>> e : answers.entrySet()) {
            Member m = e.getKey();
            try {
                byte[] r = e.getValue().get(PROBE_TIMEOUT_S, TimeUnit.SECONDS);
                String refusal = Reply.refusal(r);
                if (refusal != null) {
                    exclude(m, "refused this search: " + refusal, 0, false);
                } else {
                    Reply.verifiedPayload(secret, sent.get(m), r);
                    accepted.add(m.getUuid());
                }
            } catch (IllegalArgumentException x) {
                exclude(m, "is not used: " + x.getMessage(), 0, false);
            } catch (ExecutionException | TimeoutException x) {
                exclude(m, "did not answer (" + Worker.rootMessage(x) + ")", 0, false);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while contacting the cluster", x);
            }
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("--cluster: no worker accepted this " + (owner ? "search"
                    : "re-scoring") + "; " + String.join("; ", excluded.values()));
        }
        log.accept("phodex: " + label + ": " + accepted.size() + " worker(s) accepted this " + (owner ? "search"
                : "re-scoring") + " ("
                + threads(client.getCluster().getMembers().stream().filter(m -> accepted.contains(m.getUuid()))
                .toList()) + " evaluation threads)");
    }

    @Override
    public List<Outcome> evaluateAll(List<Design> designs) {
        int n = designs.size();
        Outcome[] out = new Outcome[n];
        byte[][] bytes = new byte[n][];
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            pending.add(i);
        }
        Map<UUID, Integer> inFlight = new HashMap<>();
        LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
        int finished = 0;
        int running = 0;
        while (finished < n) {
            List<Member> usable = usable();
            if (usable.isEmpty() && running == 0) {
                List<Integer> idx = new ArrayList<>(pending);
                pending.clear();
                log.accept("phodex: " + label + ": no worker left; evaluating " + idx.size() + " design(s) locally");
                List<Outcome> r = local.evaluateAll(idx.stream().map(designs::get).toList());
                for (int k = 0; k < idx.size(); k++) {
                    out[idx.get(k)] = r.get(k);
                }
                finished += idx.size();
                locally += idx.size();
                continue;
            }
            for (Member m : usable) {
                int slots = accepted.contains(m.getUuid()) ? IN_FLIGHT_PER_THREAD * threads(List.of(m)) : 1;
                while (!pending.isEmpty() && inFlight.getOrDefault(m.getUuid(), 0) < slots) {
                    int i = pending.poll();
                    if (bytes[i] == null) {
                        bytes[i] = Codec.write(designs.get(i));
                    }
                    long id = ids.incrementAndGet();
                    inFlight.merge(m.getUuid(), 1, Integer::sum);
                    running++;
                    submit(EvalTask.signed(secret, id, context, fingerprint, bytes[i]), i, m, done);
                }
            }
            Done d;
            try {
                d = done.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating on the cluster", e);
            }
            if (d == null) {
                continue;
            }
            running--;
            UUID who = d.member().getUuid();
            int left = inFlight.merge(who, -1, Integer::sum);
            if (d.failure() != null) {
                exclude(d.member(), "left the cluster or cannot be reached (" + Worker.rootMessage(d.failure())
                        + ")", left + 1, true);
                pending.addFirst(d.index());
                continue;
            }
            String refusal = Reply.refusal(d.reply());
            if (refusal != null) {
                exclude(d.member(), "refused this search: " + refusal, left + 1, true);
                pending.addFirst(d.index());
                continue;
            }
            Outcome o;
            try {
                o = Reply.outcome(secret, d.id(), d.reply());
                if (!o.design().equals(designs.get(d.index()))) {
                    throw new IllegalArgumentException("it answered for another design");
                }
            } catch (IllegalArgumentException e) {
                exclude(d.member(), "is not used: " + e.getMessage(), left + 1, true);
                pending.addFirst(d.index());
                continue;
            }
            accepted.add(who);
            out[d.index()] = o;
            finished++;
            remote++;
            roundTripS += d.roundTripS();
            evalS += o.evalSeconds();
        }
        return Arrays.asList(out);
    }

    private void submit(EvalTask task, int index, Member m, LinkedBlockingQueue<Done> done) {
        long t0 = System.nanoTime();
        try {
            executor.submitToMember(task, m, new ExecutionCallback<byte[]>() {
                @Override
                public void onResponse(byte[] response) {
                    done.add(new Done(index, task.id, m, response, null, (System.nanoTime() - t0) / 1e9));
                }

                @Override
                public void onFailure(Throwable t) {
                    done.add(new Done(index, task.id, m, null, t, 0));
                }
            });
        } catch (RuntimeException e) {
            done.add(new Done(index, task.id, m, null, e, 0));
        }
    }

    /** Members not excluded, in the cluster's order. */
    private List<Member> usable() {
        List<Member> out = new ArrayList<>();
        for (Member m : client.getCluster().getMembers()) {
            if (!excluded.containsKey(m.getUuid())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Stops using a member, saying why (once) and what happens to its evaluations in flight. */
    private void exclude(Member m, String why, int inFlight, boolean duringRun) {
        if (excluded.putIfAbsent(m.getUuid(), "worker " + m.getAddress() + " " + why) != null) {
            return;
        }
        accepted.remove(m.getUuid());
        String next = !duringRun ? "not using it"
                : (usable().isEmpty() ? "its evaluations in flight (" + inFlight + ") are evaluated locally"
                : "its evaluations in flight (" + inFlight + ") are resubmitted to the remaining workers");
        log.accept("phodex: " + label + ": worker " + m.getAddress() + " " + why + "; " + next);
    }

    private static int threads(List<Member> members) {
        int t = 0;
        for (Member m : members) {
            try {
                t += Math.max(1, Integer.parseInt(m.getAttribute(Configs.THREADS_ATTRIBUTE)));
            } catch (RuntimeException e) {
                t += 1;
            }
        }
        return t;
    }

    @Override
    public int workers() {
        int w = 0;
        for (Member m : client.getCluster().getMembers()) {
            if (accepted.contains(m.getUuid()) && !excluded.containsKey(m.getUuid())) {
                w++;
            }
        }
        return w;
    }

    /** Designs evaluated by workers and locally, mean round trip and evaluation time (for the closing line). */
    String summary() {
        if (remote == 0) {
            return "phodex: " + label + ": " + locally + " design(s) evaluated locally, none on workers";
        }
        double rt = 1e3 * roundTripS / remote;
        double ev = 1e3 * evalS / remote;
        return String.format(Locale.ROOT, "phodex: %s: %d design(s) evaluated on workers, %d locally; round "
                + "trip %.1f ms per design, of which evaluation %.1f ms (%s %.1f ms)", label, remote, locally, rt,
                ev, IN_FLIGHT_PER_THREAD == 1 ? "overhead" : "overhead and queueing on the worker", rt - ev);
    }

    @Override
    public void close() {
        log.accept(summary());
        if (owner) {
            client.shutdown();
        }
    }
}
