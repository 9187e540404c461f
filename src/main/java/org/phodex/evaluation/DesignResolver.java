package org.phodex.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.phodex.devices.DeviceLibrary;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Param;
import org.phodex.spec.Params;

/** Applies {@code NAME=VALUE} settings (parameters or device fields) to a spec's defaults. */
public final class DesignResolver {

    /** A resolved design and the device library it runs with. */
    public record Resolved(Design design, DeviceLibrary devices) {
    }

    private DesignResolver() {
    }

    /**
     * @param settings {@code name=value}; names are parameters (see {@link Params}) or device paths
     *                 ({@code devices.ENTRY.FIELD}); IllegalArgumentException with a hint for anything wrong
     */
    public static Resolved resolve(ArchitectureSpec spec, DeviceLibrary lib, List<String> settings) {
        Design d = spec.defaults();
        DeviceLibrary devices = lib;
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new IllegalArgumentException("--set takes NAME=VALUE, got '" + s + "'");
            }
            String name = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            if (name.startsWith(DeviceLibrary.PATH_PREFIX)) {
                double v;
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a number, got '" + value + "'");
                }
                devices = devices.with(name, v);
            } else {
                Param p = Params.get(name);
                checkUsed(spec, name);
                Object v = p.parse(value);
                String problem = p.name().equals(Params.PHASE_SHIFTER) ? devices.checkPhaseShifter((String) v)
                        : p.name().equals(Params.LAYOUT) ? Catalog.layoutProblem((String) v)
                        : null;
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                d = d.with(name, v);
            }
        }
        return new Resolved(d, devices);
    }

    /**
     * A parameter the architecture does not list among its parameters has no effect on it (ring_q on an MZI
     * mesh): IllegalArgumentException naming the parameters it has, rather than a result that silently ignores
     * the setting.
     */
    public static void checkUsed(ArchitectureSpec spec, String name) {
        // training concerns the network on the hardware: every architecture takes it (post-mapping by default)
        if (!name.startsWith(DeviceLibrary.PATH_PREFIX) && !spec.defaults().has(name) && !name.equals(Params.TRAINING)) {
            throw new IllegalArgumentException(spec.name() + " (family " + spec.family() + ") does not use "
                    + name + "; its parameters: " + String.join(", ", new java.util.TreeSet<>(
                    spec.defaults().params().keySet())));
        }
    }

    /** All names --set accepts: parameters, then device paths. */
    public static List<String> settableNames(DeviceLibrary lib) {
        List<String> names = new ArrayList<>(Params.all().keySet());
        names.addAll(lib.paths());
        return names;
    }
}
