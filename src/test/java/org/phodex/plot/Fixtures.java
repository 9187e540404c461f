package org.phodex.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic but realistic run and sweep folders in the exact formats of docs/search.md / docs/cli.md: digits-mlp
 * (2368 MACs, float accuracy 97.2 %), three architectures, a toy energy model (laser grows with margin and ADC
 * bits, converters with 2^bits, thermo-optic weight holding expensive), accuracy falling at low bit widths.
 */
final class Fixtures {
    static final double MACS = 2368;
    static final double REFERENCE_ACCURACY = 0.972;
    static final String BASELINE_NAME = "H100 bf16, batch 4096";
    static final double BASELINE_J = 1.6e-6;
    static final List<String> ARCHITECTURES = List.of("mzi-clements", "mzi-butterfly", "mrr-bank");
    static final List<String> PARAMETERS = List.of("adc_bits", "butterfly_stacks", "cores", "coupler_error",
            "dac_bits", "laser_margin_db", "layout", "mesh_columns", "mesh_size", "modulation_ghz",
            "phase_error_rad", "phase_shifter", "wavelengths", "weight_bits");
    static final List<String> COMPONENTS = List.of("laser", "dac", "modulator", "detector_tia", "adc", "digital",
            "weight_hold", "weight_program", "sram", "dram");

    private Fixtures() {
    }

    /** One synthetic design with every column of evaluations.csv after the parameters. */
    record Row(String architecture, String[] params, boolean feasible, double energyJ, double accuracy,
               double relativeError, double[] breakdownJ) {
    }

    static Row design(Random rnd, String architecture, int adcBits, int dacBits, int meshSize, double marginDb,
                      String phaseShifter, int wavelengths, boolean shapeOnly) {
        boolean mrr = architecture.equals("mrr-bank");
        boolean butterfly = architecture.equals("mzi-butterfly");
        int cores = 1 + rnd.nextInt(2) * 3;
        double[] perMac = new double[COMPONENTS.size()];
        perMac[0] = 3e-15 * Math.pow(10, marginDb / 10) * Math.pow(2, adcBits - 4) * (butterfly ? 0.7 : 1);
        perMac[1] = 2e-16 * Math.pow(2, dacBits) * 8.0 / meshSize;
        perMac[2] = 1.5e-15 * 8.0 / meshSize;
        perMac[3] = 0.8e-15 * 8.0 / meshSize;
        perMac[4] = 1.2e-16 * Math.pow(2, adcBits) * 8.0 / meshSize;
        perMac[5] = 2e-15;
        perMac[6] = phaseShifter.equals("thermo-optic") ? 25e-15 : 0.2e-15;
        perMac[7] = 0.5e-15;
        perMac[8] = 4e-15;
        perMac[9] = 12e-15 / Math.sqrt(meshSize);
        double[] breakdown = new double[perMac.length];
        double energy = 0;
        for (int i = 0; i < perMac.length; i++) {
            breakdown[i] = perMac[i] * MACS * (1 + 0.1 * rnd.nextGaussian() * 0.3);
            energy += breakdown[i];
        }
        int bits = Math.min(adcBits, dacBits);
        double relErr = 0.6 * Math.pow(2, -bits) * (1 + 2.0 / (1 + marginDb)) * (mrr ? 1.3 : 1)
                * Math.exp(0.05 * rnd.nextGaussian());
        double acc = REFERENCE_ACCURACY - 0.85 * Math.exp(-0.95 * (bits - 1)) - 0.015 * Math.max(0, 2 - marginDb)
                - Math.abs(0.004 * rnd.nextGaussian());
        acc = Math.max(0.09, Math.min(REFERENCE_ACCURACY + 0.002, acc));
        boolean feasible = !(meshSize == 32 && cores == 4) && rnd.nextDouble() > 0.05;
        String[] params = {
            Integer.toString(adcBits),
            butterfly ? Integer.toString(1 + rnd.nextInt(3)) : "",
            Integer.toString(cores),
            mrr ? "" : "0.01",
            Integer.toString(dacBits),
            String.format(Locale.ROOT, "%.1f", marginDb),
            mrr ? "" : butterfly ? "butterfly" : "clements",
            mrr ? "" : Integer.toString(meshSize),
            Integer.toString(meshSize),
            "10.0",
            mrr ? "" : "0.005",
            phaseShifter,
            Integer.toString(wavelengths),
            "8"};
        return new Row(architecture, params, feasible, energy, shapeOnly ? Double.NaN : acc, relErr, breakdown);
    }

