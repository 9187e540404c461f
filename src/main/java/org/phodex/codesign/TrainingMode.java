package org.phodex.codesign;

import java.util.Arrays;
import org.phodex.spec.Design;
import org.phodex.spec.Params;

/**
 * How a network meets the hardware, the {@code training} design parameter (README, "Co-design").
 *
 * <ul>
 *   <li>{@code post-mapping}: float training, then SVD and mesh decomposition (or fit) of every tile;</li>
 *   <li>{@code noise-aware}: fine-tuning from the float weights with the design's non-idealities in the forward
 *       pass and straight-through gradients (noise-injection and quantization-aware training as in IBM's aihwkit,
 *       Joshi et al., Nat. Commun. 11, 2473 (2020));</li>
 *   <li>{@code in-mesh}: each MZI tile's phases and attenuations are the trainable parameters (Fang et al., Opt.
 *       Express 27, 14009 (2019); Gu et al., ADEPT, DAC 2022), from the decomposition or fit of the float weights;</li>
 *   <li>{@code in-mesh-noise-aware}: in-mesh with the design's non-idealities in the forward pass;</li>
 *   <li>{@code adc-calibrated}: the float weights, mapped as in post-mapping, with the tiles' ADC full scales chosen
 *       as noise-aware chooses them, and no training of the weights (what the full scales alone are worth).</li>
 * </ul>
 */
public enum TrainingMode {
    POST_MAPPING("post-mapping"),
    NOISE_AWARE("noise-aware"),
    IN_MESH("in-mesh"),
    IN_MESH_NOISE_AWARE("in-mesh-noise-aware"),
    ADC_CALIBRATED("adc-calibrated");

    private final String key;

    TrainingMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** True for the modes that train each tile's phases. */
    public boolean inMesh() {
        return this == IN_MESH || this == IN_MESH_NOISE_AWARE;
    }

    /** True for the modes with the design's noise in the forward pass. */
    public boolean noisy() {
        return this == NOISE_AWARE || this == IN_MESH_NOISE_AWARE || this == ADC_CALIBRATED;
    }

    /** The design's mode ({@code post-mapping} when the parameter is absent). */
    public static TrainingMode of(Design d) {
        return d.has(Params.TRAINING) ? parse(d.getString(Params.TRAINING)) : POST_MAPPING;
    }

    public static TrainingMode parse(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no training mode '" + key + "'; valid: "
                        + Arrays.stream(values()).map(TrainingMode::key).toList()));
    }
}
