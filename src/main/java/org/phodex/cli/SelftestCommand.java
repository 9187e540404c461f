package org.phodex.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.phodex.moo.Zdt;
import org.phodex.moo.ZdtSelfTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex selftest}: the optimizer on ZDT1-3 against their known fronts. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Run the search engine (same selection, archive and hypervolume code as 'search') on the "
                + "ZDT1, ZDT2, ZDT3 benchmarks (30 variables, population 100) and compare the archive's "
                + "hypervolume at reference (1.1, 1.1) with the true fronts' (0.8767, 0.5433, 1.3318).",
                "Thresholds at ~25,000 evaluations: ZDT1 >= 0.86, ZDT2 >= 0.535, ZDT3 >= 1.31 (about 98 % of "
                        + "ideal; NSGA-II typically reaches 99 %). Exit 1 below a threshold."})
final class SelftestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--evaluations", paramLabel = "N", description = "evaluations per problem (default 25000)")
    long evaluations = 25_000;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default 1)")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "evaluation threads (default 1; ZDT is cheap)")
    int threads = 1;

    @Option(names = "--problems", paramLabel = "LIST", split = ",",
            description = "subset of zdt1,zdt2,zdt3 (default all)")
    List<String> problems = new ArrayList<>(List.of("zdt1", "zdt2", "zdt3"));

    @Override
    public Integer call() {
        if (evaluations < 200) {
            throw new UsageException("--evaluations must be at least 200, got " + evaluations);
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        List<Zdt> zs = new ArrayList<>();
        for (String p : problems) {
            try {
                zs.add(Zdt.valueOf(p.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--problems: unknown problem '" + p + "'; valid: zdt1, zdt2, zdt3");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-6s %11s %11s %12s %8s %9s %7s %9s  %s%n", "problem", "evaluations",
                "generations", "hypervolume", "ideal", "threshold", "front", "time_s", "result");
        out.flush();
        boolean ok = true;
        for (Zdt z : zs) {
            ZdtSelfTest.Row r = ZdtSelfTest.run(z, evaluations, seed, threads);
            ok &= r.passed();
            out.printf(Locale.ROOT, "%-6s %11d %11d %12.4f %8.4f %9.4f %7d %9.1f  %s%n", z.label(),
                    r.evaluations(), r.generations(), r.hypervolume(), z.idealHypervolume(), r.threshold(),
                    r.frontSize(), r.seconds(), r.passed() ? "PASS" : "FAIL");
            out.flush();
        }
        out.println(ok ? "selftest passed" : "selftest FAILED: hypervolume below threshold");
        out.flush();
        return ok ? 0 : Cli.EXIT_CHECK_FAILED;
    }
}
