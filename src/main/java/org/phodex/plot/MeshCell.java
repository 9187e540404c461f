package org.phodex.plot;

/**
 * One MZI of a programmed mesh, as {@link MeshDiagram} draws it.
 *
 * @param column   column of the mesh (0 = next to the inputs)
 * @param topMode  upper of the two waveguides the MZI couples (it couples topMode and topMode + 1), 0-based
 * @param thetaRad internal phase (sets the splitting ratio)
 * @param phiRad   external phase (on the upper input arm)
 */
public record MeshCell(int column, int topMode, double thetaRad, double phiRad) {
}
