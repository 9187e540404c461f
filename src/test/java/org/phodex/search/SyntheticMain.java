package org.phodex.search;

import org.phodex.cli.Main;
import org.phodex.cli.Wiring;

/**
 * phodex with the synthetic evaluator wired in (for scripts/search-kill9-check.sh). PHODEX_SYNTH_SLEEP_MS
 * slows each evaluation down so that a run can be killed mid-way.
 */
public final class SyntheticMain {
    private SyntheticMain() {
    }

    public static void main(String[] args) {
        long sleepMs = Long.parseLong(System.getenv().getOrDefault("PHODEX_SYNTH_SLEEP_MS", "0"));
        Wiring wiring = Wiring.defaults().withEvaluators((archs, workload, seed) -> d -> {
            if (sleepMs > 0) {
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Synthetic.evaluate(d);
        });
        System.exit(Main.run(wiring, args));
    }
}