    static String header(boolean run) {
        List<String> h = new ArrayList<>();
        if (run) {
            h.add("eval_id");
            h.add("generation");
        }
        h.add("architecture");
        h.addAll(PARAMETERS);
        h.addAll(List.of("feasible", "energy_j", "accuracy", "latency_s", "area_mm2", "power_w",
                "energy_per_mac_j", "relative_error", "laser_power_w", "received_power_w"));
        for (String c : COMPONENTS) {
            h.add("breakdown_" + c + "_j");
        }
        h.add("eval_time_s");
        h.add("design_key");
        return String.join(",", h);
    }

    static String line(Row r, Integer evalId, Integer generation) {
        List<String> cells = new ArrayList<>();
        if (evalId != null) {
            cells.add(Integer.toString(evalId));
            cells.add(Integer.toString(generation));
        }
        cells.add(r.architecture());
        cells.addAll(List.of(r.params()));
        double latencyS = 2e-7;
        cells.add(Boolean.toString(r.feasible()));
        cells.add(Double.toString(r.energyJ()));
        cells.add(Double.isNaN(r.accuracy()) ? "" : Double.toString(r.accuracy()));
        cells.add(Double.toString(latencyS));
        cells.add("12.5");
        cells.add(Double.toString(r.energyJ() / latencyS));
        cells.add(Double.toString(r.energyJ() / MACS));
        cells.add(Double.toString(r.relativeError()));
        cells.add("0.05");
        cells.add("1e-5");
        for (double b : r.breakdownJ()) {
            cells.add(Double.toString(b));
        }
        cells.add("0.012");
        cells.add(key(r));
        return String.join(",", cells);
    }

    static String key(Row r) {
        return r.architecture() + "|" + String.join("|", r.params()) + "|" + Integer.toHexString(
                Double.hashCode(r.energyJ()));
    }

