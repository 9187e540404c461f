package org.phodex.photonics;

/**
 * How a mesh family turns a target unitary into phases: exact decomposition for universal layouts, a
 * numerical fit for the others. {@link #program} returns the mesh and its relative Frobenius error.
 */
public interface MeshProgrammer {
    MeshFit.Result program(ComplexMatrix unitary);

    /** A short name for cache keys and messages, e.g. {@code clements} or {@code butterfly(2)}. */
    String name();

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
            public String name() {
                return name;
            }
        };
    }

    /** Butterfly with {@code stacks} stacks, phases fitted. */
    static MeshProgrammer butterfly(int stacks) {
        return fitted("butterfly(" + stacks + ")", n -> MeshLayout.butterfly(n, stacks));
    }

    /** Rectangular mesh truncated to {@code columns} columns, phases fitted. */
    static MeshProgrammer truncated(int columns) {
        return fitted("truncated(" + columns + ")", n -> MeshLayout.rectangular(n, columns));
    }

    private static MeshProgrammer fitted(String name, java.util.function.IntFunction<MeshLayout> layout) {
        return new MeshProgrammer() {
            @Override
            public MeshFit.Result program(ComplexMatrix u) {
                return MeshFit.fit(layout.apply(u.rows), u, MeshFit.DEFAULT_ITERATIONS);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
