package org.phodex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.phodex.plot.PlotInputException;
import org.phodex.plot.RunFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phodex plot DIR}: redraws a run's or sweep's figures from its CSV files into DIR/plots. */
@Command(name = "plot",
        mixinStandardHelpOptions = true,
        description = "Redraw a search run's or a sweep's figures from its CSV files (no re-evaluation) into "
                + "DIR/plots: PNG, SVG and PDF of each, with its data as CSV beside it; and the interactive DIR/report.html.")
public final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "run folder (runs/NAME) or sweep folder")
    Path dir;

    @picocli.CommandLine.Option(names = "--accuracy-range", paramLabel = "LO:HI",
            description = "top-1 accuracy shown on the Pareto plot, in percent (e.g. 90:100); designs outside are "
                    + "left out of the drawing and counted in its legend")
    String accuracyRange;

    @picocli.CommandLine.Option(names = "--energy-range", paramLabel = "LO:HI",
            description = "energy per inference shown on the Pareto plot, in joules (e.g. 1e-9:1e-6)")
    String energyRange;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> written;
        try {
            double[] q = accuracyRange == null ? new double[] {Double.NaN, Double.NaN}
                    : org.phodex.plot.PlotRanges.parse(accuracyRange, "--accuracy-range");
            double[] e = energyRange == null ? new double[] {Double.NaN, Double.NaN}
                    : org.phodex.plot.PlotRanges.parse(energyRange, "--energy-range");
            written = RunFigures.write(dir, note -> err.println("phodex plot: note: " + note),
                    new org.phodex.plot.PlotRanges(q[0], q[1], e[0], e[1]));
        } catch (PlotInputException e) {
            throw new UsageException(e.getMessage());
        }
        out.println("wrote " + written.size() + " files in " + dir.resolve(RunFigures.PLOTS_DIR) + ":");
        for (Path p : written) {
            out.println("  " + p);
        }
        try {
            out.println("report: " + org.phodex.report.RunReport.write(dir));
        } catch (org.phodex.report.ReportInputException e) {
            err.println("phodex plot: note: no report.html: " + e.getMessage());
        }
        out.flush();
        return 0;
    }
}
