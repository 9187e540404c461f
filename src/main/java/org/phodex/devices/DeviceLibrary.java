package org.phodex.devices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.phodex.spec.Hints;
import org.phodex.spec.SpecException;
import org.phodex.spec.SpecNode;

/**
 * The device library: every device number the model uses, with unit and source, read from
 * {@code architectures/devices/*.yaml}. Immutable; {@link #with} returns a copy with one number changed.
 */
public final class DeviceLibrary {
    public static final String PATH_PREFIX = "devices.";

    private final Map<String, Device> devices;

    private DeviceLibrary(Map<String, Device> devices) {
        this.devices = Collections.unmodifiableMap(devices);
    }

    /** Loads every {@code *.yaml} in {@code dir} (sorted by name); an entry may be defined once only. */
    public static DeviceLibrary load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SpecException(dir, 0, null, "device library folder not found",
                    "phodex expects architectures/devices/*.yaml in the repository");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new SpecException(dir, 0, null, "cannot list device library: " + e.getMessage(), null);
        }
        if (files.isEmpty()) {
            throw new SpecException(dir, 0, null, "no device files (*.yaml) found", null);
        }
        Map<String, Device> all = new LinkedHashMap<>();
        Map<String, String> definedIn = new LinkedHashMap<>();
        for (Path f : files) {
            for (Map.Entry<String, Device> e : loadFile(f).entrySet()) {
                String prev = definedIn.put(e.getKey(), SpecException.display(f));
                if (prev != null) {
                    throw new SpecException(f, 0, "devices." + e.getKey(), "device defined twice (also in " + prev
                            + ")", "rename one of them");
                }
                all.put(e.getKey(), e.getValue());
            }
        }
        return new DeviceLibrary(all);
    }

    /** Parses one device file. */
    static Map<String, Device> loadFile(Path f) {
        SpecNode root = SpecNode.load(f);
        Map<String, SpecNode> top = root.entries(List.of("version", "devices"), List.of("version", "devices"));
        root.requireVersion(Set.of(1));
        Map<String, Device> out = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> e : top.get("devices").entries().entrySet()) {
            out.put(e.getKey(), device(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Device device(String name, SpecNode n) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw n.error("device names are lower_snake_case", "e.g. thermo_optic");
        }
        SpecNode kindNode = n.get("kind");
        String kind = kindNode.asChoice(DeviceSchema.kinds());
        List<String> required = DeviceSchema.REQUIRED.get(kind);
        Set<String> allowed = new LinkedHashSet<>(List.of("kind", "description"));
        allowed.addAll(required);
        allowed.addAll(DeviceSchema.OPTIONAL.get(kind));
        Map<String, SpecNode> e = n.entries(allowed, required);
        String description = e.containsKey("description") ? e.get("description").asString() : "";
        Map<String, Quantity> fields = new LinkedHashMap<>();
        for (Map.Entry<String, SpecNode> kv : e.entrySet()) {
            String field = kv.getKey();
            if (field.equals("kind") || field.equals("description")) {
                continue;
            }
            fields.put(field, quantity(name, field, kv.getValue()));
        }
        return new Device(name, kind, description, fields);
    }

    private static Quantity quantity(String device, String field, SpecNode n) {
        Map<String, SpecNode> q = n.entries(List.of("value", "source"), List.of("value", "source"));
        double v = q.get("value").asDouble();
        checkRange(field, v, msg -> q.get("value").error(msg, DeviceSchema.rangeHint(field)));
        String source = q.get("source").asString().trim();
        if (source.isEmpty()) {
            throw q.get("source").error("every device number needs a source", "cite a paper, datasheet or "
                    + "say 'model assumption: ...'");
        }
        return new Quantity(PATH_PREFIX + device + "." + field, v, DeviceSchema.unit(field), source,
                n.file() + ":" + n.line());
    }

    private static void checkRange(String field, double v, java.util.function.Function<String, RuntimeException> err) {
        double[] r = DeviceSchema.range(field);
        boolean exclusive = r[2] != 0;
        if (!(v >= r[0] && v <= r[1]) || (exclusive && v == r[0])) { // NaN is not physical either
            throw err.apply("value " + v + " is not physical for " + field);
        }
        if ((field.endsWith("_bits") || field.equals("levels")) && v != Math.rint(v)) {
            throw err.apply(field + " must be a whole number, found " + v);
        }
    }

    public Device device(String name) {
        Device d = devices.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no device '" + name + "' in the library; "
                    + Hints.didYouMean(name, devices.keySet()));
        }
        return d;
    }

    public boolean has(String name) {
        return devices.containsKey(name);
    }

    public double value(String device, String field) {
        return device(device).value(field);
    }

    public Quantity quantity(String device, String field) {
        return device(device).quantity(field);
    }

    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    public List<Device> ofKind(String kind) {
        List<Device> out = new ArrayList<>();
        for (Device d : devices.values()) {
            if (d.kind().equals(kind)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Every {@code --set} path of the library. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Device d : devices.values()) {
            for (Quantity q : d.fields().values()) {
                out.add(q.path());
            }
        }
        return out;
    }

    /** Error message when {@code name} is not a phase-shifter entry, null when it is. */
    public String checkPhaseShifter(String name) {
        Device d = devices.get(name);
        if (d == null) {
            List<String> ps = ofKind("phase_shifter").stream().map(Device::name).toList();
            return "phase shifter '" + name + "' is not in the device library; " + Hints.didYouMean(name, ps);
        }
        if (!d.kind().equals("phase_shifter")) {
            return "device '" + name + "' is a " + d.kind() + ", not a phase_shifter";
        }
        return null;
    }

    /**
     * A copy with the number at {@code path} (e.g. {@code devices.mzi.insertion_loss_db}) replaced, range
     * checked. IllegalArgumentException with a hint for unknown paths or unphysical values.
     */
    public DeviceLibrary with(String path, double value) {
        if (!path.startsWith(PATH_PREFIX)) {
            throw new IllegalArgumentException("device paths start with 'devices.'");
        }
        String rest = path.substring(PATH_PREFIX.length());
        int dot = rest.indexOf('.');
        String dev = dot < 0 ? rest : rest.substring(0, dot);
        String field = dot < 0 ? "" : rest.substring(dot + 1);
        Device d = devices.get(dev);
        if (d == null || !d.has(field)) {
            throw new IllegalArgumentException("unknown device path '" + path + "'; "
                    + Hints.didYouMean(path, paths()).replaceFirst("valid: .*", "see 'phodex list devices'"));
        }
        checkRange(field, value, IllegalArgumentException::new);
        Map<String, Quantity> fields = new LinkedHashMap<>(d.fields());
        Quantity old = d.quantity(field);
        fields.put(field, new Quantity(old.path(), value, old.unit(), "set on the command line (library value "
                + old.value() + ": " + old.source() + ")", "--set"));
        Map<String, Device> copy = new LinkedHashMap<>(devices);
        copy.put(dev, new Device(d.name(), d.kind(), d.description(), fields));
        return new DeviceLibrary(copy);
    }
}
