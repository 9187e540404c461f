package org.phodex.photonics;

public record DetectorParams(double responsivityAPerW, double darkCurrentA, double bandwidthHz, double tiaFeedbackOhm,
                             double temperatureK) {
}
