package org.phodex.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.SvdTile;

/**
 * A bounded LRU cache of programmed SVD tiles (SVD plus decomposition or phase fit), keyed by the mesh
 * programmer (layout and its parameters) and the tile's weights, so the same tile is never refitted across
 * chip samples or candidates. Thread-safe; a tile missing from the cache is programmed outside the lock
 * (two threads may both program it, with identical results).
 */
final class TileProgramCache {
    static final int CAPACITY = 4096;
    private static final TileProgramCache SHARED = new TileProgramCache(CAPACITY);

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

    private final Map<Key, SvdTile> map;

    TileProgramCache(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SvdTile> eldest) {
                return size() > capacity;
            }
        };
    }

    static TileProgramCache shared() {
        return SHARED;
    }

    /** The programmed tile for weights {@code w} (n x n row-major; not modified, copied into the key). */
    SvdTile get(double[] w, int n, MeshProgrammer programmer) {
        Key key = new Key(programmer.name(), n, w.clone());
        synchronized (this) {
            SvdTile t = map.get(key);
            if (t != null) {
                return t;
            }
        }
        SvdTile t = SvdTile.program(w, n, programmer);
        synchronized (this) {
            map.put(key, t);
        }
        return t;
    }

    synchronized int size() {
        return map.size();
    }
}
