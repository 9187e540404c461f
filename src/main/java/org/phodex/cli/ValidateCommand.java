package org.phodex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.phodex.cost.DigitalBaseline;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Repo;
import org.phodex.validation.References;
import org.phodex.validation.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex validate}: the model against published cases; exit 1 when any is out of tolerance. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compare the model with the published cases in architectures/reference/ (model vs published, "
                + "error, tolerance). Exit 1 if any case is outside its tolerance.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Repo repo = Repo.locate();
        Validator v = new Validator(DeviceLibrary.load(repo.devices()), DigitalBaseline.load(
                repo.workloads().resolve("baseline")));
        List<Validator.Row> rows = v.run(References.loadAll(repo.references()));
        long failed = rows.stream().filter(r -> !r.pass()).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            ArrayNode arr = root.putArray("cases");
            for (Validator.Row r : rows) {
                ObjectNode o = arr.addObject();
                o.put("case", r.c().name());
                o.put("file", r.c().file() + ":" + r.c().line());
                o.put("citation", r.c().citation());
                o.put("quantity", r.quantity());
                o.put("model", r.model());
                o.put("published", r.published());
                o.put("relative_error", r.relativeError());
                o.put("tolerance", r.tolerance());
                o.put("pass", r.pass());
            }
            root.put("passed", rows.size() - failed);
            root.put("failed", failed);
            out.println(m.writeValueAsString(root));
        } else {
            out.printf("%-34s %-24s %13s %13s %9s %11s  %s%n", "case", "quantity", "model", "published", "error",
                    "tolerance", "");
            String lastCitation = "";
            for (Validator.Row r : rows) {
                if (!r.c().citation().equals(lastCitation)) {
                    out.println("# " + r.c().citation());
                    lastCitation = r.c().citation();
                }
                out.printf("%-34s %-24s %13.5g %13.5g %8.3f%% %11.3g  %s%n", r.c().name(), r.quantity(), r.model(),
                        r.published(), 100 * r.relativeError(), r.tolerance(), r.pass() ? "ok" : "FAIL");
            }
            out.printf("%d of %d checks within tolerance%n", rows.size() - failed, rows.size());
        }
        out.flush();
        return failed == 0 ? 0 : Cli.EXIT_CHECK_FAILED;
    }
}
