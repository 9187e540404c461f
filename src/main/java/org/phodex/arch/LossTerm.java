package org.phodex.arch;

/** One named contribution to the worst optical path's loss, with the device entry it came from. */
public record LossTerm(String name, double lossDb, String device) {
}
