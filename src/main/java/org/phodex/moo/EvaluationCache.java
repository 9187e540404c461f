package org.phodex.moo;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Evaluated designs by {@link org.phodex.spec.Design#key()}, least recently used evicted beyond
 * {@code capacity}. Lookups happen in the search's (single-threaded, deterministic) order, so eviction, and
 * therefore the run, is reproducible; the cache is saved in the checkpoint.
 */
public final class EvaluationCache implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int capacity;
    private final LinkedHashMap<String, Evaluation> map = new LinkedHashMap<>(64, 0.75f, true);

    public EvaluationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    public Evaluation get(String key) {
        return map.get(key);
    }

    public void put(String key, Evaluation e) {
        map.put(key, e);
        Iterator<String> it = map.keySet().iterator();
        while (map.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }
}
