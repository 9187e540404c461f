package org.phodex.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed, seeded subset of a test split with the split's class proportions: the test samples a search scores
 * designs on. The first N samples of a split are not a fair sample of it (on mnist-mlp the float network scores
 * 96.5 % on the first 400 test images and 94.6 % on all 2,000).
 *
 * <p>Class c, holding n_c of the N samples, gets floor(size * n_c / N) places; the places left go to the
 * classes with the largest remainders (lower class first on ties). Each class's samples are shuffled
 * (Fisher-Yates, {@link SplittableRandom} seeded with {@code seed}, classes in order) and the first ones taken;
 * the chosen indices are returned in ascending order.
 */
public final class StratifiedSample {
    /** The seed of the search-time subset: fixed, so every run and every design sees the same samples. */
    public static final long SEARCH_SEED = 20_260_401L;

    private StratifiedSample() {
    }

    /** {@code size} indices into {@code labels} (all of them, in order, when {@code size >= labels.length}). */
    public static int[] indices(int[] labels, int size, long seed) {
        int total = labels.length;
        if (size < 1) {
            throw new IllegalArgumentException("need at least one sample, got " + size);
        }
        if (size >= total) {
            int[] all = new int[total];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int classes = 0;
        for (int y : labels) {
            if (y < 0) {
                throw new IllegalArgumentException("negative label " + y);
            }
            classes = Math.max(classes, y + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < total; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] quota = quotas(byClass.stream().mapToInt(List::size).toArray(), size);
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] out = new int[size];
        int o = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            for (int i = idx.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
            }
            for (int i = 0; i < quota[c]; i++) {
                out[o++] = idx[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Largest-remainder allocation of {@code size} places over classes of the given counts. */
    static int[] quotas(int[] counts, int size) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] q = new int[counts.length];
        long[] rem = new long[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            long num = (long) size * counts[c];
            q[c] = (int) (num / total);
            rem[c] = num % total;
            given += q[c];
        }
        Integer[] order = new Integer[counts.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Long.compare(rem[b], rem[a]) : Integer.compare(a, b));
        for (int i = 0; given < size; i++) {
            q[order[i]]++;
            given++;
        }
        return q;
    }
}
