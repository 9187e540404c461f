package org.phodex.evaluation;

import java.nio.file.Path;
import org.phodex.arch.Families;
import org.phodex.cost.DigitalBaseline;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Repo;
import org.phodex.workload.Workload;
import org.phodex.workload.Workloads;

/** What a command loads from the repository: device library, architecture specs, workloads, the baseline. */
public final class Catalog {
    private final Repo repo;
    private final DeviceLibrary devices;

    public Catalog(Repo repo) {
        this.repo = repo;
        this.devices = DeviceLibrary.load(repo.devices());
    }

    public static Catalog locate() {
        return new Catalog(Repo.locate());
    }

    public Repo repo() {
        return repo;
    }

    public DeviceLibrary devices() {
        return devices;
    }

    /** An architecture by name (architectures/NAME.yaml) or path. */
    public ArchitectureSpec architecture(String nameOrPath) {
        Path f = repo.architectureFile(nameOrPath);
        return ArchitectureSpec.load(f, vocabulary(devices));
    }

    /** The names a spec is checked against: the device library's phase shifters and the family registry. */
    public static ArchitectureSpec.Vocabulary vocabulary(DeviceLibrary devices) {
        return new ArchitectureSpec.Vocabulary(devices::checkPhaseShifter, Families.layouts(),
                Families.requiredParameters());
    }

    /** Null when {@code layout} is a registered family's layout name, else the message (with a hint). */
    public static String layoutProblem(String layout) {
        return new ArchitectureSpec.Vocabulary(device -> null, Families.layouts()).layoutProblem(layout);
    }

    /** A workload by name (workloads/NAME.yaml) or path. */
    public Workload workload(String nameOrPath) {
        return Workloads.byNameOrPath(nameOrPath, repo.workloads());
    }

    public DigitalBaseline baseline() {
        return DigitalBaseline.load(repo.workloads().resolve("baseline"));
    }
}
