package org.phodex.search;

import java.nio.file.Path;

/** A second process for the run-folder lock tests: locks args[0], says "locked", holds it until stdin closes. */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]), "search", System.err::println)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin
            }
        }
    }
}
