package org.phodex.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point: picocli dispatches to one class per command. */
@Command(name = "phodex",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Photonic accelerator design-space explorer: energy, latency and accuracy of photonic "
                + "matrix-multiply hardware, searched with a genetic algorithm.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BenchCommand.class,
                EvaluateCommand.class,
                FiguresCommand.class,
                ListCommand.class,
                MeshCommand.class,
                PlotCommand.class,
                ReportCommand.class,
                ResumeCommand.class,
                SearchCommand.class,
                SelftestCommand.class,
                SweepCommand.class,
                ValidateCommand.class,
                VerdictCommand.class,
                WorkerCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        return Cli.commandLine().execute(args);
    }

    /** Runs the CLI with its output and error streams redirected (for tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(Wiring.defaults(), out, err, args);
    }

    /** Runs the CLI wired to other evaluators, resolvers or clocks (tests, scripts). */
    public static int run(Wiring wiring, String... args) {
        return Cli.commandLine(wiring).execute(args);
    }

    /** Both of the above: other wiring, redirected streams. */
    public static int run(Wiring wiring, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = Cli.commandLine(wiring);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"phodex " + (v == null ? "dev" : v)};
        }
    }
}
