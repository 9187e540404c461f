package org.phodex.photonics;

import java.util.Arrays;

/**
 * Where the MZIs of an N-mode mesh sit: MZI k acts on the adjacent waveguides {@code top[k]} and
 * {@code top[k] + 1} in column {@code column[k]}, listed in optical order (column by column, input side
 * first). A column may start with a fixed waveguide permutation (crossings): after it, waveguide i carries
 * what waveguide {@code permutationBefore(c)[i]} carried. After the last column comes a screen of N output
 * phase shifters.
 */
public final class MeshLayout {
    private final int modes;
    private final int depth;
    private final int[] column;
    private final int[] top;
    private final int[][] permBefore;
    private final String name;
    private final boolean balanced;
    private final int[] below;
    private final int[] above;

    private MeshLayout(String name, boolean balanced, int modes, int[] column, int[] top, int[][] permBefore) {
        this.name = name;
        this.balanced = balanced;
        this.modes = modes;
        this.column = column;
        this.top = top;
        this.below = new int[top.length];
        this.above = new int[top.length];
        for (int k = 0; k < top.length; k++) {
            below[k] = find(k, 2);
            above[k] = find(k, -2);
        }
        int d = 0;
        for (int c : column) {
            d = Math.max(d, c + 1);
        }
        this.depth = Math.max(d, permBefore.length);
        this.permBefore = Arrays.copyOf(permBefore, depth);
        for (int k = 1; k < column.length; k++) {
            if (column[k] < column[k - 1]) {
                throw new IllegalArgumentException("MZIs must be listed column by column");
            }
        }
    }

