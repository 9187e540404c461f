package org.phodex.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Joins sweeps of the same parameters on different architectures (one {@code phodex sweep} folder each) into
 * one sweep folder, so that their figures show one line per architecture. Parameter columns are the union of
 * the inputs' (a parameter one architecture lacks stays empty); the manifest is the first input's with every
 * architecture listed.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /** Writes {@code out/sweep.csv} and {@code out/manifest.json}; returns the number of rows. */
    public static int merge(List<Path> sweepDirs, Path out) {
        if (sweepDirs.isEmpty()) {
            throw new PlotInputException("nothing to merge: no sweep folders given");
        }
        List<CsvTable> tables = new ArrayList<>();
        for (Path d : sweepDirs) {
            tables.add(CsvTable.read(d.resolve("sweep.csv")).require("architecture", "feasible"));
        }
        List<String> first = tables.get(0).columns();
        List<String> lead = first.subList(0, first.indexOf("architecture") + 1);
        List<String> tail = first.subList(first.indexOf("feasible"), first.size());
        Set<String> parameters = new LinkedHashSet<>();
        for (CsvTable t : tables) {
            List<String> c = t.columns();
            parameters.addAll(c.subList(c.indexOf("architecture") + 1, c.indexOf("feasible")));
        }
        List<String> header = new ArrayList<>(lead);
        header.addAll(parameters);
        header.addAll(tail);
        DataTable merged = new DataTable(header.toArray(new String[0]));
        int rows = 0;
        for (CsvTable t : tables) {
            for (int r = 0; r < t.size(); r++) {
                Object[] cells = new Object[header.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = t.has(header.get(i)) ? t.text(r, header.get(i)) : "";
                }
                merged.add(cells);
                rows++;
            }
        }
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode manifest = (ObjectNode) mapper.readTree(Files.readString(sweepDirs.get(0)
                    .resolve("manifest.json")));
            ArrayNode architectures = manifest.putArray("architectures");
            for (CsvTable t : tables) {
                Set<String> names = new LinkedHashSet<>();
                for (int r = 0; r < t.size(); r++) {
                    names.add(t.text(r, "architecture"));
                }
                names.forEach(architectures::add);
            }
            manifest.remove("architecture");
            manifest.put("points", rows);
            ArrayNode sources = manifest.putArray("merged_from");
            sweepDirs.forEach(d -> sources.add(d.getFileName().toString()));
            Files.createDirectories(out);
            merged.write(out.resolve("sweep.csv"));
            Files.writeString(out.resolve("manifest.json"),
                    mapper.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw new PlotInputException(out + ": cannot merge sweeps: " + e.getMessage(), e);
        }
        return rows;
    }
}
