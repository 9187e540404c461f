package org.phodex.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.phodex.cli.Main;
import org.phodex.cli.Wiring;
import org.phodex.search.Evaluators;
import org.phodex.search.Synthetic;

/** Real run and sweep folders made by the CLI with the synthetic evaluator (seconds, no physics). */
final class RunFolders {
    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
    }

    private RunFolders() {
    }

    static Result search(Path tmp, Path dir, int population, int generations) throws IOException {
        return cli(tmp, "search", "-w", "synthetic", "--population", Integer.toString(population),
                "--generations", Integer.toString(generations), "--seed", "5", "--threads", "2", "-o", dir.toString());
    }

    static Result sweep(Path tmp, Path dir) throws IOException {
        return cli(tmp, "sweep", "-w", "synthetic", "--vary", "adc_bits=2:10", "--vary", "laser_margin_db=-5:5:1",
                "-o", dir.toString());
    }

    /** Runs a command on the synthetic architecture (its YAML written into tmp) with the synthetic evaluator. */
    static Result cli(Path tmp, String command, String... args) throws IOException {
        Path arch = tmp.resolve("synth-a.yaml");
        Files.writeString(arch, Synthetic.YAML);
        List<String> a = new ArrayList<>(List.of(command, "-a", arch.toString()));
        a.addAll(List.of(args));
        Wiring wiring = Wiring.defaults().withEvaluators((archs, workload, seed) -> Synthetic.evaluator())
                .withResolver(Evaluators.FILES);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(wiring, new PrintWriter(out), new PrintWriter(err), a.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** The data JSON embedded in a report. */
    static String embeddedJson(String html) {
        String open = "<script id=\"phodex-data\" type=\"application/json\">";
        int from = html.indexOf(open);
        int to = html.indexOf("</script>", from);
        return html.substring(from + open.length(), to);
    }
}
