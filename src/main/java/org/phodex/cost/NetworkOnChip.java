package org.phodex.cost;

import org.phodex.arch.Family;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * The on-chip network between the shared levels (global buffer, DRAM interface) and the cores (docs/physics.md
 * sec. 7.1). The cores sit on a near-square mesh, ceil(sqrt(cores)) per row, filled row by row; the global buffer's
 * router is at the mesh's centre. A word travels the mean Manhattan distance from the centre to a core's centre, in
 * core pitches (one router and one link of one pitch each); the pitch is the side of a square core (its devices,
 * converters and own SRAM). One core sits against the buffer: no network.
 *
 * @param hops    mean routers (and pitch-long links) a word crosses
 * @param pitchMm the side of one core
 */
public record NetworkOnChip(double hops, double pitchMm) {

    /** The design's network. */
    public static NetworkOnChip of(Design d, Family f, DeviceLibrary lib, MemoryHierarchy mem) {
        return new NetworkOnChip(meanHops(d.getInt(Params.CORES)),
                Math.sqrt(CostModel.coreAreaUm2(d, f, lib, mem)) * 1e-3);
    }

    /** Mean Manhattan distance, in pitches, from the centre of the core mesh to the centres of its cores. */
    static double meanHops(int cores) {
        int width = (int) Math.ceil(Math.sqrt(cores));
        int rows = (cores + width - 1) / width;
        double cx = (width - 1) / 2.0;
        double cy = (rows - 1) / 2.0;
        double sum = 0;
        for (int i = 0; i < cores; i++) {
            sum += Math.abs(i % width - cx) + Math.abs(i / width - cy);
        }
        return sum / cores;
    }

    /** Energy to carry one bit from the buffer to a core (J): per hop, a router and a pitch of wire. */
    public double energyPerBitJ(DeviceLibrary lib) {
        return hops * (lib.value("noc_router", "energy_per_bit_j")
                + pitchMm * lib.value("wire", "energy_per_bit_mm_j"));
    }
}
