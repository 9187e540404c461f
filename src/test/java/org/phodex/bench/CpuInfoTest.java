package org.phodex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuInfoTest {
    private static CpuInfo cpu(String vendor, int family, String... flags) {
        return new CpuInfo("test", vendor, family, 2000, Set.of(flags), 2);
    }

    @Test
    void datapathWidthFollowsTheCoreNotJustItsFlags() {
        // Zen 4 (family 25) runs AVX-512 on two 256-bit halves; Zen 5 (family 26) has the full 512-bit datapath
        assertEquals(256, cpu("AuthenticAMD", 25, "avx2", "fma", "avx512f").datapathBits());
        assertEquals(512, cpu("AuthenticAMD", 26, "avx2", "fma", "avx512f").datapathBits());
        assertEquals(512, cpu("GenuineIntel", 6, "avx2", "fma", "avx512f").datapathBits());
        assertEquals(256, cpu("AuthenticAMD", 25, "avx2", "fma").datapathBits());
        assertEquals(128, cpu("GenuineIntel", 6, "sse2").datapathBits());
    }

    @Test
    void nominalPeakIsClockTimesFlopsPerCycle() {
        // 2000 MHz x 8 doubles x 2 flops x 2 pipes = 64 GFLOP/s (a Zen 5 guest); x 4 doubles = 32 on Zen 4
        assertEquals(64.0, cpu("AuthenticAMD", 26, "avx2", "fma", "avx512f").peakGflops(), 1e-9);
        assertEquals(32.0, cpu("AuthenticAMD", 25, "avx2", "fma", "avx512f").peakGflops(), 1e-9);
    }
}
