package org.phodex.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.config.Config;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * A Hazelcast member that evaluates designs for searches started with {@code --cluster}: {@code phodex worker}.
 * Runs until {@link #close()} (Ctrl-C: the command's shutdown hook), leaving the cluster cleanly.
 */
public final class Worker implements AutoCloseable {
    private final HazelcastInstance member;
    private final WorkerService service;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param bind   address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface)
     * @param join   other members to join ({@code HOST:PORT}); empty for the first worker
     */
    public record Settings(String clusterName, String bind, int port, List<String> join, int threads,
                           Secret secret) {
    }

    private Worker(HazelcastInstance member, WorkerService service) {
        this.member = member;
        this.service = service;
    }

    /** Starts the member; IllegalArgumentException (user-facing) when it cannot, e.g. the port is taken. */
    public static Worker start(Settings s, WorkerService.Local local, Consumer<String> log) {
        Configs.quietLogs(Level.OFF); // a failed start is our one message below, not Hazelcast's stack trace
        WorkerService service = new WorkerService(s.secret(), local, log);
        Config c = Configs.member(s.clusterName(), s.bind(), s.port(), s.join(), s.threads());
        c.getUserContext().put(WorkerService.KEY, service);
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(c);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot start the worker on " + s.bind() + ":" + s.port() + ": "
                    + rootMessage(e) + " (is the port in use, or the address not this machine's?)");
        } finally {
            Configs.quietLogs(Level.WARNING);
        }
        return new Worker(hz, service);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Where this worker listens, and the members of its cluster. */
    public String describe() {
        return member.getCluster().getLocalMember().getAddress() + " in cluster '" + member.getConfig()
                .getClusterName() + "' (" + member.getCluster().getMembers().size() + " member(s))";
    }

    public WorkerService service() {
        return service;
    }

    /** Blocks until {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops at once without leaving the cluster, as a killed process would (tests). */
    void crash() {
        member.getLifecycleService().terminate();
        stopped.countDown();
    }

    @Override
    public void close() {
        try {
            if (member.getLifecycleService().isRunning()) {
                member.shutdown();
            }
        } finally {
            stopped.countDown();
        }
    }
}
