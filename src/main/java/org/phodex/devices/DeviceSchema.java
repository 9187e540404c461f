package org.phodex.devices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each kind of device entry must and may contain. Units come from the key's suffix; the physical
 * range from its meaning (a loss is never negative, an efficiency never above 1, bits at least 1).
 */
public final class DeviceSchema {
    /** kind -> required fields (the model reads every one of them). */
    static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();
    /** kind -> optional fields. */
    static final Map<String, List<String>> OPTIONAL = new LinkedHashMap<>();

    static {
        kind("laser", List.of("wall_plug_efficiency", "wavelength_nm", "coupling_loss_db", "max_optical_power_w",
                "gating_settling_time_s"), List.of());
        kind("modulator", List.of("energy_per_bit_j", "insertion_loss_db", "max_rate_hz", "footprint_um2"),
                List.of());
        kind("phase_shifter", List.of("power_per_pi_w", "insertion_loss_db", "reconfiguration_time_s",
                "write_energy_j", "footprint_um2"), List.of("levels"));
        kind("coupler", List.of("insertion_loss_db"), List.of("footprint_um2"));
        kind("crossing", List.of("insertion_loss_db", "crosstalk_db"), List.of());
        kind("splitter", List.of("excess_loss_db"), List.of());
        kind("waveguide", List.of("loss_db_per_cm"), List.of());
        kind("mzi", List.of("insertion_loss_db", "length_um", "footprint_um2"), List.of());
        kind("microring", List.of("hold_power_w", "power_per_pi_w", "insertion_loss_db", "footprint_um2",
                "resonance_sigma_nm", "fsr_nm"), List.of());
        kind("mux", List.of("insertion_loss_db"), List.of("footprint_um2"));
        kind("photodetector", List.of("responsivity_a_per_w", "dark_current_a", "sensitivity_dbm", "footprint_um2"),
                List.of());
        kind("tia", List.of("power_w", "feedback_resistance_ohm", "bandwidth_hz", "area_um2", "standby_power_w"),
                List.of());
        kind("converter", List.of("reference_bits", "reference_rate_hz", "reference_power_w", "corner_rate_hz",
                "speed_exponent", "area_um2", "standby_power_w"), List.of());
        kind("digital", List.of("add8_energy_j", "mult8_energy_j", "add32_energy_j", "fp16_mult_energy_j",
                "fp32_mult_energy_j", "fp32_add_energy_j", "fp32_special_energy_j"),
                List.of("mult32_energy_j", "add8_area_um2", "add32_area_um2", "mult8_area_um2", "mult32_area_um2"));
        kind("memory", List.of("access_energy_64b_j"), List.of("capacity_bytes", "area_um2", "bandwidth_bytes_per_s"));
        kind("memory_scaling", List.of("read_8kb_64b_j", "read_32kb_64b_j", "read_1mb_64b_j", "write_to_read_ratio",
                "leakage_per_bit_w", "bank_bytes", "bank_bandwidth_bytes_per_s"), List.of());
        kind("wire", List.of("energy_per_bit_mm_j"), List.of());
        kind("router", List.of("energy_per_bit_j"), List.of());
        kind("controller", List.of("power_w"), List.of());
        kind("constants", List.of("electron_charge_c", "boltzmann_j_per_k", "temperature_k", "planck_j_s",
                "speed_of_light_m_per_s"), List.of());
    }

    private DeviceSchema() {
    }

    private static void kind(String kind, List<String> required, List<String> optional) {
        REQUIRED.put(kind, required);
        OPTIONAL.put(kind, optional);
    }

    public static Set<String> kinds() {
        return REQUIRED.keySet();
    }

    /** Unit from the key's suffix; null when the suffix names none. */
    static String unit(String field) {
        String[][] suffixes = {
                {"_db_per_cm", "dB/cm"}, {"_a_per_w", "A/W"}, {"_bytes_per_s", "B/s"}, {"_per_bit_mm_j", "J/bit/mm"},
                {"_per_bit_j", "J/bit"}, {"_j_per_k", "J/K"}, {"_m_per_s", "m/s"},
                {"_j_s", "J*s"}, {"_um2", "um^2"}, {"_dbm", "dBm"}, {"_db", "dB"}, {"_hz", "Hz"}, {"_ohm", "Ohm"}, {"_nm", "nm"},
                {"_um", "um"}, {"_w", "W"}, {"_j", "J"}, {"_s", "s"}, {"_a", "A"}, {"_c", "C"}, {"_k", "K"},
                {"_bits", "bits"}, {"_bytes", "bytes"}, {"_efficiency", "1 (fraction)"}, {"_exponent", "1"},
                {"levels", "levels"}};
        for (String[] s : suffixes) {
            if (field.endsWith(s[0])) {
                return s[1];
            }
        }
        return null;
    }

    /** Physical range of a field's value: {min, max, minExclusive (1/0)}; a hint explains it. */
    static double[] range(String field) {
        if (field.equals("crosstalk_db")) {
            return new double[] {-200, 0, 0};
        }
        if (field.endsWith("_efficiency")) {
            return new double[] {0, 1, 1};
        }
        if (field.endsWith("_dbm")) {
            return new double[] {-150, 60, 0};
        }
        if (field.endsWith("_bits") || field.equals("levels")) {
            return new double[] {1, 64, 0};
        }
        if (field.endsWith("_exponent")) {
            return new double[] {0, 4, 0};
        }
        if (field.endsWith("_db") || field.endsWith("_db_per_cm")) {
            return new double[] {0, 100, 0};
        }
        boolean strictlyPositive = field.endsWith("_hz") || field.endsWith("_ohm")
                || field.endsWith("_nm") && !field.endsWith("sigma_nm")
                || field.endsWith("_k") || field.endsWith("_c") || field.endsWith("_j_s")
                || field.endsWith("_m_per_s") || field.endsWith("_a_per_w") || field.equals("reference_power_w")
                || field.endsWith("_length_um") || field.equals("length_um");
        return new double[] {0, Double.MAX_VALUE, strictlyPositive ? 1 : 0};
    }

    static String rangeHint(String field) {
        if (field.endsWith("_efficiency")) {
            return "an efficiency is a fraction in (0, 1]";
        }
        if (field.endsWith("_db") && !field.equals("crosstalk_db")) {
            return "losses are given as positive dB (0.99 means 0.99 dB lost)";
        }
        if (field.equals("crosstalk_db")) {
            return "crosstalk is a negative dB figure, e.g. -41";
        }
        if (field.endsWith("_bits") || field.equals("levels")) {
            return "at least 1";
        }
        return "a physical quantity in " + unit(field) + " that cannot be negative";
    }
}
