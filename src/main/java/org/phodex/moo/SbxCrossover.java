package org.phodex.moo;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.random.RandomGenerator;

/**
 * Simulated binary crossover with bounds (Deb and Agrawal 1995; the bounded form of Deb's NSGA-II code) on
 * genes in [0, 1). Consecutive pairs of the (already tournament-selected) offspring are crossed with
 * probability {@code probability}; each gene of a crossed pair with probability 1/2.
 */
public final class SbxCrossover implements Alterer<DoubleGene, Score> {
    private static final double EPS = 1e-14;
    public static final double UPPER = Math.nextDown(1.0);
    private final double probability;
    private final double eta;

    public SbxCrossover(double probability, double eta) {
        this.probability = probability;
        this.eta = eta;
    }

    @Override
    public AltererResult<DoubleGene, Score> alter(Seq<Phenotype<DoubleGene, Score>> population, long generation) {
        RandomGenerator random = RandomRegistry.random();
        MSeq<Phenotype<DoubleGene, Score>> pop = MSeq.of(population);
        int altered = 0;
        for (int p = 0; p + 1 < pop.size(); p += 2) {
            if (random.nextDouble() >= probability) {
                continue;
            }
            double[] a = genes(pop.get(p));
            double[] b = genes(pop.get(p + 1));
            boolean changed = false;
            for (int i = 0; i < a.length; i++) {
                if (random.nextDouble() < 0.5 && Math.abs(a[i] - b[i]) > EPS) {
                    double[] c = cross(a[i], b[i], random);
                    a[i] = c[0];
                    b[i] = c[1];
                    changed = true;
                }
            }
            if (changed) {
                pop.set(p, Phenotype.of(genotype(a), generation));
                pop.set(p + 1, Phenotype.of(genotype(b), generation));
                altered += 2;
            }
        }
        return new AltererResult<>(pop.toISeq(), altered);
    }

    private double[] cross(double x1, double x2, RandomGenerator random) {
        double y1 = Math.min(x1, x2);
        double y2 = Math.max(x1, x2);
        double lo = 0;
        double hi = 1;
        double u = random.nextDouble();
        double beta = 1 + 2 * (y1 - lo) / (y2 - y1);
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        double c1 = 0.5 * ((y1 + y2) - betaq(u, alpha) * (y2 - y1));
        beta = 1 + 2 * (hi - y2) / (y2 - y1);
        alpha = 2 - Math.pow(beta, -(eta + 1));
        double c2 = 0.5 * ((y1 + y2) + betaq(u, alpha) * (y2 - y1));
        c1 = clamp(c1);
        c2 = clamp(c2);
        if (random.nextBoolean()) {
            return new double[] {c2, c1};
        }
        return new double[] {c1, c2};
    }

    private double betaq(double u, double alpha) {
        if (u <= 1 / alpha) {
            return Math.pow(u * alpha, 1 / (eta + 1));
        }
        return Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    static double clamp(double v) {
        return Math.min(Math.max(v, 0), UPPER);
    }

    static double[] genes(Phenotype<DoubleGene, Score> p) {
        return ((DoubleChromosome) p.genotype().chromosome()).toArray();
    }

    static Genotype<DoubleGene> genotype(double[] u) {
        DoubleGene[] g = new DoubleGene[u.length];
        for (int i = 0; i < u.length; i++) {
            g[i] = DoubleGene.of(clamp(u[i]), 0, 1);
        }
        return Genotype.of(DoubleChromosome.of(g));
    }

}
