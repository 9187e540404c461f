package org.phodex.cost;

import java.nio.file.Path;
import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.workload.Gemm;

/** The shipped specs and a small workload, for cost-model tests. */
final class TestDesigns {
    static final DeviceLibrary LIB = DeviceLibrary.load(Path.of("architectures/devices"));
    static final List<Gemm> MNIST_MLP = List.of(new Gemm("fc1", 1, 784, 128, 1), new Gemm("fc2", 1, 128, 10, 1));

    private TestDesigns() {
    }

    static Design defaults(String arch) {
        return ArchitectureSpec.load(Path.of("architectures/" + arch + ".yaml"),
                org.phodex.evaluation.Catalog.vocabulary(LIB)).defaults();
    }
}
