package org.phodex.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One node of a YAML spec file, with its file, line and dotted key path, and strict typed accessors.
 * Every accessor that finds something wrong throws {@link SpecException} naming file, line and key.
 */
public final class SpecNode {
    private final String file;
    private final Node node;
    private final String path;
    private final int parentLine;

    private SpecNode(String file, Node node, String path, int parentLine) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.parentLine = parentLine;
    }

    /** Parses a YAML file; missing, empty, tab-indented or malformed files are spec errors. */
    public static SpecNode load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file, 0, null, "file not found", "check the path or the name given to 'phodex list'");
        } catch (IOException e) {
            throw new SpecException(file, 0, null, "cannot read file: " + e.getMessage(), null);
        }
        return parse(SpecException.display(file), text);
    }

    /** Parses YAML text; {@code fileName} is used in messages. */
    public static SpecNode parse(String fileName, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int j = 0;
            while (j < l.length() && (l.charAt(j) == ' ' || l.charAt(j) == '\t')) {
                if (l.charAt(j) == '\t') {
                    throw new SpecException(fileName, i + 1, null, "tab character in indentation",
                            "YAML indents with spaces only; replace tabs by spaces");
                }
                j++;
            }
        }
        LoadSettings settings = LoadSettings.builder().setLabel(fileName).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1)
                    .orElse(e.getContextMark().map(m -> m.getLine() + 1).orElse(0));
            throw new SpecException(fileName, line, null, "malformed YAML: " + e.getProblem(),
                    "check indentation, colons and brackets near this line");
        } catch (YamlEngineException e) {
            throw new SpecException(fileName, 0, null, "malformed YAML: " + e.getMessage(), null);
        }
        if (root.isEmpty()) {
            throw new SpecException(fileName, 1, null, "file is empty", "a spec starts with 'version: 1'");
        }
        SpecNode n = new SpecNode(fileName, root.get(), "", 1);
        if (!(root.get() instanceof MappingNode)) {
            throw n.error("the top level must be a mapping of keys to values", "a spec starts with 'version: 1'");
        }
        return n;
    }

    public String file() {
        return file;
    }

    /** 1-based line where this node starts. */
    public int line() {
        Optional<Mark> m = node.getStartMark();
        return m.map(mark -> mark.getLine() + 1).orElse(parentLine);
    }

    /** Dotted key path from the file's root, e.g. {@code search_space.adc_bits.max}. */
    public String path() {
        return path;
    }

    public SpecException error(String problem, String hint) {
        return new SpecException(file, line(), path, problem, hint);
    }

    /** An error reported at the line of the key that introduced this node (for what is missing inside it). */
    public SpecException errorAtKey(String problem, String hint) {
        return new SpecException(file, keyLine(), path, problem, hint);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
                && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
    }

    // ---- mappings ----

    /** The entries of a mapping in file order; duplicate keys are errors. */
    public Map<String, SpecNode> entries() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value lines), found " + kind(), null);
        }
        Map<String, SpecNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new SpecNode(file, t.getKeyNode(), path, line()).error("keys must be plain names", null);
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            int keyLine = k.getStartMark().map(mk -> mk.getLine() + 1).orElse(line());
            if (out.containsKey(key)) {
                throw new SpecException(file, keyLine, childPath, "duplicate key", "each key may appear once");
            }
            out.put(key, new SpecNode(file, t.getValueNode(), childPath, keyLine));
        }
        return out;
    }

    /** Entries, after checking that every key is one of {@code allowed} (typos get a "did you mean"). */
    public Map<String, SpecNode> entries(Collection<String> allowed) {
        Map<String, SpecNode> e = entries();
        for (Map.Entry<String, SpecNode> kv : e.entrySet()) {
            if (!allowed.contains(kv.getKey())) {
                throw new SpecException(file, kv.getValue().keyLine(), kv.getValue().path,
                        "unknown key", Hints.didYouMean(kv.getKey(), new TreeSet<>(allowed)));
            }
        }
        return e;
    }

    /** Line of the key that introduced this node (the value may start later, e.g. a nested mapping). */
    public int keyLine() {
        return parentLine;
    }

    /** Checks keys against {@code allowed} and that every one of {@code required} is present. */
    public Map<String, SpecNode> entries(Collection<String> allowed, Collection<String> required) {
        Map<String, SpecNode> e = entries(allowed);
        for (String r : required) {
            if (!e.containsKey(r)) {
                throw errorAtKey("missing required key '" + r + "'", "add '" + r + ": ...' here");
            }
        }
        return e;
    }

    public SpecNode get(String key) {
        SpecNode n = entries().get(key);
        if (n == null) {
            throw errorAtKey("missing required key '" + key + "'", "add '" + key + ": ...' here");
        }
        return n;
    }

    public Optional<SpecNode> find(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    // ---- sequences ----

    public List<SpecNode> items() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list, found " + kind(), "write a list as [a, b] or with '- ' lines");
        }
        List<SpecNode> out = new ArrayList<>();
        List<Node> v = s.getValue();
        for (int i = 0; i < v.size(); i++) {
            Node c = v.get(i);
            out.add(new SpecNode(file, c, path + "[" + i + "]", line()));
        }
        return Collections.unmodifiableList(out);
    }

    // ---- scalars ----

    public String asString() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error("expected a text value, found " + kind(), null);
        }
        return s.getValue();
    }

    /** A string that must be one of {@code choices}. */
    public String asChoice(Collection<String> choices) {
        String v = asString();
        if (!choices.contains(v)) {
            throw error("'" + v + "' is not a valid value", Hints.didYouMean(v, new TreeSet<>(choices)));
        }
        return v;
    }

    public double asDouble() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error("expected a number, found " + kind(), null);
        }
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            throw error("expected a number, found quoted text \"" + s.getValue() + "\"", "remove the quotes");
        }
        String v = s.getValue().trim();
        try {
            double d = Double.parseDouble(v.replace("_", ""));
            if (!Double.isFinite(d)) {
                throw error("value must be a finite number, found " + v, null);
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + v + "'", "numbers are written like 0.99, 14.8e-3 or 8");
        }
    }

    /** A number within [min, max] (inclusive); {@code why} explains the range in the hint. */
    public double asDouble(double min, double max, String why) {
        double d = asDouble();
        if (d < min || d > max) {
            throw error("value " + fmt(d) + " is out of range [" + fmt(min) + ", " + fmt(max) + "]", why);
        }
        return d;
    }

    public int asInt() {
        double d = asDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw error("expected a whole number, found " + fmt(d), null);
        }
        return (int) d;
    }

    public int asInt(int min, int max, String why) {
        int i = asInt();
        if (i < min || i > max) {
            throw error("value " + i + " is out of range [" + min + ", " + max + "]", why);
        }
        return i;
    }

    public boolean asBoolean() {
        String v = asString();
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw error("expected true or false, found '" + v + "'", null);
    }

    /** The raw scalar text (numbers and strings alike), for values whose type depends on context. */
    public String scalarText() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, found " + kind(), null);
        }
        return s.getValue();
    }

    /** True for an unquoted scalar that reads as a number. */
    public boolean isNumber() {
        if (!(node instanceof ScalarNode s) || s.getScalarStyle() != ScalarStyle.PLAIN) {
            return false;
        }
        try {
            Double.parseDouble(s.getValue().trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing (empty value)";
        }
        ScalarNode s = (ScalarNode) node;
        return "'" + s.getValue() + "'";
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** Checks that the file's {@code version} key is present and supported. */
    public void requireVersion(Set<Integer> supported) {
        SpecNode v = get("version");
        int ver = v.asInt();
        if (!supported.contains(ver)) {
            throw v.error("unsupported spec version " + ver, "supported: " + supported);
        }
    }
}
