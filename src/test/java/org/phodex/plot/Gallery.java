package org.phodex.plot;

import java.nio.file.Path;

/** Writes the fixture figures to a folder for looking at them: java ... Gallery OUT_DIR. */
final class Gallery {
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[0]);
        Fixtures.writeRun(out.resolve("run"), 20, 40, false, 42);
        Fixtures.writeRun(out.resolve("shape"), 8, 30, true, 3);
        Fixtures.writeSweep(out.resolve("sweep1"), false);
        Fixtures.writeSweep(out.resolve("sweep2"), true);
        for (String d : new String[] {"run", "shape", "sweep1", "sweep2"}) {
            RunFigures.write(out.resolve(d), n -> System.err.println("note: " + n)).forEach(System.out::println);
        }
        MeshDiagram.write(Fixtures.clements(16, 1), 16, "Clements mesh, N = 16", out.resolve("mesh16.png"));
        MeshDiagram.write(Fixtures.clements(16, 1), 16, "Clements mesh, N = 16", out.resolve("mesh16.svg"));
        MeshDiagram.write(Fixtures.clements(4, 1), 4, "Clements mesh, N = 4", out.resolve("mesh4.png"));
    }
}
