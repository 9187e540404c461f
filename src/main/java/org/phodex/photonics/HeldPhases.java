package org.phodex.photonics;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What holding a programmed mesh costs a heater: the mean phase its shifters hold, over pi. A thermo-optic shifter
 * burns P_pi x phase / pi, with the phase it holds in [0, 2 pi); charging every shifter at pi assumes uniform phases,
 * but a decomposition's internal phases theta crowd near 0 (on random orthogonal 16-mode targets Clements gives mean
 * theta of about 0.27 pi, the external phi about pi), so the programmed phases cost about 1.6x less.
 */
public final class HeldPhases {
    /** Random orthogonal targets the mean is taken over (seeded: the value is a pure function of layout and n). */
    static final int SAMPLES = 4;
    private static final Map<String, Double> CACHE = new ConcurrentHashMap<>();

    private HeldPhases() {
    }

    /**
     * Mean over the MZIs' theta and phi (wrapped to [0, 2 pi)) of phase / pi, for the meshes {@code programmer}
     * programs on {@value #SAMPLES} seeded random real orthogonal n x n targets (SVD factors of real weights are
     * real orthogonal). Computed once per programmer and n. A fitted (non-universal) layout is not decomposed here:
     * it returns 1 (phases taken as uniform, the conservative charge).
     */
    public static double meanOverPi(MeshProgrammer programmer, int n) {
        if (!programmer.exact()) {
            return 1;
        }
        return CACHE.computeIfAbsent(programmer.name() + "/" + n, k -> {
            SplittableRandom rng = new SplittableRandom(1L + n);
            double sum = 0;
            long count = 0;
            for (int s = 0; s < SAMPLES; s++) {
                Mesh m = programmer.program(ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, rng), n, n)).mesh();
                for (int j = 0; j < m.mziCount(); j++) {
                    sum += Phases.wrap(m.theta(j)) + Phases.wrap(m.phi(j));
                    count += 2;
                }
            }
            return sum / count / Math.PI;
        });
    }
}
