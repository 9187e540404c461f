package org.phodex.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Central finite differences against the analytic gradient: loss = sum(f(params) * r) for fixed random r; every
 * element (or a seeded sample of 60 of them) of every parameter is perturbed by +-h in place.
 */
final class GradCheck {
    private GradCheck() {
    }

    static Tensor gaussian(long seed, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gaussian(r);
        }
        return Tensor.parameter(v, shape);
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Asserts that every checked partial derivative agrees within 1e-6 absolute plus 1e-5 relative. */
    static void check(String what, Function<Tensor[], Tensor> f, Tensor... params) {
        Tensor out = f.apply(params);
        SplittableRandom rnd = new SplittableRandom(what.hashCode());
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = gaussian(rnd);
        }
        for (Tensor p : params) {
            p.zeroGrad();
        }
        Ops.weightedSum(out, r).backward();
        double h = 1e-5;
        int checked = 0;
        for (int pi = 0; pi < params.length; pi++) {
            Tensor p = params[pi];
            if (!p.requiresGrad()) {
                continue;
            }
            double[] v = p.value();
            double[] g = p.grad().clone();
            int count = Math.min(v.length, 60);
            for (int c = 0; c < count; c++) {
                int i = v.length <= 60 ? c : rnd.nextInt(v.length);
                double keep = v[i];
                v[i] = keep + h;
                double up = Ops.weightedSum(f.apply(params), r).item();
                v[i] = keep - h;
                double down = Ops.weightedSum(f.apply(params), r).item();
                v[i] = keep;
                double numeric = (up - down) / (2 * h);
                double tol = 1e-6 + 1e-5 * Math.max(Math.abs(numeric), Math.abs(g[i]));
                assertTrue(Math.abs(numeric - g[i]) <= tol, what + ": d/d param" + pi + "[" + i + "] analytic "
                        + g[i] + ", numeric " + numeric);
                checked++;
            }
        }
        assertTrue(checked > 0, what + ": nothing checked");
    }
}