    /**
     * A layout from MZIs in optical order (top modes only), each placed in the earliest column after the MZIs
     * it depends on. {@link #sequenceOrder} tells which sequence entry lands at which layout position.
     */
    static MeshLayout fromSequence(String name, boolean balanced, int modes, int[] topInOrder) {
        int[] col = asapColumns(modes, topInOrder);
        int[] order = sequenceOrder(modes, topInOrder);
        int[] c2 = new int[order.length];
        int[] t2 = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            c2[k] = col[order[k]];
            t2[k] = topInOrder[order[k]];
        }
        return new MeshLayout(name, balanced, modes, c2, t2, new int[0][]);
    }

    private static int[] asapColumns(int modes, int[] topInOrder) {
        int[] last = new int[modes];
        Arrays.fill(last, -1);
        int[] col = new int[topInOrder.length];
        for (int k = 0; k < topInOrder.length; k++) {
            int a = topInOrder[k];
            col[k] = Math.max(last[a], last[a + 1]) + 1;
            last[a] = col[k];
            last[a + 1] = col[k];
        }
        return col;
    }

    /**
     * Layout position -> sequence index. A stable sort by column keeps every pair of MZIs that share a mode in
     * optical order (MZIs within a column act on disjoint modes and commute).
     */
    static int[] sequenceOrder(int modes, int[] topInOrder) {
        int[] col = asapColumns(modes, topInOrder);
        int m = topInOrder.length;
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> col[x] != col[y] ? Integer.compare(col[x], col[y])
                : Integer.compare(topInOrder[x], topInOrder[y]));
        int[] o = new int[m];
        for (int k = 0; k < m; k++) {
            o[k] = order[k];
        }
        return o;
    }

    /**
     * A rectangular (Clements) grid with {@code columns} columns: column c holds MZIs on waveguides
     * (c mod 2, c mod 2 + 1), (c mod 2 + 2, ...), ... With columns = N it is the universal Clements mesh.
     */
    public static MeshLayout rectangular(int modes, int columns) {
        checkModes(modes);
        if (columns < 1) {
            throw new IllegalArgumentException("a mesh needs at least one column, got " + columns);
        }
        int count = 0;
        for (int c = 0; c < columns; c++) {
            for (int a = c % 2; a + 1 < modes; a += 2) {
                count++;
            }
        }
        int[] col = new int[count];
        int[] top = new int[count];
        int k = 0;
        for (int c = 0; c < columns; c++) {
            for (int a = c % 2; a + 1 < modes; a += 2) {
                col[k] = c;
                top[k++] = a;
            }
        }
        return new MeshLayout(columns == modes ? "clements" : "truncated(" + columns + ")", true, modes, col, top,
                new int[0][]);
    }

    /**
     * A butterfly (FFT-like) mesh in its shuffle-exchange form: log2 N stages, each a perfect shuffle of the
     * waveguides followed by N/2 MZIs on adjacent pairs (an Omega network, isomorphic to the butterfly: stage s
     * couples modes whose indices differ in one bit); {@code stacks} copies in series. Fang et al., Opt.
     * Express 27, 14009 (2019).
     */
    public static MeshLayout butterfly(int modes, int stacks) {
        checkModes(modes);
        if (Integer.bitCount(modes) != 1) {
            throw new IllegalArgumentException("a butterfly mesh needs a power-of-two size, got " + modes);
        }
        if (stacks < 1) {
            throw new IllegalArgumentException("a butterfly mesh needs at least one stack, got " + stacks);
        }
        int stages = Integer.numberOfTrailingZeros(modes);
        int columns = stages * stacks;
        int[] shuffle = new int[modes];
        for (int i = 0; i < modes; i++) {
            // perfect shuffle: the signal on waveguide j moves to rotl(j); so waveguide i receives rotr(i)
            shuffle[i] = (i >>> 1) | ((i & 1) << (stages - 1));
        }
        int[] col = new int[columns * modes / 2];
        int[] top = new int[col.length];
        int[][] perm = new int[columns][];
        int k = 0;
        for (int c = 0; c < columns; c++) {
            perm[c] = shuffle;
            for (int a = 0; a < modes; a += 2) {
                col[k] = c;
                top[k++] = a;
            }
        }
        return new MeshLayout("butterfly(" + stacks + ")", true, modes, col, top, perm);
    }

    private static void checkModes(int modes) {
        if (modes < 2) {
            throw new IllegalArgumentException("a mesh needs at least 2 modes, got " + modes);
        }
    }

    /**
     * True when every input-output path is built to the same optical length, so waveguides idle in a column
     * still pass a section as lossy as an MZI (rectangular and butterfly meshes: Clements et al. 2016's balanced
     * loss). A triangular (Reck) mesh is not: its short paths really are less lossy.
     */
    public boolean balanced() {
        return balanced;
    }

    public String name() {
        return name;
    }

    public int modes() {
        return modes;
    }

    /** Number of MZI columns (optical depth in MZIs). */
    public int depth() {
        return depth;
    }

    public int mziCount() {
        return top.length;
    }

    public int column(int k) {
        return column[k];
    }

    public int top(int k) {
        return top[k];
    }

    /** The permutation before column c, or null if none. Do not modify. */
    public int[] permutationBefore(int c) {
        return c < permBefore.length ? permBefore[c] : null;
    }

    /** The MZI of the same column just below MZI k (top mode + 2; its heater is the next one), or -1. */
    public int neighbourBelow(int k) {
        return below[k];
    }

    /** The MZI of the same column just above MZI k (top mode - 2), or -1. */
    public int neighbourAbove(int k) {
        return above[k];
    }

    private int find(int k, int offset) {
        int want = top[k] + offset;
        for (int j = k + (offset > 0 ? 1 : -1); j >= 0 && j < top.length && column[j] == column[k];
                j += offset > 0 ? 1 : -1) {
            if (top[j] == want) {
                return j;
            }
        }
        return -1;
    }

    /** Applies a waveguide permutation to the rows of m (row i becomes old row perm[i]). */
    static void permuteRows(ComplexMatrix m, int[] perm) {
        double[] re = m.re.clone();
        double[] im = m.im.clone();
        int n = m.cols;
        for (int i = 0; i < perm.length; i++) {
            System.arraycopy(re, perm[i] * n, m.re, i * n, n);
            System.arraycopy(im, perm[i] * n, m.im, i * n, n);
        }
    }
}
