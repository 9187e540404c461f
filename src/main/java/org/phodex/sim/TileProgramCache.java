package org.phodex.sim;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.SvdTile;

/**
 * A bounded LRU cache of programmed SVD tiles (SVD plus decomposition or phase fit), keyed by the mesh
 * programmer (layout and its parameters) and the tile's weights, so the same tile is never refitted across
 * chip samples or candidates. Thread-safe; a tile missing from the cache is programmed outside the lock
 * (two threads may both program it, with identical results).
 *
 * <p>The bound is memory, not a count: a multi-family search visits tens of thousands of distinct small tiles
 * (1,600 tiles per n = 8 design of each butterfly stack count and truncated depth) whose numerical fits cost tens
 * to hundreds of milliseconds each, and a count bound of a few thousand evicted them between the candidates that
 * share them. The default budget, {@value #DEFAULT_BUDGET_MB} MB (system property {@code phodex.tileCache.mb}),
 * holds about 6,000 programmed 32 x 32 Clements tiles or about 60,000 8 x 8 butterfly tiles. Fitted tiles missing
 * here are looked up in the {@link TileFitStore} on disk before they are fitted, and stored there after.
 */
final class TileProgramCache {
    static final int DEFAULT_BUDGET_MB = 256;
    private static final TileProgramCache SHARED = new TileProgramCache(
            Long.getLong("phodex.tileCache.mb", DEFAULT_BUDGET_MB) << 20, TileFitStore.shared());

    private record Key(String programmer, int n, double[] weights, int hash) {
        Key(String programmer, int n, double[] weights) {
            this(programmer, n, weights, 31 * (31 * programmer.hashCode() + n) + Arrays.hashCode(weights));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.n == n && k.programmer.equals(programmer)
                    && Arrays.equals(k.weights, weights);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Entry(SvdTile tile, long bytes) {
    }

    private final Map<Key, Entry> map = new LinkedHashMap<>(16, 0.75f, true);
    private final long budgetBytes;
    private final TileFitStore store;
    private long bytes;

    /** @param store where fitted tiles persist across processes (null: nowhere) */
    TileProgramCache(long budgetBytes, TileFitStore store) {
        this.budgetBytes = budgetBytes;
        this.store = store;
    }

    TileProgramCache(long budgetBytes) {
        this(budgetBytes, null);
    }

    static TileProgramCache shared() {
        return SHARED;
    }

    /**
     * Approximate heap bytes of one entry: the key's weights, both meshes' phases and layouts (two phases and two
     * layout ints per MZI, one permutation row per column at most), the attenuations, plus object overhead.
     */
    static long estimateBytes(SvdTile t) {
        int n = t.size();
        long meshes = 0;
        for (org.phodex.photonics.Mesh m : new org.phodex.photonics.Mesh[] {t.u(), t.v()}) {
            meshes += 24L * m.mziCount() + 8L * n + 4L * n * m.depth() / 2 + 256;
        }
        return 8L * n * n + meshes + 8L * n + 256;
    }

    /** The programmed tile for weights {@code w} (n x n row-major; not modified, copied into the key). */
    SvdTile get(double[] w, int n, MeshProgrammer programmer) {
        Key key = new Key(programmer.name(), n, w.clone());
        synchronized (this) {
            Entry e = map.get(key);
            if (e != null) {
                return e.tile();
            }
        }
        SvdTile t = store == null ? null : store.load(w, n, programmer);
        if (t == null) {
            t = SvdTile.program(w, n, programmer);
            if (store != null) {
                store.save(w, n, programmer, t);
            }
        }
        Entry e = new Entry(t, estimateBytes(t));
        synchronized (this) {
            Entry old = map.put(key, e);
            bytes += e.bytes() - (old == null ? 0 : old.bytes());
            Iterator<Entry> it = map.values().iterator();
            while (bytes > budgetBytes && map.size() > 1 && it.hasNext()) {
                Entry eldest = it.next();
                if (eldest == e) {
                    continue;
                }
                bytes -= eldest.bytes();
                it.remove();
            }
        }
        return t;
    }

    synchronized int size() {
        return map.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
