package org.phodex.moo;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.Evaluator;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.phodex.spec.Design;

/**
 * The multi-objective genetic search (NSGA-II style on the Jenetics engine).
 *
 * <ul>
 *   <li>Every objective is maximized ({@link Score}: minimized ones negated), with textbook non-dominated
 *       sorting and per-front crowding ({@link NsgaSurvivorSelector}, {@link CrowdedTournamentSelector});
 *       constrained domination keeps infeasible designs out of the front and moves the search away from
 *       them.</li>
 *   <li>Half of the population is replaced by offspring each generation (SBX and polynomial mutation).</li>
 *   <li>Jenetics runs on the calling thread with the run's own {@link SerialRandom}; whole generations go to
 *       the {@link GenerationEvaluator} (which may use many threads). So the run is a function of the seed,
 *       whatever the thread count, and a checkpoint restores it exactly.</li>
 *   <li>The reported front is the {@link Archive} of every non-dominated feasible design ever evaluated.</li>
 * </ul>
 */
public final class GeneticSearch {
    public static final double OFFSPRING_FRACTION = 0.5;
    public static final double CROSSOVER_PROBABILITY = 0.9;
    public static final double CROSSOVER_ETA = 15;
    public static final double MUTATION_ETA = 20;
    /** Phenotype age limit: effectively off (aging would discard Pareto-optimal individuals). */
    static final long MAX_AGE = 1_000_000_000L;
    /** Relative hypervolume gain below which a generation counts as stagnant. */
    static final double STAGNATION_TOLERANCE = 1e-9;

    private final Problem problem;
    private final SearchOptions options;
    private final GenerationEvaluator evaluator;
    private final LongSupplier nanoClock;

    private GeneticSearch(Builder b) {
        this.problem = b.problem;
        this.options = b.options;
        this.evaluator = b.evaluator;
        this.nanoClock = b.nanoClock;
    }

    /**
     * A search of {@code problem} whose generations {@code evaluator} scores (a thread pool, a cluster, a
     * test's fake): the optimizer itself never reaches for a global evaluator.
     */
    public static Builder builder(Problem problem, GenerationEvaluator evaluator) {
        return new Builder(problem, evaluator);
    }

    /** Like Jenetics' {@code Engine.Builder}: required parts in {@link #builder}, the rest with defaults. */
    public static final class Builder {
        private final Problem problem;
        private final GenerationEvaluator evaluator;
        private SearchOptions options;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder(Problem problem, GenerationEvaluator evaluator) {
            this.problem = java.util.Objects.requireNonNull(problem, "problem");
            this.evaluator = java.util.Objects.requireNonNull(evaluator, "evaluator");
        }

        /** Population and stop rules (required). */
        public Builder options(SearchOptions o) {
            this.options = java.util.Objects.requireNonNull(o, "options");
            return this;
        }

        /** Nanosecond clock for elapsed time, rate, ETA and the time limit (default {@link System#nanoTime}). */
        public Builder clock(LongSupplier nanoClock) {
            this.nanoClock = java.util.Objects.requireNonNull(nanoClock, "clock");
            return this;
        }

        public GeneticSearch build() {
            if (options == null) {
                throw new IllegalStateException("search options not set");
            }
            return new GeneticSearch(this);
        }
    }

    public SearchOptions options() {
        return options;
    }

    /** A fresh state for a new run. */
    public SearchState newState(long seed) {
        return new SearchState(seed, options.cacheCapacity());
    }

    /** The outcome of {@link #run}. */
    public record Result(StopReason reason, SearchState state) {
    }

