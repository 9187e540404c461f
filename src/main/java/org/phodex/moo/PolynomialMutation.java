package org.phodex.moo;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mutation per gene with probability {@code probability}: polynomial mutation (Deb and Goyal 1996, as in
 * NSGA-II) for continuous and ordered genes; a uniform redraw for discrete genes with few levels, where a
 * small polynomial step would rarely change the decoded value.
 */
public final class PolynomialMutation implements Alterer<DoubleGene, Score> {
    /** Discrete genes with at most this many levels are redrawn uniformly. */
    public static final int REDRAW_LEVELS = 8;
    private final double probability;
    private final double eta;
    private final boolean[] redraw;

    public PolynomialMutation(double probability, double eta, List<GeneSpec> genes) {
        this.probability = probability;
        this.eta = eta;
        this.redraw = new boolean[genes.size()];
        for (int i = 0; i < redraw.length; i++) {
            GeneSpec g = genes.get(i);
            redraw[i] = g.discrete() && g.levels().size() <= REDRAW_LEVELS;
        }
    }

    @Override
    public AltererResult<DoubleGene, Score> alter(Seq<Phenotype<DoubleGene, Score>> population, long generation) {
        RandomGenerator random = RandomRegistry.random();
        MSeq<Phenotype<DoubleGene, Score>> pop = MSeq.of(population);
        int altered = 0;
        for (int p = 0; p < pop.size(); p++) {
            double[] u = SbxCrossover.genes(pop.get(p));
            boolean changed = false;
            for (int i = 0; i < u.length; i++) {
                if (random.nextDouble() < probability) {
                    u[i] = redraw[i] ? random.nextDouble() : polynomial(u[i], random);
                    changed = true;
                }
            }
            if (changed) {
                pop.set(p, Phenotype.of(SbxCrossover.genotype(u), generation));
                altered++;
            }
        }
        return new AltererResult<>(pop.toISeq(), altered);
    }

    private double polynomial(double y, RandomGenerator random) {
        double d1 = y;
        double d2 = 1 - y;
        double r = random.nextDouble();
        double pow = 1 / (eta + 1);
        double dq;
        if (r < 0.5) {
            double xy = 1 - d1;
            double val = 2 * r + (1 - 2 * r) * Math.pow(xy, eta + 1);
            dq = Math.pow(val, pow) - 1;
        } else {
            double xy = 1 - d2;
            double val = 2 * (1 - r) + 2 * (r - 0.5) * Math.pow(xy, eta + 1);
            dq = 1 - Math.pow(val, pow);
        }
        return SbxCrossover.clamp(y + dq);
    }
}
