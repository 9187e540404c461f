package org.phodex.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.phodex.moo.GeneSpec;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.SearchRange;

/**
 * The encoding of one or several architectures' {@code search_space} as a vector of genes in [0, 1).
 * With several architectures the first gene picks the architecture; each architecture then has its own genes
 * (genes of the architectures not picked are carried along unused). Decoding starts from the picked
 * architecture's {@code defaults()} and overrides the searched parameters.
 */
public final class SearchSpace {
    public static final String ARCHITECTURE_GENE = "architecture";

    private final List<ArchitectureSpec> architectures;
    private final List<GeneSpec> genes;
    private final List<String> paramNames;

    public SearchSpace(List<ArchitectureSpec> architectures) {
        if (architectures.isEmpty()) {
            throw new IllegalArgumentException("no architecture to search");
        }
        this.architectures = List.copyOf(architectures);
        List<GeneSpec> g = new ArrayList<>();
        if (architectures.size() > 1) {
            List<Object> idx = new ArrayList<>();
            for (int i = 0; i < architectures.size(); i++) {
                idx.add(i);
            }
            g.add(new GeneSpec(-1, ARCHITECTURE_GENE, idx, 0, 0));
        }
        TreeSet<String> names = new TreeSet<>();
        for (int a = 0; a < architectures.size(); a++) {
            ArchitectureSpec spec = architectures.get(a);
            names.addAll(spec.defaults().params().keySet());
            for (Map.Entry<String, SearchRange> e : spec.searchSpace().entrySet()) {
                g.add(gene(a, e.getValue()));
                names.add(e.getKey());
            }
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException("architecture '" + architectures.get(0).name()
                    + "' has an empty search_space: nothing to search (add a search_space, or use 'phodex "
                    + "evaluate' / 'phodex sweep')");
        }
        this.genes = Collections.unmodifiableList(g);
        this.paramNames = List.copyOf(names);
    }

    /** A search range as a gene: continuous for unstepped doubles, discrete levels otherwise. */
    static GeneSpec gene(int architecture, SearchRange range) {
        String name = range.param().name();
        boolean continuous = !range.isChoice() && range.param().kind() == org.phodex.spec.Param.Kind.DOUBLE
                && range.step() <= 0;
        if (continuous) {
            return new GeneSpec(architecture, name, List.of(), range.min(), range.max());
        }
        return new GeneSpec(architecture, name, range.gridValues(), 0, 0);
    }

    public List<ArchitectureSpec> architectures() {
        return architectures;
    }

    public List<GeneSpec> genes() {
        return genes;
    }

    public int dimension() {
        return genes.size();
    }

    /** Every parameter name of the union of the architectures, sorted (the CSV's parameter columns). */
    public List<String> paramNames() {
        return paramNames;
    }

    /** Index of the architecture a gene vector picks. */
    public int architectureIndex(double[] u) {
        if (architectures.size() == 1) {
            return 0;
        }
        return (Integer) genes.get(0).decode(u[0]);
    }

    public Design decode(double[] u) {
        if (u.length != genes.size()) {
            throw new IllegalArgumentException("expected " + genes.size() + " genes, got " + u.length);
        }
        int a = architectureIndex(u);
        Design d = architectures.get(a).defaults();
        for (int i = 0; i < genes.size(); i++) {
            GeneSpec g = genes.get(i);
            if (g.architecture() == a) {
                d = d.with(g.param(), g.decode(u[i]));
            }
        }
        return d;
    }

    /** Number of distinct designs when every gene is discrete; -1 when some gene is continuous. */
    public long size() {
        long total = 0;
        for (int a = 0; a < architectures.size(); a++) {
            long n = 1;
            for (GeneSpec g : genes) {
                if (g.architecture() == a) {
                    if (!g.discrete()) {
                        return -1;
                    }
                    n = Math.multiplyExact(n, g.levels().size());
                }
            }
            total += n;
        }
        return total;
    }
}
