package org.phodex.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {
    @Test
    void nearestFindsTypos() {
        List<String> keys = List.of("insertion_loss_db", "source", "unit", "value");
        assertEquals("insertion_loss_db", Hints.nearest("insertion_los_db", keys));
        assertEquals("source", Hints.nearest("soruce", keys));
        assertNull(Hints.nearest("completely_different", keys));
    }

    @Test
    void distanceCountsTranspositionsOnce() {
        assertEquals(1, Hints.distance("ab", "ba"));
        assertEquals(3, Hints.distance("kitten", "sitting"));
    }
}
