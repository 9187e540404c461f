package org.phodex.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phodex.arch.Family;
import org.phodex.arch.LossTerm;
import org.phodex.arch.WeightCells;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import org.phodex.workload.DigitalOps;
import org.phodex.workload.Gemm;

/**
 * What one design does per inference of one workload, before any of it is priced (count, then price: the
 * Timeloop/Accelergy split). A layer with M input vectors, inner size K and N outputs on r x c tiles needs
 * ceil(K/c) ceil(N/r) tiles and M shots per tile; cycles = shots / (cores x parallel vectors) at the symbol rate.
 *
 * @param macs                multiply-accumulates of the workload
 * @param opticalShots        input vectors sent through a tile (x2 for signed inputs on an incoherent family)
 * @param dacConversions      input DAC conversions (one per real input element per shot; a partial tile's padded
 *                            columns convert nothing)
 * @param modulatorSymbols    input modulator symbols (one per DAC conversion)
 * @param detectorReadings    detector + TIA readings, one symbol period each (one per real output per shot)
 * @param adcConversions      output ADC conversions (one per detector reading)
 * @param partialSumAdds      32-bit digital adds: partial sums of tiled inner dimensions plus one bias per output
 * @param staticTiles         tiles programmed once per batch (weights)
 * @param dynamicTiles        tiles programmed every inference (activations used as weights, e.g. attention)
 * @param batch               inferences per weight load
 * @param weightCells         the cells of one core that hold a tile's weights
 * @param cores               cores holding tiles at once
 * @param memory              the memory levels (capacities, word widths, prices)
 * @param traffic             per memory level, words read and written per inference (from the dataflow, see
 *                            {@link Dataflow})
 * @param computeTimeS        time the optics (or the array) compute: cycles / symbol rate, or the memory
 *                            transfer time when a level's bandwidth is the bottleneck
 * @param latencyS            compute time plus reprogramming (static rounds amortized over the batch)
 * @param laserOnS            time the laser is on per inference: the latency, or with {@code laser_gating: gated}
 *                            the compute time plus one settling time per turn-on
 * @param reprogrammings      weight loads per inference (static rounds / batch + dynamic rounds): the laser's
 *                            turn-ons when it is gated
 * @param worstPath           the worst optical path as loss terms
 * @param digitalOps          fp32 adds, multiplies and special functions outside the GEMMs (softmax, norms, ...)
 */