    /** Runs generations until a stop rule fires; {@code state} is updated in place. */
    public Result run(SearchState state, SearchListener listener, StopSignal stop) {
        int n = problem.dimension();
        BatchEvaluation batch = new BatchEvaluation(state, listener);
        Engine<DoubleGene, Score> engine = new Engine.Builder<>(batch, Genotype.of(DoubleChromosome.of(0, 1, n)))
                .populationSize(options.population())
                .offspringFraction(OFFSPRING_FRACTION)
                .survivorsSelector(new NsgaSurvivorSelector())
                .offspringSelector(new CrowdedTournamentSelector())
                .alterers(new SbxCrossover(CROSSOVER_PROBABILITY, CROSSOVER_ETA),
                        new PolynomialMutation(1.0 / n, MUTATION_ETA, problem.genes()))
                .optimize(Optimize.MAXIMUM)
                .maximalPhenotypeAge(MAX_AGE)
                .executor(Runnable::run)
                .build();
        long t0 = nanoClock.getAsLong();
        double elapsed0 = state.elapsedS;
        long evals0 = state.evaluations;
        long gens0 = state.generationsDone;
        while (true) {
            double runS = (nanoClock.getAsLong() - t0) / 1e9;
            StopReason reason = stopReason(state, elapsed0 + runS, stop);
            if (reason != null) {
                return new Result(reason, state);
            }
            batch.generation = state.start.generation();
            EvolutionResult<DoubleGene, Score> r;
            try {
                r = RandomRegistry.with(state.random, g -> engine.evolve(state.start));
            } catch (RuntimeException e) {
                if (stop.requested() && cancelled(e)) {
                    // the evaluator stopped its evaluations: the batch in flight is dropped (the archive, cache
                    // and counters change only once a whole batch is back; a batch of this generation already
                    // back, as the first generation's initial population, stays in evaluations.csv until resume
                    // cuts the files back); the last checkpoint is where a resume continues, to the same results
                    return new Result(StopReason.INTERRUPTED, state);
                }
                throw e;
            }
            state.start = r.next();
            state.generationsDone = r.generation();
            runS = (nanoClock.getAsLong() - t0) / 1e9;
            state.elapsedS = elapsed0 + runS;
            updateHypervolume(state);
            double rate = runS > 0 ? (state.evaluations - evals0) / runS : Double.NaN;
            double eta = eta(state, runS, state.generationsDone - gens0, state.evaluations - evals0);
            listener.generationDone(new GenerationStats(state.generationsDone, state.evaluations,
                    state.hypervolume, state.archive.size(), state.elapsedS, rate, best(state), eta), state);
        }
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException) {
                return true;
            }
        }
        return false;
    }

    private StopReason stopReason(SearchState s, double elapsedS, StopSignal stop) {
        if (stop.requested()) {
            return StopReason.INTERRUPTED;
        }
        if (options.generations() > 0 && s.generationsDone >= options.generations()) {
            return StopReason.GENERATIONS;
        }
        if (options.maxEvaluations() > 0 && s.evaluations >= options.maxEvaluations()) {
            return StopReason.MAX_EVALUATIONS;
        }
        if (options.timeLimitS() > 0 && elapsedS >= options.timeLimitS()) { // the run's budget, across resumes
            return StopReason.TIME_LIMIT;
        }
        if (options.stagnation() > 0 && s.stagnantGenerations >= options.stagnation()) {
            return StopReason.STAGNATION;
        }
        return null;
    }

    private double eta(SearchState s, double runS, long gens, long evals) {
        if (gens <= 0 || runS <= 0) {
            return Double.NaN;
        }
        double eta = Double.POSITIVE_INFINITY;
        if (options.generations() > 0) {
            eta = Math.min(eta, (options.generations() - s.generationsDone) * runS / gens);
        }
        if (options.maxEvaluations() > 0 && evals > 0) {
            eta = Math.min(eta, (options.maxEvaluations() - s.evaluations) * runS / evals);
        }
        if (options.timeLimitS() > 0) {
            eta = Math.min(eta, options.timeLimitS() - s.elapsedS);
        }
        return Double.isInfinite(eta) ? Double.NaN : Math.max(0, eta);
    }

    private void updateHypervolume(SearchState s) {
        double hv = hypervolume(problem.objectives(), s.normalizer, s.archive.front());
        s.hypervolume = hv;
        if (hv > s.bestHypervolume * (1 + STAGNATION_TOLERANCE) && hv > 0) {
            s.bestHypervolume = hv;
            s.stagnantGenerations = 0;
        } else {
            s.stagnantGenerations++;
        }
    }

    /** Hypervolume of evaluations under a normalization (0 when there is none yet). */
    public static double hypervolume(List<Objective> objectives, Normalizer norm, List<Evaluation> front) {
        if (norm == null) {
            return 0;
        }
        List<double[]> pts = new ArrayList<>(front.size());
        for (Evaluation e : front) {
            pts.add(norm.normalize(objectives, e.outcome()));
        }
        return Hypervolume.of(pts, norm.referencePoint());
    }

    private double[] best(SearchState s) {
        List<Objective> objs = problem.objectives();
        double[] best = new double[objs.size()];
        java.util.Arrays.fill(best, Double.NaN);
        for (Evaluation e : s.archive.front()) {
            for (int i = 0; i < best.length; i++) {
                Objective o = objs.get(i);
                double v = o.value().applyAsDouble(e.outcome());
                if (Double.isNaN(best[i]) || (o.minimize() ? v < best[i] : v > best[i])) {
                    best[i] = v;
                }
            }
        }
        return best;
    }

    /** Scores an outcome: objective scores (larger is better) and its constraint violation. */
    public Evaluation judge(long id, long generation, Outcome o) {
        Feasibility f = problem.feasibility(o).withFiniteObjectives(o, problem.objectives());
        double[] v = new double[problem.objectives().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = problem.objectives().get(i).score(o);
            if (!Double.isFinite(v[i])) {
                v = new double[v.length];
                break;
            }
        }
        return new Evaluation(id, generation, o, new Score(v, f.violation()), f.reason());
    }

    /** Jenetics' view of the evaluation: decode, look up the cache, evaluate the misses as one batch. */
    private final class BatchEvaluation implements Evaluator<DoubleGene, Score> {
        private final SearchState state;
        private final SearchListener listener;
        long generation;

        BatchEvaluation(SearchState state, SearchListener listener) {
            this.state = state;
            this.listener = listener;
        }

        @Override
        public ISeq<Phenotype<DoubleGene, Score>> eval(Seq<Phenotype<DoubleGene, Score>> population) {
            Map<String, Evaluation> known = new LinkedHashMap<>();
            LinkedHashMap<String, Design> misses = new LinkedHashMap<>();
            String[] keys = new String[population.size()];
            for (int i = 0; i < population.size(); i++) {
                Phenotype<DoubleGene, Score> p = population.get(i);
                if (p.isEvaluated()) {
                    continue;
                }
                Design d = problem.decode(SbxCrossover.genes(p));
                String key = d.key();
                keys[i] = key;
                if (known.containsKey(key) || misses.containsKey(key)) {
                    continue;
                }
                Evaluation hit = state.cache.get(key);
                if (hit != null) {
                    known.put(key, hit);
                } else {
                    misses.put(key, d);
                }
            }
            if (!misses.isEmpty()) {
                List<Outcome> outs = evaluator.evaluateAll(new ArrayList<>(misses.values()));
                if (outs.size() != misses.size()) {
                    throw new IllegalStateException("generation evaluator returned " + outs.size()
                            + " outcomes for " + misses.size() + " designs");
                }
                List<Evaluation> batch = new ArrayList<>(outs.size());
                List<Outcome> feasible = new ArrayList<>();
                int i = 0;
                for (String key : misses.keySet()) {
                    Evaluation e = judge(state.evaluations++, generation, outs.get(i++));
                    known.put(key, e);
                    state.cache.put(key, e);
                    state.archive.offer(e);
                    batch.add(e);
                    if (e.score().feasible()) {
                        feasible.add(e.outcome());
                    }
                }
                if (state.normalizer == null && !feasible.isEmpty()) {
                    state.normalizer = Normalizer.fit(problem.objectives(), feasible);
                }
                listener.evaluated(batch);
            }
            List<Phenotype<DoubleGene, Score>> out = new ArrayList<>(population.size());
            for (int i = 0; i < population.size(); i++) {
                Phenotype<DoubleGene, Score> p = population.get(i);
                out.add(p.isEvaluated() ? p : p.withFitness(known.get(keys[i]).score()));
            }
            return ISeq.of(out);
        }
    }
}
