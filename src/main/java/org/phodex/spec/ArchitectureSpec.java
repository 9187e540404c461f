package org.phodex.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An architecture spec ({@code architectures/NAME.yaml}): a family, fixed parameters, a search space and
 * constraints.
 */
public record ArchitectureSpec(String name, String family, String description, String citation, Path file,
                               Design defaults, Map<String, SearchRange> searchSpace, Constraints constraints) {

    /** The same architecture with {@code param} no longer searched (its default applies). */
    public ArchitectureSpec withoutSearched(String param) {
        Map<String, SearchRange> space = new LinkedHashMap<>(searchSpace);
        space.remove(param);
        return new ArchitectureSpec(name, family, description, citation, file, defaults, space, constraints);
    }

    /**
     * The same architecture searching only the choices of {@code param} in {@code keep}; not searched at all (its
     * default applies) when fewer than two remain. Unchanged when {@code param} is not a searched choice.
     */
    public ArchitectureSpec withSearchedChoices(String param, Set<?> keep) {
        SearchRange r = searchSpace.get(param);
        if (r == null || !r.isChoice()) {
            return this;
        }
        List<Object> left = r.choices().stream().filter(keep::contains).toList();
        if (left.size() < 2) {
            return withoutSearched(param);
        }
        Map<String, SearchRange> space = new LinkedHashMap<>(searchSpace);
        space.put(param, new SearchRange(r.param(), r.min(), r.max(), r.step(), left));
        return new ArchitectureSpec(name, family, description, citation, file, defaults, space, constraints);
    }

    private static final Set<String> TOP_KEYS = Set.of("version", "name", "family", "description", "citation",
            "parameters", "search_space", "constraints");

    public ArchitectureSpec {
        searchSpace = Collections.unmodifiableMap(new LinkedHashMap<>(searchSpace));
    }

    /** Limits a design must meet to count (a search drops designs that break them). NaN = no limit. */
    public record Constraints(double maxAreaMm2, double maxPowerW, double minAccuracy, double maxLatencyS) {
        public static final Constraints NONE = new Constraints(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * What a spec's names are checked against, supplied by the layers that own them.
     *
     * @param deviceCheck    maps a parameter value that names a device (the phase shifter) to an error message,
     *                       or null when the device exists
     * @param familyLayouts  the family registry: family name -> the layout name of its tiles
     * @param familyRequired family name -> the parameters its specs must fix, when they differ from
     *                       {@link #requiredParams()} (a digital family has no laser or converters)
     */
    public record Vocabulary(Function<String, String> deviceCheck, Map<String, String> familyLayouts,
                             Map<String, List<String>> familyRequired) {
        public Vocabulary {
            familyLayouts = Collections.unmodifiableMap(new LinkedHashMap<>(familyLayouts));
            familyRequired = Map.copyOf(familyRequired);
        }

        /** Every family fixes {@link #requiredParams()}. */
        public Vocabulary(Function<String, String> deviceCheck, Map<String, String> familyLayouts) {
            this(deviceCheck, familyLayouts, Map.of());
        }

        /** The parameters a spec of {@code family} must fix. */
        public List<String> required(String family) {
            return familyRequired.getOrDefault(family, requiredParams());
        }

        /** Null when {@code layout} is one of the families' layout names, else the message. */
        public String layoutProblem(String layout) {
            List<String> layouts = List.copyOf(new java.util.LinkedHashSet<>(familyLayouts.values()));
            return layouts.contains(layout) ? null
                    : "'" + layout + "' is not a valid " + Params.LAYOUT + "; " + Hints.didYouMean(layout, layouts);
        }
    }

    /** Loads and checks a spec against the device library and the family registry. */
    public static ArchitectureSpec load(Path file, Vocabulary vocabulary) {
        SpecNode root = SpecNode.load(file);
        Map<String, SpecNode> top = root.entries(TOP_KEYS, List.of("version", "name", "family", "parameters"));
        root.requireVersion(Set.of(1));
        String name = top.get("name").asString();
        String family = top.get("family").asChoice(List.copyOf(vocabulary.familyLayouts().keySet()));
        String description = top.containsKey("description") ? top.get("description").asString() : "";
        String citation = top.containsKey("citation") ? top.get("citation").asString() : "";

        SpecNode paramsNode = top.get("parameters");
        TreeMap<String, Object> params = new TreeMap<>();
        for (Map.Entry<String, SpecNode> e : paramsNode.entries(Params.all().keySet()).entrySet()) {
            params.put(e.getKey(), value(Params.get(e.getKey()), e.getValue(), vocabulary));
        }
        List<String> requiredHere = vocabulary.required(family);
        for (String required : requiredHere) {
            if (!params.containsKey(required)) {
                throw paramsNode.errorAtKey("missing required parameter '" + required + "'",
                        "every " + family + " architecture fixes a default for " + String.join(", ", requiredHere));
            }
        }
        Design defaults = new Design(name, params);

        Map<String, SearchRange> space = new LinkedHashMap<>();
        if (top.containsKey("search_space") && !top.get("search_space").isNull()) {
            for (Map.Entry<String, SpecNode> e : top.get("search_space").entries(Params.all().keySet()).entrySet()) {
                space.put(e.getKey(), range(Params.get(e.getKey()), e.getValue(), vocabulary));
            }
        }

        Constraints constraints = Constraints.NONE;
        if (top.containsKey("constraints") && !top.get("constraints").isNull()) {
            Map<String, SpecNode> c = top.get("constraints").entries(
                    List.of("max_area_mm2", "max_power_w", "min_accuracy", "max_latency_s"));
            constraints = new Constraints(
                    c.containsKey("max_area_mm2") ? c.get("max_area_mm2").asDouble(0, 1e6, "area in mm^2, > 0") : Double.NaN,
                    c.containsKey("max_power_w") ? c.get("max_power_w").asDouble(0, 1e6, "power in W, > 0") : Double.NaN,
                    c.containsKey("min_accuracy") ? c.get("min_accuracy").asDouble(0, 1, "a fraction 0..1") : Double.NaN,
                    c.containsKey("max_latency_s") ? c.get("max_latency_s").asDouble(0, 1e6, "seconds, > 0") : Double.NaN);
        }
        return new ArchitectureSpec(name, family, description, citation, file, defaults, space, constraints);
    }

    /** Parameters every architecture must fix. */
    public static List<String> requiredParams() {
        return List.of(Params.LAYOUT, Params.MESH_SIZE, Params.CORES, Params.WAVELENGTHS, Params.DAC_BITS,
                Params.ADC_BITS, Params.WEIGHT_BITS, Params.MODULATION_GHZ, Params.LASER_MARGIN_DB);
    }

    private static Object value(Param p, SpecNode n, Vocabulary vocabulary) {
        Object v;
        switch (p.kind()) {
            case INT -> v = n.asInt();
            case DOUBLE -> v = n.asDouble();
            default -> v = n.asString();
        }
        try {
            p.check(v);
        } catch (IllegalArgumentException ex) {
            throw n.error(ex.getMessage(), p.description());
        }
        if (p.name().equals(Params.PHASE_SHIFTER)) {
            String problem = vocabulary.deviceCheck().apply((String) v);
            if (problem != null) {
                throw n.error(problem, "phase shifters are listed by 'phodex list devices'");
            }
        }
        if (p.name().equals(Params.LAYOUT)) {
            String problem = vocabulary.layoutProblem((String) v);
            if (problem != null) {
                throw n.error(problem, p.description());
            }
        }
        return v;
    }

    private static SearchRange range(Param p, SpecNode n, Vocabulary vocabulary) {
        Map<String, SpecNode> e = n.entries(List.of("min", "max", "step", "choices"));
        if (e.containsKey("choices")) {
            if (e.size() > 1) {
                throw n.error("give either 'choices' or 'min'/'max', not both", null);
            }
            List<Object> cs = new ArrayList<>();
            for (SpecNode c : e.get("choices").items()) {
                Object v = value(p, c, vocabulary);
                if (cs.contains(v)) {
                    throw c.error("duplicate choice " + v, null);
                }
                cs.add(v);
            }
            if (cs.isEmpty()) {
                throw e.get("choices").error("choices must not be empty", null);
            }
            return new SearchRange(p, 0, 0, 0, cs);
        }
        if (p.kind() == Param.Kind.CHOICE) {
            throw n.error(p.name() + " takes 'choices: [...]', not a range", null);
        }
        if (!e.containsKey("min") || !e.containsKey("max")) {
            throw n.error("a range needs 'min' and 'max' (or give 'choices')", "e.g. {min: 2, max: 8}");
        }
        double min = ((Number) value(p, e.get("min"), vocabulary)).doubleValue();
        double max = ((Number) value(p, e.get("max"), vocabulary)).doubleValue();
        if (max < min) {
            throw e.get("max").error("max " + SpecNode.fmt(max) + " is below min " + SpecNode.fmt(min), null);
        }
        double step = 0;
        if (e.containsKey("step")) {
            step = e.get("step").asDouble(Double.MIN_VALUE, max - min > 0 ? max - min : Double.MAX_VALUE,
                    "a positive step no larger than max - min");
            if (p.kind() == Param.Kind.INT && step != Math.rint(step)) {
                throw e.get("step").error("an integer parameter needs a whole-number step", null);
            }
        }
        return new SearchRange(p, min, max, step, List.of());
    }
}
