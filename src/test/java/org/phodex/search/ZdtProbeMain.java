package org.phodex.search;

public class ZdtProbeMain {
    public static void main(String[] a) {
        long evals = Long.parseLong(a[0]);
        for (Zdt z : Zdt.values()) {
            for (long seed = 1; seed <= Integer.parseInt(a[1]); seed++) {
                ZdtSelfTest.Row r = ZdtSelfTest.run(z, evals, seed, 1);
                System.out.println(z + " seed " + seed + " " + r);
            }
        }
    }
}
