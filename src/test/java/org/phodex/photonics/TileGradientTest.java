package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TileGradientTest {
    private static final int N = 8;
    private static final StaticErrors ERRORS = new StaticErrors(0, 0.05, 0.03, 0.2, 0.1, 0);

    private static MeshLayout layout(String name) {
        return switch (name) {
            case "clements" -> MeshLayout.rectangular(N, N);
            case "truncated" -> MeshLayout.rectangular(N, 3);
            case "butterfly" -> MeshLayout.butterfly(N, 2);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Mesh randomMesh(MeshLayout l, SplittableRandom rng) {
        double[] th = new double[l.mziCount()];
        double[] ph = new double[l.mziCount()];
        double[] out = new double[l.modes()];
        for (int k = 0; k < th.length; k++) {
            th[k] = rng.nextDouble(Phases.TWO_PI);
            ph[k] = rng.nextDouble(Phases.TWO_PI);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextDouble(Phases.TWO_PI);
        }
        return new Mesh(l, th, ph, out);
    }

    private static SvdTile randomTile(String layout, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] att = new double[N];
        for (int i = 0; i < N; i++) {
            att[i] = 0.2 + 0.7 * rng.nextDouble();
        }
        return new SvdTile(randomMesh(layout(layout), rng), randomMesh(layout(layout), rng), att, 1, 0);
    }

    private static double[] upstream(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] g = new double[N * N];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextDouble(-1, 1);
        }
        return g;
    }

    /** L = sum g Re(T) of the tile realized with {@code errors} from a fixed stream (same errors every call). */
    private static double loss(SvdTile t, StaticErrors errors, double[] g) {
        double[] re = t.realize(errors, new SplittableRandom(99)).transferRe();
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += g[i] * re[i];
        }
        return s;
    }

    private static Mesh perturb(Mesh m, int which, int k, double h) {
        double[] th = new double[m.mziCount()];
        double[] ph = new double[m.mziCount()];
        double[] out = new double[m.modes()];
        for (int j = 0; j < th.length; j++) {
            th[j] = m.theta(j);
            ph[j] = m.phi(j);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = m.outputPhase(i);
        }
        (which == 0 ? th : which == 1 ? ph : out)[k] += h;
        return new Mesh(m.layout(), th, ph, out);
    }

    private static double central(Function<Double, Double> f) {
        double h = 1e-6;
        return (f.apply(h) - f.apply(-h)) / (2 * h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clements", "truncated", "butterfly"})
    void meshPhaseGradientsMatchFiniteDifferencesOnARealizedChip(String layout) {
        SvdTile t = randomTile(layout, 7);
        double[] g = upstream(11);
        TileGradient.Result r = TileGradient.of(t.realize(ERRORS, new SplittableRandom(99)), g);
        double worst = 0;
        for (int side = 0; side < 2; side++) {
            Mesh m = side == 0 ? t.u() : t.v();
            TileGradient.MeshGradient mg = side == 0 ? r.u() : r.v();
            for (int which = 0; which < 3; which++) {
                double[] got = which == 0 ? mg.theta() : which == 1 ? mg.phi() : mg.outputPhase();
                for (int k = 0; k < got.length; k++) {
                    int s = side;
                    int w = which;
                    int kk = k;
                    double fd = central(h -> {
                        Mesh p = perturb(m, w, kk, h);
                        SvdTile q = s == 0 ? new SvdTile(p, t.v(), t.attenuation(), 1, 0)
                                : new SvdTile(t.u(), p, t.attenuation(), 1, 0);
                        return loss(q, ERRORS, g);
                    });
                    assertEquals(fd, got[k], 1e-6 * Math.max(1, Math.abs(fd)),
                            layout + " side " + side + " param " + which + "/" + k);
                    worst = Math.max(worst, Math.abs(got[k]));
                }
            }
        }
        assertTrue(worst > 0.1, "gradients are not all vanishing: " + worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clements", "butterfly"})
    void attenuationGradientsMatchFiniteDifferencesOnIdealDevices(String layout) {
        SvdTile t = randomTile(layout, 5);
        double[] g = upstream(3);
        TileGradient.Result r = TileGradient.of(t.realize(StaticErrors.none(), new SplittableRandom(99)), g);
        for (int i = 0; i < N; i++) {
            int ii = i;
            double fd = central(h -> {
                double[] a = t.attenuation().clone();
                a[ii] += h;
                return loss(new SvdTile(t.u(), t.v(), a, 1, 0), StaticErrors.none(), g);
            });
            assertEquals(fd, r.attenuation()[i], 1e-6, "attenuator " + i);
        }
    }

    /**
     * The slow reference: the mesh as a product of dense N x N matrices (permutations, columns of MZIs, idle
     * sections, output screen); dL/dtheta_k is the same product with MZI k's block replaced by its derivative and
     * everything else in its column zeroed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"clements", "butterfly"})
    void meshGradientMatchesTheDenseProductReference(String layout) {
        SplittableRandom rng = new SplittableRandom(17);
        RealizedMesh rm = RealizedMesh.sample(randomMesh(layout(layout), rng), ERRORS, rng);
        ComplexMatrix a = new ComplexMatrix(N, N);
        for (int i = 0; i < N * N; i++) {
            a.re[i] = rng.nextDouble(-1, 1);
            a.im[i] = rng.nextDouble(-1, 1);
        }
        TileGradient.MeshGradient got = TileGradient.mesh(rm, rm.transfer(), a);
        assertEquals(0, dense(rm, -1, null).maxAbsDiff(rm.transfer()), 1e-12, "dense product = transfer");
        double[] dt = new double[8];
        double[] dp = new double[8];
        for (int k = 0; k < rm.layout().mziCount(); k++) {
            rm.mziDerivatives(k, dt, dp);
            assertEquals(reTrace(a, dense(rm, k, dt)), got.theta()[k], 1e-10, "theta " + k);
            assertEquals(reTrace(a, dense(rm, k, dp)), got.phi()[k], 1e-10, "phi " + k);
        }
    }

    /** Re tr(A^H D). */
    private static double reTrace(ComplexMatrix a, ComplexMatrix d) {
        double s = 0;
        for (int i = 0; i < a.re.length; i++) {
            s += a.re[i] * d.re[i] + a.im[i] * d.im[i];
        }
        return s;
    }

    /** The transfer as a dense product; with k >= 0, MZI k's block is {@code dk} and the rest of its column zero. */
    private static ComplexMatrix dense(RealizedMesh rm, int k, double[] dk) {
        MeshLayout l = rm.layout();
        List<ComplexMatrix> ops = new ArrayList<>();
        double[] t = new double[8];
        for (int c = 0; c < l.depth(); c++) {
            int[] p = l.permutationBefore(c);
            if (p != null) {
                ComplexMatrix pm = new ComplexMatrix(N, N);
                for (int i = 0; i < N; i++) {
                    pm.re[i * N + p[i]] = 1;
                }
                ops.add(pm);
            }
            boolean any = false;
            ComplexMatrix col = new ComplexMatrix(N, N);
            boolean[] busy = new boolean[N];
            boolean hasK = false;
            for (int q = 0; q < l.mziCount(); q++) {
                if (l.column(q) != c) {
                    continue;
                }
                any = true;
                hasK |= q == k;
            }
            int lastCol = l.column(l.mziCount() - 1);
            if (c > lastCol) {
                continue;
            }
            for (int q = 0; q < l.mziCount(); q++) {
                if (l.column(q) != c) {
                    continue;
                }
                int a = l.top(q);
                busy[a] = true;
                busy[a + 1] = true;
                if (hasK && q != k) {
                    continue;
                }
                if (q == k) {
                    System.arraycopy(dk, 0, t, 0, 8);
                } else {
                    rm.mziTransfer(q, t);
                }
                col.set(a, a, t[0], t[1]);
                col.set(a, a + 1, t[2], t[3]);
                col.set(a + 1, a, t[4], t[5]);
                col.set(a + 1, a + 1, t[6], t[7]);
            }
            for (int i = 0; i < N; i++) {
                if (!busy[i] && !hasK) {
                    col.set(i, i, rm.idleAmplitude(), 0);
                }
            }
            if (any || c <= lastCol) {
                ops.add(col);
            }
        }
        ComplexMatrix out = new ComplexMatrix(N, N);
        for (int i = 0; i < N; i++) {
            out.set(i, i, Math.cos(rm.outputPhase(i)), Math.sin(rm.outputPhase(i)));
        }
        ops.add(out);
        ComplexMatrix m = ComplexMatrix.identity(N);
        for (ComplexMatrix op : ops) {
            m = op.times(m);
        }
        return m;
    }
}
