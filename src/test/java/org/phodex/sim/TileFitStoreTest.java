package org.phodex.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.SvdTile;

class TileFitStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStoredFitComesBackExactlyAndOnlyForTheSameTileAndLayout() throws Exception {
        TileFitStore store = new TileFitStore(dir);
        MeshProgrammer butterfly = MeshProgrammer.butterfly(1);
        double[] w = SimTestSupport.gaussian(8 * 8, 4);
        assertNull(store.load(w, 8, butterfly));
        SvdTile fitted = SvdTile.program(w, 8, butterfly);
        store.save(w, 8, butterfly, fitted);
        SvdTile back = store.load(w, 8, butterfly);
        assertNotNull(back);
        assertEquals(fitted.scale(), back.scale());
        assertEquals(fitted.fitError(), back.fitError());
        assertArrayEquals(fitted.attenuation(), back.attenuation());
        // the same realized chip from the stored phases as from the fit: identical transfer, bit for bit
        var errors = new org.phodex.photonics.StaticErrors(8, 0.005, 0.002, 0.2, 0.05, 0.01);
        double[] a = fitted.realize(errors, new org.phodex.photonics.ZigguratRandom(3)).transferRe();
        double[] b = back.realize(errors, new org.phodex.photonics.ZigguratRandom(3)).transferRe();
        assertArrayEquals(a, b);
        // another tile, another layout, or another size: a miss
        double[] w2 = w.clone();
        w2[5] = Math.nextUp(w2[5]);
        assertNull(store.load(w2, 8, butterfly));
        assertNull(store.load(w, 8, MeshProgrammer.butterfly(2)));
        // exact decompositions are never stored
        store.save(w, 8, MeshProgrammer.clements(), SvdTile.program(w, 8, MeshProgrammer.clements()));
        assertNull(store.load(w, 8, MeshProgrammer.clements()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.toList().size());
        }
    }

    @Test
    void aDamagedFileIsAMissNotAnError() throws Exception {
        TileFitStore store = new TileFitStore(dir);
        MeshProgrammer truncated = MeshProgrammer.truncated(3);
        double[] w = SimTestSupport.gaussian(4 * 4, 8);
        store.save(w, 4, truncated, SvdTile.program(w, 4, truncated));
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        byte[] b = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(b, b.length / 2));
        assertNull(store.load(w, 4, truncated));
    }
}
