package org.phodex.arch;

/**
 * Devices of one core (one tile's worth of hardware), counted by the family.
 *
 * @param mzis          MZI cells (meshes plus the attenuator column)
 * @param phaseShifters programmable phase shifters (each holds a weight phase)
 * @param rings         weight microrings
 * @param modulators    input modulators (per input element and wavelength)
 * @param detectors     photodetectors
 * @param tias          transimpedance amplifiers (one per detected output)
 * @param adcs          output ADCs
 * @param dacs          input DACs
 * @param crossings     waveguide crossings
 */
public record DeviceCounts(long mzis, long phaseShifters, long rings, long modulators, long detectors, long tias,
                           long adcs, long dacs, long crossings) {
}