    /** Writes a run folder with {@code generations} x {@code population} evaluations; returns pareto rows. */
    static List<Row> writeRun(Path dir, int generations, int population, boolean shapeOnly, long seed)
            throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<Row> rows = new ArrayList<>();
        StringBuilder evaluations = new StringBuilder(header(true)).append('\n');
        StringBuilder indicators = new StringBuilder("generation,evaluations,hypervolume,front_size,elapsed_s\n");
        int id = 0;
        for (int g = 0; g < generations; g++) {
            for (int i = 0; i < population; i++) {
                String arch = ARCHITECTURES.get(rnd.nextInt(ARCHITECTURES.size()));
                int lo = Math.min(7, 2 + g / 3);
                Row r = design(rnd, arch, lo + rnd.nextInt(9 - lo), lo + rnd.nextInt(9 - lo),
                        new int[] {4, 8, 16, 32}[rnd.nextInt(4)], 0.5 * rnd.nextInt(13),
                        rnd.nextBoolean() ? "thermo-optic" : "mems", new int[] {1, 2, 4}[rnd.nextInt(3)],
                        shapeOnly);
                rows.add(r);
                evaluations.append(line(r, id++, g)).append('\n');
            }
            double hv = 0.82 * (1 - Math.exp(-0.35 * (g + 1)));
            indicators.append(String.format(Locale.ROOT, "%d,%d,%.6f,%d,%.2f%n", g, id, hv, 3 + g, 1.5 * (g + 1)));
        }
        List<Row> front = front(rows, shapeOnly);
        StringBuilder pareto = new StringBuilder(header(true)).append('\n');
        for (Row r : front) {
            int index = rows.indexOf(r);
            pareto.append(line(r, index, index / population)).append('\n');
        }
        Files.writeString(dir.resolve("evaluations.csv"), evaluations, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pareto.csv"), pareto, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("indicators.csv"), indicators, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.json"), manifest(shapeOnly ? "resnet18" : "digits-mlp",
                "\"seed\": " + seed + ", \"evaluations\": " + id + ",", shapeOnly), StandardCharsets.UTF_8);
        return front;
    }

    static String manifest(String workload, String extra, boolean shapeOnly) {
        return "{\n  \"tool\": \"phodex 0.1.0\",\n  \"workload\": \"" + workload + "\",\n"
                + "  \"architectures\": [\"mzi-clements\", \"mzi-butterfly\", \"mrr-bank\"],\n  " + extra + "\n"
                + "  \"run_info\": {\n"
                + "    \"baseline\": {\"name\": \"" + BASELINE_NAME + "\", \"energy_j\": " + BASELINE_J + "},\n"
                + "    \"baseline_batch1\": {\"name\": \"H100 bf16, batch 1\", \"energy_j\": 0.0082},\n"
                + (shapeOnly ? "" : "    \"reference_accuracy\": " + REFERENCE_ACCURACY + ",\n")
                + "    \"macs\": " + (long) MACS + "\n  }\n}\n";
    }

    /** Feasible designs that no other feasible design beats on energy and quality. */
    static List<Row> front(List<Row> rows, boolean shapeOnly) {
        List<Row> out = new ArrayList<>();
        for (Row a : rows) {
            if (!a.feasible()) {
                continue;
            }
            boolean dominated = false;
            for (Row b : rows) {
                if (b != a && b.feasible() && b.energyJ() <= a.energyJ() && better(b, a, shapeOnly, true)
                        && (b.energyJ() < a.energyJ() || better(b, a, shapeOnly, false))) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingDouble(Row::energyJ));
        return out;
    }

    private static boolean better(Row b, Row a, boolean shapeOnly, boolean orEqual) {
        double qb = shapeOnly ? -b.relativeError() : b.accuracy();
        double qa = shapeOnly ? -a.relativeError() : a.accuracy();
        return orEqual ? qb >= qa : qb > qa;
    }

    /** A sweep over adc_bits (1-D) or adc_bits x laser_margin_db (2-D) for two architectures. */
    static void writeSweep(Path dir, boolean twoD) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(7);
        StringBuilder csv = new StringBuilder(header(false)).append('\n');
        for (String arch : List.of("mzi-clements", "mrr-bank")) {
            for (int adc = 2; adc <= 8; adc++) {
                double[] margins = twoD ? new double[] {0, 1, 2, 3, 4, 5, 6} : new double[] {3};
                for (double m : margins) {
                    Row r = design(rnd, arch, adc, 8, 16, m, "mems", 1, false);
                    r.params()[PARAMETERS.indexOf("cores")] = "1";      // a sweep varies only what it says
                    csv.append(line(r, null, null)).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("sweep.csv"), csv, StandardCharsets.UTF_8);
        String vary = twoD ? "[\"adc_bits\", \"laser_margin_db\"]" : "[\"adc_bits\"]";
        Files.writeString(dir.resolve("manifest.json"), manifest("digits-mlp",
                "\"kind\": \"sweep\", \"vary\": " + vary + ",", false), StandardCharsets.UTF_8);
    }

    /** The MZIs of a Clements mesh on n modes with seeded phases. */
    static List<MeshCell> clements(int n, long seed) {
        Random rnd = new Random(seed);
        List<MeshCell> cells = new ArrayList<>();
        for (int column = 0; column < n; column++) {
            for (int top = column % 2; top + 1 < n; top += 2) {
                cells.add(new MeshCell(column, top, Math.PI * rnd.nextDouble(), 2 * Math.PI * rnd.nextDouble()));
            }
        }
        return cells;
    }
}
