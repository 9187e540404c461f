package org.phodex.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** im2col lowering against a brute-force count of the kernel's positions. */
class ConvLoweringProperties {

    @Property(tries = 150, seed = "20261123")
    void rowsAreTheKernelPositions(@ForAll @IntRange(min = 1, max = 40) int height,
                                   @ForAll @IntRange(min = 1, max = 40) int width,
                                   @ForAll @IntRange(min = 1, max = 7) int kernel,
                                   @ForAll @IntRange(min = 1, max = 4) int stride,
                                   @ForAll @IntRange(min = 0, max = 3) int padding,
                                   @ForAll @IntRange(min = 1, max = 9) int channels) throws IOException {
        if (kernel > Math.min(height, width) + 2 * padding) {
            return; // impossible shape: covered by WorkloadsLoadTest
        }
        long positions = 0;
        for (int top = -padding; top + kernel <= height + padding; top += stride) {
            for (int left = -padding; left + kernel <= width + padding; left += stride) {
                positions++;
            }
        }
        Path dir = Files.createTempDirectory("conv");
        Path yaml = dir.resolve("c.yaml");
        Files.writeString(yaml, "version: 1\nname: c\ndescription: d\ngemms:\n  - conv: {name: x, in_channels: "
                + channels + ", out_channels: 5, kernel: " + kernel + ", stride: " + stride + ", padding: "
                + padding + ", input_size: [" + height + ", " + width + "]}\n");
        try {
            Gemm g = Workloads.load(yaml).gemms().get(0);
            assertEquals(positions, g.rows());
            assertEquals(channels * kernel * kernel, g.inner());
            assertEquals(5, g.outputs());
        } finally {
            Files.delete(yaml);
            Files.delete(dir);
        }
    }
}
