package org.phodex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The machine, as Linux reports it in /proc/cpuinfo, and the double-precision peak of one core worked out from
 * it: clock x doubles per vector x 2 (a fused multiply-add is two flops) x 2 FMA pipes. The vector width is the
 * width of the FMA datapath: 512 bits on Intel cores with AVX-512 and on AMD Zen 5 (family 26), 256 bits with AVX2
 * (and on AMD Zen 4, family 25, which runs AVX-512 instructions on two 256-bit halves), 128 bits otherwise. The
 * clock is the one /proc/cpuinfo reports: under a hypervisor the nominal (TSC) clock, not the boost clock the core
 * actually runs at, so this nominal peak can sit far below what a kernel reaches (a Zen 5 guest reporting 2.1 GHz
 * ran the product kernel at about 80 GFLOP/s against a nominal 33.5). {@code phodex bench} therefore measures the
 * peak ({@link org.phodex.sim.Kernels#measuredPeakGflops}) and rates kernels against that.
 *
 * @param model       model name
 * @param vendor      vendor id (e.g. AuthenticAMD)
 * @param family      CPU family number
 * @param mhz         clock reported by the kernel (MHz); NaN if unknown
 * @param flags       feature flags
 * @param cores       processors the JVM may use
 */
public record CpuInfo(String model, String vendor, int family, double mhz, Set<String> flags, int cores) {

    public static CpuInfo read() {
        String model = System.getProperty("os.arch");
        String vendor = "";
        int family = -1;
        double mhz = Double.NaN;
        Set<String> flags = new HashSet<>();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "model name" -> model = value;
                    case "vendor_id" -> vendor = value;
                    case "cpu family" -> family = parseInt(value);
                    case "cpu MHz" -> mhz = Double.isNaN(mhz) ? parseDouble(value) : Math.max(mhz, parseDouble(value));
                    case "flags" -> flags.addAll(Arrays.asList(value.split("\\s+")));
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown clock and width
        }
        return new CpuInfo(model, vendor, family, mhz, flags, Runtime.getRuntime().availableProcessors());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Width of the FMA datapath in bits (see the class comment). */
    public int datapathBits() {
        boolean fma = flags.contains("fma");
        // AMD before Zen 5 splits 512-bit instructions into two 256-bit halves; Zen 5 (family 0x1A) has full width
        if (flags.contains("avx512f") && fma && (!"AuthenticAMD".equals(vendor) || family >= 26)) {
            return 512;
        }
        if (flags.contains("avx2") && fma) {
            return 256;
        }
        return 128;
    }

    /** FMA pipes per core assumed (2 on every x86 core since Haswell / Zen). */
    public int fmaPipes() {
        return datapathBits() == 128 ? 1 : 2;
    }

    /** Peak double-precision GFLOP/s of one core: MHz / 1000 x (bits / 64) x 2 x pipes. */
    public double peakGflops() {
        return mhz / 1000 * (datapathBits() / 64.0) * 2 * fmaPipes();
    }

    /** One line: how the peak was computed. */
    public String peakFormula() {
        return String.format(Locale.ROOT, "%.0f MHz x %d doubles (%d-bit FMA datapath) x 2 flops/FMA x %d FMA "
                + "pipes = %.1f GFLOP/s per core (double)", mhz, datapathBits() / 64, datapathBits(), fmaPipes(),
                peakGflops());
    }
}
