package org.phodex.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.phodex.cluster.Addresses;
import org.phodex.cluster.Secret;
import org.phodex.cluster.Worker;
import org.phodex.cluster.WorkerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex worker}: a cluster member that evaluates designs for {@code search --cluster}. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Start a cluster worker (a Hazelcast member) that evaluates designs for searches run with "
                + "--cluster; runs until Ctrl-C, then leaves the cluster.",
                "Listens on 127.0.0.1 unless --bind says otherwise; joins only the members listed with --join (no "
                        + "multicast). Evaluates only tasks signed with the shared secret, from a search whose "
                        + "phodex version, spec, device library and workload data match this machine's."})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--join", paramLabel = "HOST:PORT[,...]", description = "workers to join (none: start a "
            + "new cluster)")
    String join;

    @Option(names = "--bind", paramLabel = "ADDR", description = "address to listen on (default 127.0.0.1, this "
            + "machine only; give the machine's network address, or 0.0.0.0, to serve other machines)")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "P", description = "port to listen on (default "
            + Addresses.DEFAULT_PORT + ")")
    int port = Addresses.DEFAULT_PORT;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "cluster name (default "
            + ClusterOptions.DEFAULT_NAME + "); searches give the same with --cluster-name")
    String clusterName = ClusterOptions.DEFAULT_NAME;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default: all cores)")
    Integer threads;

    @Option(names = "--secret-file", paramLabel = "PATH", description = "file holding the cluster's shared "
            + "secret (default: the file that $" + Secret.ENV + " names)")
    Path secretFile;

    @Override
    public Integer call() throws InterruptedException {
        int t = SearchCommand.threads(threads);
        if (port < 1 || port > 65535) {
            throw new UsageException("--port must be from 1 to 65535, got " + port);
        }
        if (clusterName.isBlank()) {
            throw new UsageException("--cluster-name must not be empty");
        }
        Worker.Settings s;
        try {
            InetAddress.getByName(bind);
            s = new Worker.Settings(clusterName, bind, port, join == null ? List.of() : Addresses.parse(join,
                    "--join"), t, Secret.resolve(secretFile, System.getenv()));
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: '" + bind + "' is not an address of this machine");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Worker w;
        try {
            w = Worker.start(s, WorkerService.repository(), System.err::println);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Thread hook = new Thread(() -> {
            System.err.println("worker: leaving the cluster (" + w.service().evaluated() + " designs evaluated)");
            w.close();
        }, "phodex-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        System.err.println("worker: listening on " + w.describe() + ", " + t + " evaluation thread(s); Ctrl-C "
                + "stops");
        w.awaitStop();
        return 0;
    }
}
