package org.phodex.cli;

import org.phodex.spec.SpecException;
import picocli.CommandLine;

/** Builds the command line with phodex's error handling: user errors exit 2 with one message, no stack trace. */
final class Cli {
    static final int EXIT_CHECK_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERRUPTED = 130;

    private Cli() {
    }

    static CommandLine commandLine() {
        return commandLine(Wiring.defaults());
    }

    /** The command line whose commands use {@code wiring} (a command taking a {@link Wiring} gets it). */
    static CommandLine commandLine(Wiring wiring) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    var ctor = cls.getDeclaredConstructor(Wiring.class);
                    return ctor.newInstance(wiring);
                } catch (NoSuchMethodException e) {
                    return defaults.create(cls);
                }
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine.Model.CommandSpec s = ex.getCommandLine().getCommandSpec();
            String name = qualifiedName(s);
            ex.getCommandLine().getErr().println("phodex: " + ex.getMessage() + " (hint: see 'phodex "
                    + (name.isEmpty() ? "" : name + " ") + "--help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            if (t instanceof SpecException || t instanceof UsageException
                    || t instanceof org.phodex.plot.PlotInputException) {
                commandLine.getErr().println("phodex: " + t.getMessage());
                return EXIT_USAGE;
            }
            if (t instanceof java.nio.file.FileSystemException fs) {
                commandLine.getErr().println("phodex: cannot write " + fs.getFile() + ": "
                        + org.phodex.search.RunFiles.reason(fs));
                return EXIT_USAGE;
            }
            if (t instanceof java.io.UncheckedIOException u
                    && u.getCause() instanceof java.nio.file.FileSystemException fs) {
                // a path that cannot be written (permissions, a file where a folder should be, /proc ...)
                commandLine.getErr().println("phodex: " + u.getMessage().replaceFirst(":.*", "") + ": "
                        + org.phodex.search.RunFiles.reason(fs));
                return EXIT_USAGE;
            }
            commandLine.getErr().println("phodex: internal error: " + t);
            if (System.getenv("PHODEX_DEBUG") != null) {
                t.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set PHODEX_DEBUG=1 for the stack trace)");
            }
            return 3;
        });
        return cl;
    }

    private static String qualifiedName(CommandLine.Model.CommandSpec s) {
        String q = s.qualifiedName();
        return q.startsWith("phodex ") ? q.substring(7) : "";
    }
}
