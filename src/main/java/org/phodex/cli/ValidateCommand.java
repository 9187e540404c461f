package org.phodex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.phodex.evaluation.Catalog;
import org.phodex.validation.ReferenceCase;
import org.phodex.validation.References;
import org.phodex.validation.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex validate}: the model against published cases; exit 1 when any is out of tolerance. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compare the model with the published cases in architectures/reference/ (model vs published, "
                + "error, tolerance), by kind: consistency, published-measurement, published-model. Exit 1 if any case is "
                + "outside its tolerance, except known disagreements (listed separately with their explanation).")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.locate();
        Validator v = new Validator(catalog.devices(), catalog.baseline(), catalog::architecture);
        List<Validator.Row> rows = v.run(References.loadAll(catalog.repo().references()));
        long failed = rows.stream().filter(Validator.Row::fails).count();
        List<Validator.Row> agreed = rows.stream().filter(r -> !r.c().knownDisagreement()).toList();
        List<Validator.Row> known = rows.stream().filter(r -> r.c().knownDisagreement()).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            ArrayNode arr = root.putArray("cases");
            for (Validator.Row r : rows) {
                ObjectNode o = arr.addObject();
                o.put("case", r.c().name());
                o.put("kind", r.c().kind());
                o.put("file", r.c().file() + ":" + r.c().line());
                o.put("citation", r.c().citation());
                o.put("quantity", r.quantity());
                o.put("model", r.model());
                o.put("published", r.published());
                o.put("relative_error", r.relativeError());
                o.put("tolerance", r.tolerance());
                o.put("pass", r.pass());
                o.put("known_disagreement", r.c().knownDisagreement());
                if (r.c().knownDisagreement()) {
                    o.put("explanation", r.c().explanation());
                }
                if (!r.c().note().isEmpty()) {
                    o.put("note", r.c().note());
                }
            }
            ObjectNode kinds = root.putObject("kinds");
            for (String k : ReferenceCase.KINDS) {
                ObjectNode o = kinds.putObject(k);
                o.put("checks", rows.stream().filter(r -> r.c().kind().equals(k)).count());
                o.put("passed", rows.stream().filter(r -> r.c().kind().equals(k) && r.pass()).count());
                o.put("known_disagreements", rows.stream().filter(r -> r.c().kind().equals(k)
                        && r.c().knownDisagreement()).count());
            }
            root.put("passed", rows.stream().filter(Validator.Row::pass).count());
            root.put("known_disagreements", known.size());
            root.put("failed", failed);
            out.println(m.writeValueAsString(root));
        } else {
            table(out, agreed);
            if (!known.isEmpty()) {
                out.println();
                out.println("Known disagreements (listed and counted, do not fail validate):");
                table(out, known);
                for (ReferenceCase c : known.stream().map(Validator.Row::c).distinct().toList()) {
                    out.println("  " + c.name() + ": " + c.explanation());
                }
            }
            out.println();
            StringBuilder byKind = new StringBuilder();
            for (String k : ReferenceCase.KINDS) {
                long n = rows.stream().filter(r -> r.c().kind().equals(k)).count();
                long p = rows.stream().filter(r -> r.c().kind().equals(k) && r.pass()).count();
                byKind.append(byKind.length() == 0 ? "" : ", ").append(k).append(' ').append(p).append('/').append(n);
            }
            out.printf("%d of %d checks within tolerance (%s); %d known disagreements; %d failed%n",
                    rows.stream().filter(Validator.Row::pass).count(), rows.size(), byKind, known.size(), failed);
        }
        out.flush();
        return failed == 0 ? 0 : Cli.EXIT_CHECK_FAILED;
    }

    private static void table(PrintWriter out, List<Validator.Row> rows) {
        out.printf("%-40s %-22s %-21s %12s %12s %9s %10s  %s%n", "case", "kind", "quantity", "model", "published",
                "error", "tolerance", "");
        String lastCitation = "";
        for (Validator.Row r : rows) {
            if (!r.c().citation().equals(lastCitation)) {
                out.println("# " + r.c().citation());
                lastCitation = r.c().citation();
            }
            out.printf("%-40s %-22s %-21s %12.5g %12.5g %8.2f%% %10.3g  %s%n", r.c().name(), r.c().kind(),
                    r.quantity(), r.model(), r.published(), 100 * r.relativeError(), r.tolerance(),
                    r.pass() ? "ok" : r.c().knownDisagreement() ? "MISS (known)" : "FAIL");
        }
    }
}
