package org.phodex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: picocli dispatches to one class per command. */
@Command(name = "phodex",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Photonic accelerator design-space explorer: energy, latency and accuracy of photonic "
                + "matrix-multiply hardware, searched with a genetic algorithm.",
        subcommands = {
                CommandLine.HelpCommand.class,
                SearchCommand.class,
                ResumeCommand.class,
                SweepCommand.class,
                SelftestCommand.class,
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"phodex " + (v == null ? "dev" : v)};
        }
    }
}
