package org.phodex.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phodex.cost.TestDesigns.LIB;
import static org.phodex.cost.TestDesigns.MNIST_MLP;
import static org.phodex.cost.TestDesigns.defaults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phodex.arch.Families;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

class CostModelTest {

    /** The shipped specs are named after their family. */
    static CostReport cost(Design d) {
        return CostModel.evaluate(d, Families.get(d.architecture()), LIB, MNIST_MLP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mzi-clements", "mzi-reck", "mzi-butterfly", "mzi-truncated", "mrr-bank"})
    void breakdownSumsToEnergyAndEveryComponentIsPositive(String arch) {
        CostReport r = cost(defaults(arch));
        double sum = r.breakdownJ().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(r.energyJ(), sum, 1e-12 * r.energyJ());
        for (String c : CostModel.COMPONENTS) {
            assertTrue(r.breakdownJ().containsKey(c), c);
            assertTrue(r.breakdownJ().get(c) >= 0, c);
            assertTrue(!r.devicesUsed().get(c).isEmpty(), "device entries named for " + c);
        }
        assertEquals(101_632, r.macs());
    }

    @Test
    void adcEnergyRisesWithAdcBits() {
        Design d = defaults("mzi-clements");
        double prev = 0;
        for (int bits = 2; bits <= 10; bits++) {
            double adc = cost(d.with(Params.ADC_BITS, bits)).breakdownJ().get("adc");
            assertTrue(adc > prev, "adc energy at " + bits + " bits");
            if (prev > 0) {
                assertEquals(2.0, adc / prev, 1e-9, "Walden scaling doubles energy per bit");
            }
            prev = adc;
        }
    }

    @Test
    void threeDbMoreLaserMarginDoublesLaserEnergy() {
        Design d = defaults("mzi-clements");
        double base = cost(d.with(Params.LASER_MARGIN_DB, 0.0)).breakdownJ().get("laser");
        double plus3 = cost(d.with(Params.LASER_MARGIN_DB, 3.0)).breakdownJ().get("laser");
        double minus3 = cost(d.with(Params.LASER_MARGIN_DB, -3.0)).breakdownJ().get("laser");
        assertEquals(Math.pow(10, 0.3), plus3 / base, 1e-9);
        assertEquals(1.995, plus3 / base, 0.001);
        assertTrue(minus3 < base);
        // and the received power the simulation sees moves with it
        double rx0 = cost(d.with(Params.LASER_MARGIN_DB, 0.0)).link().receivedPowerW();
        double rxm = cost(d.with(Params.LASER_MARGIN_DB, -3.0)).link().receivedPowerW();
        assertEquals(Math.pow(10, -0.3), rxm / rx0, 1e-9);
    }

    @Test
    void thermoOpticHoldingCostsStaticPowerMemsDoesNot() {
        Design d = defaults("mzi-clements");
        double thermo = cost(d.with(Params.PHASE_SHIFTER, "thermo_optic")).breakdownJ().get("weight_hold");
        double mems = cost(d.with(Params.PHASE_SHIFTER, "mems")).breakdownJ().get("weight_hold");
        assertTrue(thermo > 0);
        assertEquals(0.0, mems);
        // 2 shifters per MZI, N(N-1) + N MZIs per core, P_pi x (held phase / pi) each, times cores and latency;
        // Clements' programmed phases hold 0.6-0.65 pi on average (exported mnist-mlp and random-target phases)
        int n = d.getInt(Params.MESH_SIZE);
        CostReport r = cost(d.with(Params.PHASE_SHIFTER, "thermo_optic"));
        double atPi = 2.0 * (n * (n - 1) + n) * 24.8e-3 * d.getInt(Params.CORES) * r.latencyS();
        assertTrue(thermo > atPi / 1.7 && thermo < atPi / 1.3, thermo / atPi + " of the charge at pi");
        // a fitted (non-universal) layout is charged at pi: its phases are not decomposed
        Design b = defaults("mzi-butterfly").with(Params.PHASE_SHIFTER, "thermo_optic");
        CostReport rb = cost(b);
        int nb = b.getInt(Params.MESH_SIZE);
        assertEquals(rb.counts().weightCells().perCore() * 24.8e-3 * b.getInt(Params.CORES) * rb.latencyS(),
                rb.breakdownJ().get("weight_hold"), 1e-9 * rb.breakdownJ().get("weight_hold"), "N = " + nb);
    }

    @Test
    void anAnalogModulatorIsDrivenOncePerSymbolWhateverTheDacBits() {
        Design d = defaults("mzi-clements");
        CostReport four = cost(d.with(Params.DAC_BITS, 4));
        CostReport eight = cost(d.with(Params.DAC_BITS, 8));
        assertEquals(four.breakdownJ().get("modulator"), eight.breakdownJ().get("modulator"),
                1e-12 * four.breakdownJ().get("modulator"));
        assertTrue(eight.breakdownJ().get("dac") > four.breakdownJ().get("dac"));
        // one MZM symbol (300 fJ) per input conversion
        assertEquals(four.counts().modulatorSymbols() * 300e-15, four.breakdownJ().get("modulator"),
                1e-9 * four.breakdownJ().get("modulator"));
    }

    @Test
    void reckNeedsMoreLaserPowerThanClementsAtEqualN() {
        for (int n : new int[] {8, 16, 32}) {
            Design c = defaults("mzi-clements").with(Params.MESH_SIZE, n);
            Design r = defaults("mzi-reck").with(Params.MESH_SIZE, n);
            LinkBudget lc = cost(c).link();
            LinkBudget lr = cost(r).link();
            assertTrue(lr.laserElectricalW() > lc.laserElectricalW(), "N = " + n);
            // the difference is exactly 2 x (N - 3) extra MZI cells of loss and propagation
            double cell = 0.99 + 250e-4 * 2.0;
            assertEquals(2 * (n - 3) * cell, lr.pathLossDb() - lc.pathLossDb(), 1e-9);
            assertEquals(lc.receivedPowerW(), lr.receivedPowerW(), 1e-12 * lc.receivedPowerW());
        }
    }

    @Test
    void receivedPowerMeetsTheAdcSnrWithZeroMargin() {
        Design d = defaults("mzi-clements").with(Params.LASER_MARGIN_DB, 0.0);
        LinkBudget l = cost(d).link();
        // SNR of a full-scale sine against shot + thermal noise, computed here from scratch
        double q = 1.602176634e-19;
        double kT = 1.380649e-23 * 300;
        double b = d.getDouble(Params.MODULATION_GHZ) * 1e9 / 2;
        double i = 1.0 * l.receivedPowerW();
        double noise = 2 * q * (i + 1e-9) * b + 4 * kT * b / 1000;
        double snrDb = 10 * Math.log10(i * i / 2 / noise);
        assertEquals(6.02 * d.getInt(Params.ADC_BITS) + 1.76, snrDb, 1e-6);
    }

    @Test
    void detectedPhotonsPerMacFromReceivedPowerByHand() {
        Design d = defaults("mzi-clements").with(Params.MESH_SIZE, 32);
        CostReport r = cost(d);
        // E_photon = h c / lambda at 1550 nm = 1.2816e-19 J, written out by hand
        double photonJ = 6.62607015e-34 * 299_792_458 / 1550e-9;
        assertEquals(1.2816e-19, photonJ, 1e-23);
        double symbolS = 1 / (d.getDouble(Params.MODULATION_GHZ) * 1e9);
        double photonsPerReading = r.link().receivedPowerW() * symbolS / photonJ;
        // 784 x 128 on 32 x 32 tiles: 100 tiles x 32 detectors; 128 x 10: 4 tiles x 10 read detectors (the 22
        // padded rows of each are not read), one shot each
        double macsPerReading = 101_632.0 / (100 * 32 + 4 * 10);
        assertEquals(photonsPerReading / macsPerReading, r.detectedPhotonsPerMac(),
                1e-9 * r.detectedPhotonsPerMac());
        // the laser line's energy over the wall-plug efficiency's share: optical = electrical x 0.2
        double opticalJ = r.breakdownJ().get("laser") * 0.2;
        assertEquals(opticalJ / 101_632, r.opticalEnergyPerMacJ(), 1e-9 * r.opticalEnergyPerMacJ());
        // less laser, fewer photons: 10 dB less margin is 10x fewer
        CostReport low = cost(d.with(Params.LASER_MARGIN_DB, d.getDouble(Params.LASER_MARGIN_DB) - 10));
        assertEquals(0.1, low.detectedPhotonsPerMac() / r.detectedPhotonsPerMac(), 1e-9);
    }

    @Test
    void laserPowerFollowsFanoutOverTransmission() {
        Design d = defaults("mzi-clements").with(Params.LASER_MARGIN_DB, 0.0);
        LinkBudget l = cost(d).link();
        int n = d.getInt(Params.MESH_SIZE);
        int cores = d.getInt(Params.CORES);
        double expectedOptical = l.minReceivedPowerW() * n / Math.pow(10, -l.pathLossDb() / 10) * 2 * cores;
        assertEquals(expectedOptical, l.laserOpticalW(), 1e-9 * expectedOptical);
        assertEquals(expectedOptical / 0.2, l.laserElectricalW(), 1e-9 * expectedOptical / 0.2);
    }

    @Test
    void tilingCountsTilesAndPartialSums() {
        Design d = defaults("mzi-clements").with(Params.MESH_SIZE, 32);
        CostReport r = cost(d);
        // 784 x 128 on 32 x 32 tiles: 25 x 4 = 100 tiles; 128 x 10: 4 x 1 = 4 tiles
        assertEquals(104, r.tilesPerInference());
        assertEquals(104.0, r.opticalShots());
        // partial adds: 128 outputs x 24 + 10 x 3, plus one bias add per output (138)
        double adds = 128 * 24 + 10 * 3 + 138;
        assertEquals(adds * 0.1e-12, r.breakdownJ().get("digital"), 1e-20);
    }

    @Test
    void modulationAboveTheModulatorsRateIsRejected() {
        Design d = defaults("mrr-bank").with(Params.MODULATION_GHZ, 40.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cost(d));
        assertTrue(e.getMessage().contains("max_rate_hz"));
    }

    @Test
    void dynamicWeightsAreReprogrammedEveryInference() {
        Design d = defaults("mzi-clements").with(Params.MESH_SIZE, 16).with(Params.CORES, 4);
        java.util.List<org.phodex.workload.Gemm> g = java.util.List.of(new org.phodex.workload.Gemm("qk", 128, 64, 128, 12));
        boolean[] no = {false};
        CostReport fixed = CostModel.evaluate(d, Families.get("mzi-clements"), LIB, g, no, no);
        CostReport dyn = CostModel.evaluate(d, Families.get("mzi-clements"), LIB, g, new boolean[] {true}, no);
        int batch = d.getInt(Params.BATCH);
        double reconf = 10e-6;
        // 64 x 128 on 16 x 16 tiles: 4 x 8 = 32 tiles, 12 heads: 384 tiles, loaded on 4 cores in 96 rounds
        // (the compute times differ too: the dynamic weights cross the memory every inference)
        assertEquals(96 * reconf * (1 - 1.0 / batch), (dyn.latencyS() - dyn.computeTimeS())
                - (fixed.latencyS() - fixed.computeTimeS()), 1e-12);
        // nothing of the dynamic product amortizes over the batch; the static weights do
        CostReport dynLarge = CostModel.evaluate(d.with(Params.BATCH, 10 * batch), Families.get("mzi-clements"), LIB,
                g, new boolean[] {true}, no);
        assertEquals(dyn.counts().accesses("dram"), dynLarge.counts().accesses("dram"), 1e-9);
        CostReport fixedLarge = CostModel.evaluate(d.with(Params.BATCH, 10 * batch), Families.get("mzi-clements"),
                LIB, g, no, no);
        assertTrue(fixedLarge.counts().traffic().get("dram").reads() < fixed.counts().traffic().get("dram").reads()
                || fixedLarge.counts().traffic().get("global_buffer").reads()
                < fixed.counts().traffic().get("global_buffer").reads());
    }

    @Test
    void signedInputsCostAnIncoherentBankTwoPassesButNotACoherentMesh() {
        java.util.List<org.phodex.workload.Gemm> g = java.util.List.of(new org.phodex.workload.Gemm("proj", 128, 64, 64, 1));
        boolean[] no = {false};
        boolean[] yes = {true};
        CostReport mrrPos = CostModel.evaluate(defaults("mrr-bank"), Families.get("mrr-bank"), LIB, g, no, no);
        CostReport mrrSigned = CostModel.evaluate(defaults("mrr-bank"), Families.get("mrr-bank"), LIB, g, no, yes);
        assertEquals(2 * mrrPos.opticalShots(), mrrSigned.opticalShots());
        assertEquals(2 * mrrPos.breakdownJ().get("adc"), mrrSigned.breakdownJ().get("adc"), 1e-25);
        Design c = defaults("mzi-clements");
        CostReport mziPos = CostModel.evaluate(c, Families.get("mzi-clements"), LIB, g, no, no);
        CostReport mziSigned = CostModel.evaluate(c, Families.get("mzi-clements"), LIB, g, no, yes);
        assertEquals(mziPos.opticalShots(), mziSigned.opticalShots());
    }

    @Test
    void vitSoftmaxLayerNormAndGeluAreChargedAtTheLibrarysFp32Prices() {
        org.phodex.workload.Workload vit = org.phodex.workload.Workloads.load(
                java.nio.file.Path.of("workloads/mnist-vit.yaml"));
        // hand count for 17 tokens, width 64, 4 heads, MLP 128, 2 blocks: 85 layer-norm rows (4 blocks' worth of
        // 17 plus the final one), 136 softmax rows of 17, 2,312 score scalings, 4,352 GELUs, 5,440 residual and
        // position adds
        double adds = 85 * 256 + 136 * 51 + 4352 * 2 + 4352 + 1088;
        double mults = 85 * 192 + 2312 + 136 * 17 + 4352 * 5;
        double specials = 85 + 136 * 18 + 4352;
        org.phodex.workload.DigitalOps ops = vit.digitalOps();
        assertEquals(adds, ops.adds());
        assertEquals(mults, ops.mults());
        assertEquals(specials, ops.specials());
        Design d = defaults("mzi-clements");
        boolean[] dyn = new boolean[vit.gemms().size()];
        boolean[] signed = new boolean[dyn.length];
        for (int g = 0; g < dyn.length; g++) {
            dyn[g] = vit.operands(g).dynamicWeights();
            signed[g] = vit.operands(g).signedInputs();
        }
        double without = CostModel.evaluate(d, Families.get("mzi-clements"), LIB, vit.gemms(), dyn, signed)
                .breakdownJ().get("digital");
        double with = CostModel.evaluate(d, Families.get("mzi-clements"), LIB, vit).breakdownJ().get("digital");
        double expected = adds * 0.9e-12 + mults * 3.7e-12 + specials * 46e-12; // Horowitz fp32; special: assumption
        assertEquals(expected, with - without, 1e-9 * expected);
    }
}
