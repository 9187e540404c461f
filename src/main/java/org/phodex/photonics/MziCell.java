package org.phodex.photonics;

/**
 * One MZI of a programmed mesh, for drawing and inspection: it sits in {@code column} (0 = input side) on the
 * adjacent waveguides {@code topMode} and {@code topMode + 1}, with internal phase {@code thetaRad} and
 * external (input) phase {@code phiRad}. See {@link Mzi} for the transfer matrix these phases give.
 */
public record MziCell(int column, int topMode, double thetaRad, double phiRad) {
}
