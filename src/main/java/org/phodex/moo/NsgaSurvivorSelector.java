package org.phodex.moo;

import io.jenetics.DoubleGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.List;

/**
 * NSGA-II survivor selection: whole fronts in rank order, the last one trimmed by crowding distance.
 * Expects {@link Optimize#MAXIMUM} (scores are "larger is better").
 */
public final class NsgaSurvivorSelector implements Selector<DoubleGene, Score> {

    @Override
    public ISeq<Phenotype<DoubleGene, Score>> select(Seq<Phenotype<DoubleGene, Score>> population, int count,
                                                     Optimize opt) {
        requireMaximum(opt);
        CrowdedRanking r = new CrowdedRanking(scores(population));
        Integer[] order = r.order();
        List<Phenotype<DoubleGene, Score>> out = new ArrayList<>(count);
        for (int i = 0; out.size() < count && population.size() > 0; i = (i + 1) % order.length) {
            out.add(population.get(order[i]));
        }
        return ISeq.of(out);
    }

    static List<Score> scores(Seq<Phenotype<DoubleGene, Score>> population) {
        List<Score> s = new ArrayList<>(population.size());
        for (Phenotype<DoubleGene, Score> p : population) {
            s.add(p.fitness());
        }
        return s;
    }

    static void requireMaximum(Optimize opt) {
        if (opt != Optimize.MAXIMUM) {
            throw new IllegalArgumentException("scores are maximized; the engine must use Optimize.MAXIMUM");
        }
    }
}
