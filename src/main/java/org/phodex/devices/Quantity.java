package org.phodex.devices;

/**
 * One device number with its unit and where it comes from.
 *
 * @param path   the dotted path that {@code --set} uses, e.g. {@code devices.mzi.insertion_loss_db}
 * @param file   spec file and line it was read from ("file:line"), or "--set" for an override
 */
public record Quantity(String path, double value, String unit, String source, String file) {
}
