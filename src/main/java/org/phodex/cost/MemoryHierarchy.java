package org.phodex.cost;

import java.util.LinkedHashMap;
import java.util.Map;
import org.phodex.arch.Family;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * The memory levels of a design, innermost first (docs/physics.md, memory hierarchy): accumulators beside the ADCs
 * (or at the bottom of a digital array's columns), a per-core input/output buffer, a global SRAM buffer, DRAM.
 * Each level has a capacity, a word width, read and write energies per word that depend on its capacity, a leakage
 * power and a bandwidth.
 *
 * <p>SRAM energy per 64-bit access follows Horowitz (ISSCC 2014: 10, 20 and 100 pJ for 8 KB, 32 KB and 1 MB),
 * interpolated piecewise log-log between the three published points and extrapolated with the end segments' slopes
 * (below 8 KB: energy ~ capacity^0.5, the wire-length scaling of a square array; above 1 MB: capacity^0.46). The
 * interpolation is a model assumption; a narrower word costs its share of a 64-bit access (energy per bit).
 *
 * <p>An SRAM larger than one bank ({@code sram_scaling.bank_bytes}, 32 KB) is split into n = ceil(capacity / bank)
 * equal banks: an access reads one bank (the law above at capacity / n) and carries its word over an H-tree from the
 * array's port at its centre to the bank, whose length is the array's side minus a bank's side (both from the
 * library's SRAM area per byte), at the on-chip wire energy per bit per mm ({@link #sramAccess64J}).
 *
 * @param levels level name -> the level, innermost first
 */
public record MemoryHierarchy(Map<String, Level> levels) {
    public static final String ACCUMULATOR = "accumulator";
    public static final String IO_BUFFER = "io_buffer";
    public static final String GLOBAL_BUFFER = "global_buffer";
    public static final String DRAM = "dram";

    /** Defaults of the sizes when a design does not fix them (specs written before the hierarchy existed). */
    static final double DEFAULT_ACCUMULATOR_KB = 1;
    static final double DEFAULT_IO_BUFFER_KB = 8;
    static final double DEFAULT_GLOBAL_BUFFER_KB = 32;

    /**
     * One level.
     *
     * @param capacityBytes   bytes of one instance (infinite for DRAM)
     * @param instances       copies on the chip (one per core for the accumulators and I/O buffers)
     * @param wordBits        bits of one access
     * @param readJ           joules per word read
     * @param writeJ          joules per word written
     * @param leakageW        leakage of all instances
     * @param bandwidthBytesPerS bytes per second all instances deliver together
     * @param device          the device library entry its numbers come from
     */
    public record Level(String name, double capacityBytes, int instances, int wordBits, double readJ, double writeJ,
                        double leakageW, double bandwidthBytesPerS, String device) {
    }

    public MemoryHierarchy {
        levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    public Level level(String name) {
        return levels.get(name);
    }

    /** Leakage of every on-chip level (W). */
    public double leakageW() {
        return levels.values().stream().mapToDouble(Level::leakageW).sum();
    }

    /** Silicon area of one byte of on-chip SRAM (um^2): the library's SRAM area over its capacity. */
    public static double sramUm2PerByte(DeviceLibrary lib) {
        return lib.value("sram", "area_um2") / lib.value("sram", "capacity_bytes");
    }

    /** The design's hierarchy; {@code accumulatorBits} is the width of one partial sum. */
    public static MemoryHierarchy of(Design d, Family f, DeviceLibrary lib, int accumulatorBits) {
        int cores = d.getInt(Params.CORES);
        Map<String, Level> m = new LinkedHashMap<>();
        // the per-core levels are as wide as the tile (model assumption): one accumulator per output row and one
        // I/O word per input column, read and written every symbol (two ports), so they never hold the tile back
        double rate = f.symbolRateHz(d) * f.parallelVectors(d);
        m.put(ACCUMULATOR, sram(ACCUMULATOR, kb(d, Params.ACCUMULATOR_KB, DEFAULT_ACCUMULATOR_KB), cores,
                accumulatorBits, lib, 2.0 * cores * f.tileRows(d) * accumulatorBits / 8 * rate));
        m.put(IO_BUFFER, sram(IO_BUFFER, kb(d, Params.IO_BUFFER_KB, DEFAULT_IO_BUFFER_KB), cores, 64, lib,
                2.0 * cores * f.tileCols(d) * 8 * rate));
        // the shared buffer delivers one word per bank per cycle (device library), banks of bank_bytes
        double globalBytes = kb(d, Params.GLOBAL_BUFFER_KB, DEFAULT_GLOBAL_BUFFER_KB);
        m.put(GLOBAL_BUFFER, sram(GLOBAL_BUFFER, globalBytes, 1, 64, lib,
                banks(lib, globalBytes) * lib.value("sram_scaling", "bank_bandwidth_bytes_per_s")));
        double dramJ = lib.value("dram", "access_energy_64b_j");
        m.put(DRAM, new Level(DRAM, Double.POSITIVE_INFINITY, 1, 64, dramJ, dramJ, 0,
                lib.value("dram", "bandwidth_bytes_per_s"), "dram"));
        return new MemoryHierarchy(m);
    }

    private static double kb(Design d, String param, double fallback) {
        return (d.has(param) ? d.getDouble(param) : fallback) * 1024;
    }

    private static Level sram(String name, double bytes, int instances, int wordBits, DeviceLibrary lib,
                              double bandwidthBytesPerS) {
        double read = sramAccess64J(lib, bytes) * wordBits / 64;
        double write = read * lib.value("sram_scaling", "write_to_read_ratio");
        double leak = bytes * 8 * instances * lib.value("sram_scaling", "leakage_per_bit_w");
        return new Level(name, bytes, instances, wordBits, read, write, leak, bandwidthBytesPerS, "sram_scaling");
    }

    /** Banks of an SRAM of {@code bytes}: ceil(bytes / bank_bytes), at least one. */
    public static int banks(DeviceLibrary lib, double bytes) {
        return (int) Math.max(1, Math.ceil(bytes / lib.value("sram_scaling", "bank_bytes")));
    }

    /**
     * Energy of one 64-bit access of a banked SRAM of {@code bytes}: one bank of bytes / n at Horowitz's law
     * ({@link #access64J}) plus 64 bits carried over the H-tree from the port to that bank ({@link #hTreeMm}) at the
     * wire's energy per bit per mm. One bank: exactly the law.
     */
    public static double sramAccess64J(DeviceLibrary lib, double bytes) {
        int n = banks(lib, bytes);
        return access64J(lib, bytes / n) + 64 * hTreeMm(lib, bytes) * lib.value("wire", "energy_per_bit_mm_j");
    }

    /**
     * Wire from a banked SRAM's port, at the centre of its square array, to a bank (mm): an H-tree's root-to-leaf
     * path spans half the array's side in each direction less half a bank's, so side(array) - side(bank), with the
     * sides from the library's SRAM area per byte. Zero for one bank.
     */
    public static double hTreeMm(DeviceLibrary lib, double bytes) {
        double um2PerByte = sramUm2PerByte(lib);
        int n = banks(lib, bytes);
        return (Math.sqrt(bytes * um2PerByte) - Math.sqrt(bytes / n * um2PerByte)) * 1e-3;
    }

    /** Energy of one 64-bit access of one SRAM array of {@code bytes}: piecewise log-log through Horowitz's points. */
    public static double access64J(DeviceLibrary lib, double bytes) {
        double[] cap = {8 * 1024, 32 * 1024, 1024 * 1024};
        double[] e = {lib.value("sram_scaling", "read_8kb_64b_j"), lib.value("sram_scaling", "read_32kb_64b_j"),
                lib.value("sram_scaling", "read_1mb_64b_j")};
        int seg = bytes <= cap[1] ? 0 : 1; // below 32 KB the first segment (extended below 8 KB), else the second
        double slope = Math.log(e[seg + 1] / e[seg]) / Math.log(cap[seg + 1] / cap[seg]);
        return e[seg] * Math.pow(bytes / cap[seg], slope);
    }
}
