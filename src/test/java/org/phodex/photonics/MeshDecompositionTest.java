package org.phodex.photonics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeshDecompositionTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int n : new int[] {2, 3, 4, 5, 8, 13, 16, 32, 64}) {
            b.add(Arguments.of("clements", n));
            b.add(Arguments.of("reck", n));
        }
        return b.build();
    }

    private static Function<ComplexMatrix, Mesh> method(String name) {
        return name.equals("clements") ? MeshDecomposition::clements : MeshDecomposition::reck;
    }

    /** Slow, obvious reconstruction: the product of full N x N MZI matrices, independent of the row kernel. */
    static ComplexMatrix slowProduct(Mesh mesh) {
        int n = mesh.modes();
        ComplexMatrix total = ComplexMatrix.identity(n);
        double[] t = new double[8];
        int col = -1;
        for (int k = 0; k < mesh.mziCount(); k++) {
            while (col < mesh.layout().column(k)) {
                col++;
                int[] p = mesh.layout().permutationBefore(col);
                if (p != null) {
                    ComplexMatrix pm = new ComplexMatrix(n, n);
                    for (int i = 0; i < n; i++) {
                        pm.set(i, p[i], 1, 0);
                    }
                    total = pm.times(total);
                }
            }
            ComplexMatrix full = ComplexMatrix.identity(n);
            int a = mesh.layout().top(k);
            // ideal MZI: i e^{i th/2} [[e^{i ph} sin(th/2), cos(th/2)], [e^{i ph} cos(th/2), -sin(th/2)]]
            double th = mesh.theta(k), ph = mesh.phi(k);
            double gr = -Math.sin(th / 2), gi = Math.cos(th / 2); // i e^{i th/2}
            double s = Math.sin(th / 2), c = Math.cos(th / 2);
            double er = Math.cos(ph), ei = Math.sin(ph);
            full.set(a, a, (gr * er - gi * ei) * s, (gr * ei + gi * er) * s);
            full.set(a, a + 1, gr * c, gi * c);
            full.set(a + 1, a, (gr * er - gi * ei) * c, (gr * ei + gi * er) * c);
            full.set(a + 1, a + 1, -gr * s, -gi * s);
            total = full.times(total);
        }
        ComplexMatrix d = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            d.set(i, i, Math.cos(mesh.outputPhase(i)), Math.sin(mesh.outputPhase(i)));
        }
        return d.times(total);
    }

    private static void checkExact(String method, ComplexMatrix u) {
        Mesh mesh = method(method).apply(u);
        int n = u.rows;
        assertEquals(n * (n - 1) / 2, mesh.mziCount(), "MZI count");
        // depth N (Clements) and 2N-3 (Reck); at N = 2 both are the single MZI
        assertEquals(n == 2 ? 1 : method.equals("clements") ? n : 2 * n - 3, mesh.depth(), "depth");
        assertTrue(mesh.transfer().maxAbsDiff(u) < 1e-10, () -> method + " n=" + n + " err "
                + mesh.transfer().maxAbsDiff(u));
        if (n <= 16) {
            assertTrue(slowProduct(mesh).maxAbsDiff(u) < 1e-10, "slow product agrees");
        }
    }

    @ParameterizedTest(name = "{0} N={1} random orthogonal and unitary")
    @MethodSource("cases")
    void reconstructsRandomMatrices(String method, int n) {
        SplittableRandom rng = new SplittableRandom(1000 + n);
        checkExact(method, ComplexMatrix.ofReal(RandomMatrices.orthogonal(n, rng), n, n));
        checkExact(method, RandomMatrices.unitary(n, rng));
    }

    @ParameterizedTest(name = "{0} N={1} identity, permutations, zero entries")
    @MethodSource("cases")
    void reconstructsSpecialMatrices(String method, int n) {
        if (n > 16) {
            return;
        }
        checkExact(method, ComplexMatrix.identity(n));
        // reversal and a cyclic shift with signs: permutation matrices, all-zero rows of 2x2 blocks
        ComplexMatrix rev = new ComplexMatrix(n, n);
        ComplexMatrix shift = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            rev.set(i, n - 1 - i, 1, 0);
            shift.set(i, (i + 1) % n, i % 2 == 0 ? 1 : -1, 0);
        }
        checkExact(method, rev);
        checkExact(method, shift);
        // block-diagonal with a random 2x2 rotation and phases: many exact zeros
        ComplexMatrix blocks = new ComplexMatrix(n, n);
        for (int i = 0; i + 1 < n; i += 2) {
            double a = 0.3 + i;
            blocks.set(i, i, Math.cos(a), 0);
            blocks.set(i, i + 1, 0, Math.sin(a));
            blocks.set(i + 1, i, 0, Math.sin(a));
            blocks.set(i + 1, i + 1, Math.cos(a), 0);
        }
        if (n % 2 == 1) {
            blocks.set(n - 1, n - 1, 0, 1);
        }
        checkExact(method, blocks);
    }

    @ParameterizedTest(name = "{0} N={1} columns")
    @MethodSource("cases")
    void clementsColumnsFormARectangularGrid(String method, int n) {
        if (!method.equals("clements")) {
            return;
        }
        Mesh mesh = MeshDecomposition.clements(RandomMatrices.unitary(n, new SplittableRandom(n)));
        for (MziCell c : mesh.cells()) {
            assertEquals(c.column() % 2, c.topMode() % 2, "column parity of " + c);
        }
    }
}
