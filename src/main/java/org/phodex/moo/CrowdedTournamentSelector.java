package org.phodex.moo;

import io.jenetics.DoubleGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** NSGA-II parent selection: binary tournaments decided by the crowded comparison. */
public final class CrowdedTournamentSelector implements Selector<DoubleGene, Score> {

    @Override
    public ISeq<Phenotype<DoubleGene, Score>> select(Seq<Phenotype<DoubleGene, Score>> population, int count,
                                                     Optimize opt) {
        NsgaSurvivorSelector.requireMaximum(opt);
        CrowdedRanking r = new CrowdedRanking(NsgaSurvivorSelector.scores(population));
        RandomGenerator random = RandomRegistry.random();
        int n = population.size();
        List<Phenotype<DoubleGene, Score>> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            out.add(population.get(r.compare(i, j) <= 0 ? i : j));
        }
        return ISeq.of(out);
    }
}
