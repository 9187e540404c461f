package org.phodex.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.phodex.moo.DesignEvaluator;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Hints;

/**
 * The seam between the search commands and the model: how a run gets its specs and its evaluator. The
 * commands receive a {@link Factory} and a {@link Resolver} when they are built (no global is swapped):
 * <ul>
 *   <li>{@link #PHOTONIC}: the functional simulation and cost model ({@link PhotonicSearchEvaluator});</li>
 *   <li>{@link #CATALOG}: names and paths resolved against the repository and checked against the device
 *       library; {@link #FILES} only reads the YAML files (for synthetic tests).</li>
 * </ul>
 */
public final class Evaluators {

    /** Builds the evaluator of a run; it must be pure and thread-safe (see {@link DesignEvaluator}). */
    @FunctionalInterface
    public interface Factory {
        DesignEvaluator create(List<ArchitectureSpec> architectures, String workload, long seed);

        /** With {@code chips} chip samples per design; a factory without chip samples ignores the number. */
        default DesignEvaluator create(List<ArchitectureSpec> architectures, String workload, long seed,
                                       int chips) {
            return create(architectures, workload, seed);
        }

        /**
         * With {@code chips} chip samples and {@code samples} test samples per design (a stratified subset; the
         * whole split when at least its size); a factory without test samples ignores the number.
         */
        default DesignEvaluator create(List<ArchitectureSpec> architectures, String workload, long seed, int chips,
                                       int samples) {
            return create(architectures, workload, seed, chips);
        }

        /**
         * The search's evaluator with {@code chips} chip samples and {@code trainingBudget}, the fraction of the
         * co-design training a design gets ({@link org.phodex.codesign.CodesignTrainer.Hyper#withBudget}); a
         * factory without training ignores the budget.
         */
        default DesignEvaluator search(List<ArchitectureSpec> architectures, String workload, long seed, int chips,
                                       double trainingBudget) {
            return create(architectures, workload, seed, chips);
        }

        /**
         * The evaluator that re-scores a finished run's archive (the whole test split, {@code chips} chip samples,
         * chip seeds independent of the search's), or null when this factory has none: the run then reports
         * its search-time estimates.
         */
        default DesignEvaluator rescorer(List<ArchitectureSpec> architectures, String workload, long seed,
                                         int chips) {
            return null;
        }
    }

    /** Turns command-line names into specs; IllegalArgumentException / SpecException for bad input. */
    public interface Resolver {
        ArchitectureSpec architecture(String nameOrPath);

        /** A workload name or path as the evaluator factory wants it (validated). */
        String workload(String nameOrPath);
    }

    /** Architectures from {@code architectures/NAME.yaml} or a path; workloads passed through unchanged. */
    public static final Resolver FILES = new Resolver() {
        @Override
        public ArchitectureSpec architecture(String nameOrPath) {
            Path p = isPath(nameOrPath) ? Path.of(nameOrPath) : Path.of("architectures", nameOrPath + ".yaml");
            if (!isPath(nameOrPath) && !Files.exists(p)) {
                throw new IllegalArgumentException("unknown architecture '" + nameOrPath + "'; "
                        + Hints.didYouMean(nameOrPath, available(Path.of("architectures"))));
            }
            return ArchitectureSpec.load(p, new ArchitectureSpec.Vocabulary(device -> null,
                    org.phodex.arch.Families.layouts(), org.phodex.arch.Families.requiredParameters()));
        }

        @Override
        public String workload(String nameOrPath) {
            return nameOrPath;
        }
    };

    /** The photonic evaluator (functional simulation + cost model) over the repository's specs. */
    public static final Factory PHOTONIC = new Factory() {
        @Override
        public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed) {
            return create(archs, workload, seed, PhotonicSearchEvaluator.SEARCH_CHIPS);
        }

        @Override
        public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed, int chips) {
            return new PhotonicSearchEvaluator(org.phodex.evaluation.Catalog.locate(), archs, workload, seed,
                    chips);
        }

        @Override
        public DesignEvaluator create(List<ArchitectureSpec> archs, String workload, long seed, int chips,
                                      int samples) {
            // a sweep: its figures are final, so co-design trainings run in full
            return new PhotonicSearchEvaluator(org.phodex.evaluation.Catalog.locate(), archs, workload, seed,
                    chips, samples, 1);
        }

        @Override
        public DesignEvaluator search(List<ArchitectureSpec> archs, String workload, long seed, int chips,
                                      double trainingBudget) {
            return new PhotonicSearchEvaluator(org.phodex.evaluation.Catalog.locate(), archs, workload, seed,
                    chips, PhotonicSearchEvaluator.SEARCH_SAMPLES, trainingBudget);
        }

        @Override
        public DesignEvaluator rescorer(List<ArchitectureSpec> archs, String workload, long seed, int chips) {
            return PhotonicSearchEvaluator.rescorer(org.phodex.evaluation.Catalog.locate(), archs, workload, seed,
                    chips);
        }
    };

    /** Architectures and workloads from the repository, checked against the device library. */
    public static final Resolver CATALOG = new Resolver() {
        @Override
        public ArchitectureSpec architecture(String nameOrPath) {
            return org.phodex.evaluation.Catalog.locate().architecture(nameOrPath);
        }

        @Override
        public String workload(String nameOrPath) {
            org.phodex.evaluation.Catalog.locate().workload(nameOrPath);
            return nameOrPath;
        }
    };

    private Evaluators() {
    }

    static boolean isPath(String s) {
        return s.contains("/") || s.contains("\\") || s.endsWith(".yaml") || s.endsWith(".yml");
    }

    /** Names of the YAML files in a folder (without extension), sorted. */
    public static List<String> available(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