public record ActionCounts(long macs, double opticalShots, double dacConversions, double modulatorSymbols,
                           double detectorReadings, double adcConversions, double partialSumAdds,
                           long staticTiles, long dynamicTiles, int batch, WeightCells weightCells, int cores,
                           MemoryHierarchy memory, Map<String, Dataflow.Access> traffic, double computeTimeS,
                           double latencyS, double laserOnS, double reprogrammings, List<LossTerm> worstPath,
                           DigitalOps digitalOps) {

    public ActionCounts {
        worstPath = List.copyOf(worstPath);
        traffic = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(traffic));
    }

    /** Time the analog front end (TIAs, converters) waits per inference while weights are reprogrammed. */
    public double frontEndIdleS() {
        return latencyS - computeTimeS;
    }

    /** Words read plus written at a memory level per inference. */
    public double accesses(String level) {
        Dataflow.Access a = traffic.get(level);
        return a == null ? 0 : a.reads() + a.writes();
    }

    /**
     * 64-bit words carried by the on-chip network per inference: every word the shared levels (global buffer, DRAM)
     * read or write goes to or comes from a core once (a broadcast read is one multicast).
     */
    public double nocWords() {
        return accesses(MemoryHierarchy.GLOBAL_BUFFER) + accesses(MemoryHierarchy.DRAM);
    }

    /** Weight cells written per inference: static tiles once per batch, dynamic ones every inference. */
    public double cellsProgrammed() {
        return ((double) staticTiles / batch + dynamicTiles) * weightCells.perCore();
    }

    /** Weight cells held, times how long they are held per inference (cell-seconds). */
    public double cellSecondsHeld() {
        return (double) weightCells.perCore() * cores * latencyS;
    }

    /** Tiles programmed per inference (static ones amortized over the batch). */
    public double tilesProgrammed() {
        return (double) staticTiles / batch + dynamicTiles;
    }

    /** The counts by name, for {@code evaluate --json}'s {@code action_counts}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macs", macs);
        m.put("optical_shots", opticalShots);
        m.put("dac_conversions", dacConversions);
        m.put("modulator_symbols", modulatorSymbols);
        m.put("detector_readings", detectorReadings);
        m.put("adc_conversions", adcConversions);
        m.put("partial_sum_adds", partialSumAdds);
        m.put("tiles_static", staticTiles);
        m.put("tiles_dynamic", dynamicTiles);
        m.put("batch", batch);
        m.put("tiles_programmed", tilesProgrammed());
        m.put("weight_cells_per_core", weightCells.perCore());
        m.put("cells_programmed", cellsProgrammed());
        m.put("cell_seconds_held", cellSecondsHeld());
        m.put("fp32_adds", digitalOps.adds());
        m.put("fp32_mults", digitalOps.mults());
        m.put("fp32_specials", digitalOps.specials());
        traffic.forEach((level, a) -> {
            m.put(level + "_reads", a.reads());
            m.put(level + "_writes", a.writes());
            m.put(level + "_accesses", a.reads() + a.writes());
        });
        m.put("noc_words", nocWords());
        m.put("compute_time_s", computeTimeS);
        m.put("latency_s", latencyS);
        m.put("reprogrammings", reprogrammings);
        m.put("laser_on_s", laserOnS);
        m.put("front_end_idle_s", frontEndIdleS());
        m.put("core_seconds", cores * latencyS);
        double loss = 0;
        for (LossTerm t : worstPath) {
            loss += t.lossDb();
        }
        m.put("worst_path_loss_db", loss);
        return m;
    }

    /**
     * Counts a workload's GEMMs on a design.
     *
     * @param dynamicWeights per GEMM: true when its "weights" are activations that change with every inference
     *                       (attention's Q K^T and P V): they are programmed per inference, not once per batch
     * @param signedInputs   per GEMM: true when inputs take negative values; an intensity-modulated (incoherent)
     *                       family then runs every shot twice, for the positive and the negative part
     */
    public static ActionCounts count(Design d, Family f, DeviceLibrary lib, List<Gemm> gemms,
                                     boolean[] dynamicWeights, boolean[] signedInputs, DigitalOps digitalOps) {
        int r = f.tileRows(d);
        int c = f.tileCols(d);
        int cores = d.getInt(Params.CORES);
        int parallel = f.parallelVectors(d);
        int batch = d.has(Params.BATCH) ? d.getInt(Params.BATCH) : 1;
        double rateHz = f.symbolRateHz(d);

        double shots = 0;
        double dacConversions = 0;
        double adcConversions = 0;
        double partialAdds = 0;
        double outputs = 0;
        long tiles = 0;
        long dynamicTiles = 0;
        long macs = 0;
        for (int gi = 0; gi < gemms.size(); gi++) {
            Gemm g = gemms.get(gi);
            boolean dynamic = dynamicWeights[gi];
            long colBlocks = ceilDiv(g.inner(), c);
            long rowBlocks = ceilDiv(g.outputs(), r);
            long t = colBlocks * rowBlocks * g.count();
            int passes = signedInputs[gi] && f.photonic() && !f.coherent() ? 2 : 1;
            double s = (double) g.rows() * t * passes;
            if (dynamic) {
                dynamicTiles += t;
            } else {
                tiles += t;
            }
            shots += s;
            // only real elements convert: a partial tile's padded columns carry no input and its padded rows
            // are not read (their DAC and ADC channels stay idle)
            dacConversions += (double) g.rows() * g.inner() * rowBlocks * g.count() * passes;
            adcConversions += (double) g.rows() * g.outputs() * colBlocks * g.count() * passes;
            double outs = (double) g.rows() * g.outputs() * g.count();
            outputs += outs;
            partialAdds += outs * (colBlocks - 1);
            macs += g.macs();
        }
        // a systolic array fills and drains once per tile pass, and a static tile's pass carries the whole batch
        // (0 extra cycles for optics)
        double fill = f.pipelineFillCycles(d) * ((double) tiles / batch + dynamicTiles);
        double cycles = Math.ceil((shots + fill) / ((double) cores * parallel));
        int accumulatorBits = f.photonic() ? PHOTONIC_PARTIAL_SUM_BITS : d.getInt(Params.ACCUMULATOR_BITS);
        MemoryHierarchy memory = MemoryHierarchy.of(d, f, lib, accumulatorBits);
        Dataflow.Result flow = Dataflow.count(d, f, memory, gemms, dynamicWeights, signedInputs);
        // a level whose bandwidth cannot keep up stretches the compute time
        double computeTimeS = Math.max(cycles / rateHz, flow.transferTimeS());

        WeightCells cells = f.weightCells(d);
        double reconfigS = f.reprogrammingS(d, lib);
        // static weights are loaded once per batch, dynamic ones every inference; tiles beyond the cores in rounds
        double rounds = Math.ceil((double) tiles / cores);
        double dynamicRounds = Math.ceil((double) dynamicTiles / cores);
        double latencyS = computeTimeS + rounds * reconfigS / batch + dynamicRounds * reconfigS;
        double reprogrammings = rounds / batch + dynamicRounds;
        boolean gated = d.has(Params.LASER_GATING) && d.getString(Params.LASER_GATING).equals("gated");
        double laserOnS = !f.photonic() ? 0
                : gated ? computeTimeS + reprogrammings * lib.value("laser", "gating_settling_time_s") : latencyS;
        if (!f.photonic()) { // a digital array reads its inputs as words: no converters, modulators or detectors
            dacConversions = 0;
            adcConversions = 0;
        }
        return new ActionCounts(macs, shots, dacConversions, dacConversions, adcConversions, adcConversions,
                partialAdds + outputs, tiles, dynamicTiles, batch, cells, cores, memory, flow.traffic(),
                computeTimeS, latencyS, laserOnS, reprogrammings, f.worstPath(d, lib), digitalOps);
    }

    /** Width of a photonic design's digital partial sums (the 32-bit adds of the digital line). */
    static final int PHOTONIC_PARTIAL_SUM_BITS = 32;

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
