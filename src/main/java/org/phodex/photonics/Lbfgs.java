package org.phodex.photonics;

/** Limited-memory BFGS with a backtracking (Armijo) line search and a bounded iteration count. */
final class Lbfgs {
    interface Function {
        /** Returns f(x) and writes its gradient into grad. */
        double valueAndGradient(double[] x, double[] grad);
    }

    private static final int MEMORY = 10;
    /** Plateau rule: stop when the last {@value} iterations lowered f by less than {@link #PLATEAU_GAIN} of it. */
    static final int PLATEAU_WINDOW = 100;
    static final double PLATEAU_GAIN = 1e-3;

    private Lbfgs() {
    }

    /** Minimizes f from x0 (not modified); returns the best point found within maxIterations. */
    static double[] minimize(Function f, double[] x0, int maxIterations) {
        return minimize(f, x0, maxIterations, 0);
    }

    /**
     * Minimizes f from x0 (not modified) until f <= fTarget, f stops falling (by less than a factor
     * 1 - {@link #PLATEAU_GAIN} over {@link #PLATEAU_WINDOW} iterations), or maxIterations; returns the last point.
     */
    static double[] minimize(Function f, double[] x0, int maxIterations, double fTarget) {
        int d = x0.length;
        double[] x = x0.clone();
        double[] g = new double[d];
        double fx = f.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int head = 0;
        double[] xNew = new double[d];
        double[] gNew = new double[d];
        double[] dir = new double[d];
        double[] history = new double[PLATEAU_WINDOW];
        for (int it = 0; it < maxIterations; it++) {
            if (norm(g) < 1e-12 || fx <= fTarget) {
                break;
            }
            if (it >= PLATEAU_WINDOW && fx > (1 - PLATEAU_GAIN) * history[it % PLATEAU_WINDOW]) {
                break;
            }
            history[it % PLATEAU_WINDOW] = fx;
            // two-loop recursion: dir = -H g
            System.arraycopy(g, 0, dir, 0, d);
            for (int j = 0; j < stored; j++) {
                int idx = Math.floorMod(head - 1 - j, MEMORY);
                alpha[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-alpha[idx], y[idx], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, MEMORY);
                scale(dot(s[last], y[last]) / dot(y[last], y[last]), dir);
            } else {
                scale(1 / Math.max(1, norm(g)), dir);
            }
            for (int j = stored - 1; j >= 0; j--) {
                int idx = Math.floorMod(head - 1 - j, MEMORY);
                double beta = rho[idx] * dot(y[idx], dir);
                axpy(alpha[idx] - beta, s[idx], dir);
            }
            scale(-1, dir);
            double slope = dot(g, dir);
            if (slope >= 0) {
                // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, dir, 0, d);
                scale(-1 / Math.max(1, norm(g)), dir);
                slope = dot(g, dir);
            }
            double step = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                for (int i = 0; i < d; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sk = new double[d];
            double[] yk = new double[d];
            for (int i = 0; i < d; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-300) {
                s[head] = sk;
                y[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            double improvement = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, d);
            System.arraycopy(gNew, 0, g, 0, d);
            fx = fNew;
            if (improvement <= 1e-15 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
