package org.phodex.photonics;

/**
 * How a mesh family turns a target unitary into phases: exact decomposition for universal layouts, a
 * numerical fit for the others. {@link #program} returns the mesh and its relative Frobenius error.
 */
public interface MeshProgrammer {
    MeshFit.Result program(ComplexMatrix unitary);

    /** A short name for cache keys and messages, e.g. {@code clements} or {@code butterfly(2)}. */
    String name();

    /** Checks that this programmer can build an {@code n}-mode mesh; IllegalArgumentException if not. */
    default void checkModes(int n) {
    }

    /** Where this programmer's n-mode meshes put their MZIs. */
    MeshLayout layout(int n);

    /** True for an exact decomposition (universal layouts), false for a numerical fit. */
    default boolean exact() {
        return false;
    }

    static MeshProgrammer clements() {
        return exact("clements", true);
    }

    static MeshProgrammer reck() {
        return exact("reck", false);
    }

    private static MeshProgrammer exact(String name, boolean clements) {
        return new MeshProgrammer() {
            @Override
            public MeshFit.Result program(ComplexMatrix u) {
                Mesh m = clements ? MeshDecomposition.clements(u) : MeshDecomposition.reck(u);
                return new MeshFit.Result(m, 0);
            }

            @Override
            public boolean exact() {
                return true;
            }

            @Override
            public MeshLayout layout(int n) {
                return program(ComplexMatrix.identity(n)).mesh().layout();
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** Butterfly with {@code stacks} stacks, phases fitted. */
    static MeshProgrammer butterfly(int stacks) {
        if (stacks < 1) {
            throw new IllegalArgumentException("butterfly needs >= 1 stack, got " + stacks);
        }
        return fitted("butterfly(" + stacks + ")", n -> MeshLayout.butterfly(n, stacks), n -> {
            if (Integer.bitCount(n) != 1) {
                throw new IllegalArgumentException("butterfly needs a power-of-two tile, got " + n);
            }
        });
    }

    /** Rectangular mesh truncated to {@code columns} columns, phases fitted. */
    static MeshProgrammer truncated(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("truncated mesh needs >= 1 column, got " + columns);
        }
        return fitted("truncated(" + columns + ")", n -> MeshLayout.rectangular(n, columns), n -> {
        });
    }

    private static MeshProgrammer fitted(String name, java.util.function.IntFunction<MeshLayout> layout,
                                         java.util.function.IntConsumer modesCheck) {
        return new MeshProgrammer() {
            @Override
            public void checkModes(int n) {
                modesCheck.accept(n);
            }

            @Override
            public MeshFit.Result program(ComplexMatrix u) {
                return MeshFit.fit(layout.apply(u.rows), u, MeshFit.DEFAULT_ITERATIONS);
            }

            @Override
            public MeshLayout layout(int n) {
                return layout.apply(n);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
