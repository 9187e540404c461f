package org.phodex.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phodex.report.ReportInputException;
import org.phodex.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phodex report DIR [-o FILE]}: writes the interactive HTML report of a run or sweep folder. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Write the interactive report of a search run or a sweep (default DIR/report.html): one "
                + "self-contained HTML file that opens offline in a browser, made from the folder's files only.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "run folder (runs/NAME) or sweep folder")
    Path dir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write it (default: DIR/"
            + RunReport.FILE + ")")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path written;
        try {
            written = output == null ? RunReport.write(dir) : RunReport.write(dir, output);
        } catch (ReportInputException e) {
            throw new UsageException(e.getMessage());
        }
        spec.commandLine().getOut().println("report: " + written + "  (open it in a browser; works offline)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
