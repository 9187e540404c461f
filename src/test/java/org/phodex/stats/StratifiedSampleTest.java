package org.phodex.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StratifiedSampleTest {

    /** A split sorted by class, the worst case for "the first N samples". */
    static int[] sortedLabels(int[] counts) {
        return java.util.stream.IntStream.range(0, counts.length)
                .flatMap(c -> java.util.stream.IntStream.generate(() -> c).limit(counts[c])).toArray();
    }

    @Test
    void keepsTheClassProportions() {
        int[] counts = {300, 150, 50, 500};
        int[] labels = sortedLabels(counts);
        int[] idx = StratifiedSample.indices(labels, 100, 1);
        assertEquals(100, idx.length);
        int[] got = new int[counts.length];
        for (int i : idx) {
            got[labels[i]]++;
        }
        // 100 of 1000: exactly 30, 15, 5, 50
        assertArrayEquals(new int[] {30, 15, 5, 50}, got);
        assertEquals(idx.length, Arrays.stream(idx).distinct().count());
        for (int i = 1; i < idx.length; i++) {
            assertTrue(idx[i] > idx[i - 1], "ascending");
        }
    }

    @Test
    void remaindersGoToTheLargestFractions() {
        // 10 of 30 over 7, 11, 12: exact 2.33, 3.67, 4.0 -> 2, 4, 4
        assertArrayEquals(new int[] {2, 4, 4}, StratifiedSample.quotas(new int[] {7, 11, 12}, 10));
        int[] q = StratifiedSample.quotas(new int[] {1, 1, 1}, 2); // ties: lower classes first
        assertArrayEquals(new int[] {1, 1, 0}, q);
    }

    @Test
    void fixedBySeedAndDifferentAcrossSeeds() {
        Random r = new Random(4);
        int[] labels = new int[2000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextInt(10);
        }
        int[] a = StratifiedSample.indices(labels, 400, StratifiedSample.SEARCH_SEED);
        assertArrayEquals(a, StratifiedSample.indices(labels, 400, StratifiedSample.SEARCH_SEED));
        assertFalse(Arrays.equals(a, StratifiedSample.indices(labels, 400, 2)));
        assertFalse(Arrays.equals(a, java.util.stream.IntStream.range(0, 400).toArray()), "not the first 400");
        // every class within one sample of its exact share
        int[] all = new int[10];
        int[] got = new int[10];
        for (int y : labels) {
            all[y]++;
        }
        for (int i : a) {
            got[labels[i]]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(400.0 * all[c] / 2000, got[c], 1.0, "class " + c);
        }
    }

    @Test
    void wholeSplitWhenAskedForAtLeastItsSize() {
        int[] labels = {2, 0, 1, 1};
        assertArrayEquals(new int[] {0, 1, 2, 3}, StratifiedSample.indices(labels, 4, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, StratifiedSample.indices(labels, 99, 1));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSample.indices(labels, 0, 1));
    }
}
