package org.phodex.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SerializationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hazelcast configuration of a worker (member) and of a search (client): loopback unless told otherwise,
 * explicit member lists (no multicast, no discovery), no phone-home, Java deserialization restricted to
 * phodex's task class, quiet logs. Failure-detection timings are Hazelcast's defaults unless the JVM's system
 * properties set them ({@code -Dhazelcast.max.no.heartbeat.seconds=...},
 * {@code -Dhazelcast.client.heartbeat.timeout=...}); the cluster check script shortens them.
 */
final class Configs {
    /** Name of the executor that runs tasks on the workers. */
    static final String EXECUTOR = "phodex-eval";
    /** Member attribute: the worker's evaluation threads. */
    static final String THREADS_ATTRIBUTE = "phodex.threads";
    /** Hazelcast's loggers, kept referenced so their level sticks. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    /** Its start-up advice to open JDK internals for speed: not needed for correctness, and noise here. */
    private static final Logger MODULES_ADVICE = Logger.getLogger(
            "com.hazelcast.instance.impl.HazelcastInstanceFactory");

    private Configs() {
    }

    /** Hazelcast logs only warnings (or {@code -Dphodex.cluster.log=LEVEL}, e.g. INFO to see its chatter). */
    static void quietLogs(Level level) {
        Level l = Level.parse(System.getProperty("phodex.cluster.log", level.getName()));
        HAZELCAST_LOG.setLevel(l);
        MODULES_ADVICE.setLevel(l.intValue() < Level.SEVERE.intValue() && l.intValue() <= Level.INFO.intValue() ? l
                : Level.SEVERE);
    }

    static Config member(String clusterName, String bind, int port, List<String> join, int threads) {
        Config c = new Config();
        c.setClusterName(clusterName);
        c.setInstanceName("phodex-worker-" + port);
        common(c.getSerializationConfig());
        property(c, "hazelcast.logging.type", "jdk");
        property(c, "hazelcast.phone.home.enabled", "false");
        property(c, "hazelcast.shutdownhook.enabled", "false"); // the worker leaves the cluster itself on Ctrl-C
        property(c, "hazelcast.wait.seconds.before.join", "1");
        boolean any = bind.equals("0.0.0.0") || bind.equals("::");
        property(c, "hazelcast.socket.bind.any", any ? "true" : "false");
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(false);
        if (!any) {
            net.getInterfaces().setEnabled(true).setInterfaces(List.of(bind));
        }
        JoinConfig j = net.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        List<String> members = new ArrayList<>(join);
        if (members.isEmpty()) {
            members.add((any ? "127.0.0.1" : bind) + ":" + port);
        }
        j.getTcpIpConfig().setEnabled(true).setMembers(members);
        c.getJetConfig().setEnabled(false);
        c.getExecutorConfig(EXECUTOR).setPoolSize(threads).setStatisticsEnabled(false);
        c.getMemberAttributeConfig().setAttribute(THREADS_ATTRIBUTE, Integer.toString(threads));
        return c;
    }

    static ClientConfig client(String clusterName, List<String> members, long connectTimeoutMs) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(clusterName);
        common(c.getSerializationConfig());
        clientProperty(c, "hazelcast.logging.type", "jdk");
        clientProperty(c, "hazelcast.shutdownhook.enabled", "false"); // closed by the search itself
        c.getNetworkConfig().setAddresses(new ArrayList<>(members)).setRedoOperation(false);
        // offline: fail invocations at once (they go to another worker or run locally) instead of blocking
        c.getConnectionStrategyConfig().setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
                .getConnectionRetryConfig().setClusterConnectTimeoutMillis(connectTimeoutMs);
        return c;
    }

    /**
     * Our one task class by id (identified data serialization: only {@link EvalTask.Factory} instantiates); Java
     * deserialization by Hazelcast refused for every class but that one (which never needs it: a task's parts
     * are byte arrays, read by {@link Codec} after their MAC verifies), so no gadget class can be sent in.
     */
    private static void common(SerializationConfig s) {
        s.addDataSerializableFactory(EvalTask.FACTORY_ID, new EvalTask.Factory());
        s.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(new ClassFilter().addClasses(EvalTask.class.getName())));
    }

    /** A system property of the same name wins (so a script or a user can tune Hazelcast without code). */
    private static void property(Config c, String key, String value) {
        c.setProperty(key, System.getProperty(key, value));
    }

    private static void clientProperty(ClientConfig c, String key, String value) {
        c.setProperty(key, System.getProperty(key, value));
    }
}
