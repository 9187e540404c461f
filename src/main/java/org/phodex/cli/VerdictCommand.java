package org.phodex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phodex.evaluation.Catalog;
import org.phodex.spec.SpecException;
import org.phodex.verdict.Verdict;
import org.phodex.verdict.VerdictText;
import org.phodex.verdict.Verdicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phodex verdict RUN}: is 100x less energy at float accuracy reachable, against each baseline? */
@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = {"Answer for a finished search run: among photonic designs whose re-scored accuracy is within "
                + "--tolerance points of float (95% paired interval), the lowest-energy one, its energy ratio to "
                + "every baseline (measured H100, H100 at GEMM saturation, the digital MAC array) and whether 100x "
                + "is reached; whether any design is significantly more accurate than float; the winner's dominant "
                + "energy component; device numbers changed from the library.",
                "A search writes the same into RUN/verdict.md and RUN/verdict.json when it ends."})
final class VerdictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the search's run folder")
    Path run;

    @Option(names = "--tolerance", paramLabel = "POINTS", description = "accuracy tolerance below float, in "
            + "percentage points (default " + Verdicts.DEFAULT_TOLERANCE_PTS + ")")
    double tolerance = Verdicts.DEFAULT_TOLERANCE_PTS;

    @Option(names = "--json", description = "print the verdict as one JSON object")
    boolean json;

    @Option(names = "--readme", description = "print one Markdown paragraph for the README's findings")
    boolean readme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (json && readme) {
            throw new UsageException("--json and --readme: choose one");
        }
        Verdict v;
        try {
            v = Verdicts.of(run, tolerance, Catalog.locate());
        } catch (IllegalArgumentException | SpecException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(VerdictText.json(v).toPrettyString());
        } else if (readme) {
            out.print(VerdictText.readme(v, "run " + run));
        } else {
            out.print(VerdictText.markdown(v));
        }
        out.flush();
        return 0;
    }

    /**
     * Writes RUN/verdict.md and RUN/verdict.json at the default tolerance; a failure is a note on stderr, never
     * lost results. Returns the verdict, or null when it could not be formed.
     */
    static Verdict write(Path runDir, PrintWriter out) {
        try {
            Verdict v = Verdicts.of(runDir, Verdicts.DEFAULT_TOLERANCE_PTS, Catalog.locate());
            org.phodex.search.RunFiles.writeAtomically(runDir.resolve("verdict.md"), VerdictText.markdown(v));
            org.phodex.search.RunFiles.writeAtomically(runDir.resolve("verdict.json"),
                    VerdictText.json(v).toPrettyString() + "\n");
            out.println("verdict: " + runDir.resolve("verdict.md") + "  (" + (v.answered()
                    ? v.best().architecture() + " within " + v.tolerancePts() + " points of float"
                    : "no photonic design within " + v.tolerancePts() + " points of float") + ")");
            out.flush();
            return v;
        } catch (RuntimeException e) {
            System.err.println("verdict: could not be formed (" + e.getMessage() + "); retry with: phodex verdict "
                    + runDir);
            return null;
        }
    }
}
