package org.phodex.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.phodex.spec.Hints;
import org.phodex.spec.SpecException;
import org.phodex.spec.SpecNode;

/**
 * Loads workload YAML files ({@code workloads/NAME.yaml}), strictly: unknown keys, wrong types, impossible
 * shapes and missing data files are {@link SpecException}s naming file, line and key.
 *
 * <p>Two kinds, by top-level key:
 * <pre>
 * # a trained MLP with data
 * version: 1
 * name: digits-mlp                # must equal the file name
 * description: ...
 * network:
 *   layers: [64, 32, 10]          # input, hidden..., classes
 *   activation: relu              # after every hidden layer; the last layer gives logits
 *   data: {...}                   # see DataSpec
 *   training: {...}               # see TrainingConfig
 *
 * # shape only: a list of GEMMs, each a plain GEMM or a convolution lowered by im2col
 * version: 1
 * name: resnet18
 * description: ...
 * gemms:
 *   - conv: {name: conv1, in_channels: 3, out_channels: 64, kernel: 7, stride: 2, padding: 3, input_size: 224,
 *            inputs: normal}
 *   - gemm: {name: fc, rows: 1, inner: 512, outputs: 1000}
 * </pre>
 * GEMM and conv entries take {@code count} (default 1), {@code weights} (kaiming_normal, normal with
 * {@code weight_std}, or activation; default kaiming_normal) and {@code inputs} (normal, relu_normal, gelu,
 * softmax; default relu_normal).
 */
public final class Workloads {
    private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "citation", "network",
            "model", "gemms");
    private static final List<String> CNN_KEYS = List.of("kind", "image", "classes", "kernel", "channels", "padding",
            "hidden", "data", "training");
    private static final List<String> VIT_KEYS = List.of("kind", "image", "classes", "patch", "width", "heads",
            "blocks", "mlp", "data", "training");
    private static final List<String> NETWORK_KEYS = List.of("layers", "activation", "data", "training");
    private static final List<String> GEMM_KEYS = List.of("name", "rows", "inner", "outputs", "count", "weights",
            "weight_std", "inputs");
    private static final List<String> CONV_KEYS = List.of("name", "in_channels", "out_channels", "kernel",
            "stride", "padding", "input_size", "count", "weights", "weight_std", "inputs");
    private static final int MAX_DIM = 1 << 24;

    private Workloads() {
    }

    /** Loads one workload file. The trained network (if any) caches its weights in {@code .trained/} beside it. */
    public static Workload load(Path yaml) {
        SpecNode root = SpecNode.load(yaml);
        Map<String, SpecNode> top = root.entries(TOP_KEYS, List.of("version", "name", "description"));
        root.requireVersion(Set.of(1));
        SpecNode nameNode = top.get("name");
        String name = nameNode.asString();
        String stem = stem(yaml);
        if (!name.equals(stem)) {
            throw nameNode.error("name '" + name + "' differs from the file name '" + stem + ".yaml'",
                    "workloads are found by file name; rename the file or set name: " + stem);
        }
        String description = top.get("description").asString();
        String citation = top.containsKey("citation") ? top.get("citation").asString() : "";
        boolean hasNet = top.containsKey("network");
        boolean hasModel = top.containsKey("model");
        boolean hasGemms = top.containsKey("gemms");
        int kinds = (hasNet ? 1 : 0) + (hasModel ? 1 : 0) + (hasGemms ? 1 : 0);
        if (kinds != 1) {
            throw root.error(kinds > 1 ? "give one of 'network', 'model' or 'gemms', not several"
                    : "missing 'network' (a trained MLP), 'model' (a trained CNN or ViT) or 'gemms' (a shape-only "
                    + "GEMM list)", "see workloads/digits-mlp.yaml, workloads/mnist-cnn.yaml and workloads/resnet18.yaml");
        }
        Path dir = yaml.toAbsolutePath().getParent();
        List<Gemm> gemms = new ArrayList<>();
        List<Operands> ops = new ArrayList<>();
        Network net = null;
        DeepNetwork deep = null;
        if (hasModel) {
            deep = model(name, top.get("model"), dir);
            gemms.addAll(deep.shape().gemms());
            ops.addAll(deep.shape().operands());
        } else if (hasNet) {
            net = network(name, top.get("network"), dir);
            int[] sizes = net.sizes();
            for (int l = 0; l + 1 < sizes.length; l++) {
                gemms.add(new Gemm("layer" + (l + 1), 1, sizes[l], sizes[l + 1], 1));
                ops.add(new Operands(Operands.WeightDist.TRAINED, Double.NaN, Operands.InputDist.DATA));
            }
        } else {
            SpecNode list = top.get("gemms");
            List<SpecNode> items = list.items();
            if (items.isEmpty()) {
                throw list.error("the GEMM list is empty", "add '- gemm: {...}' or '- conv: {...}' entries");
            }
            Set<String> names = new HashSet<>();
            for (SpecNode item : items) {
                Map<String, SpecNode> e = item.entries(List.of("gemm", "conv"));
                if (e.size() != 1) {
                    throw item.error("each entry is either 'gemm: {...}' or 'conv: {...}'", null);
                }
                boolean conv = e.containsKey("conv");
                SpecNode body = conv ? e.get("conv") : e.get("gemm");
                Gemm g = conv ? conv(body) : gemm(body);
                if (!names.add(g.name())) {
                    throw body.get("name").error("duplicate GEMM name '" + g.name() + "'",
                            "use 'count' for repeats or give each entry its own name");
                }
                gemms.add(g);
                ops.add(operands(body));
            }
        }
        return new SpecWorkload(name, description, citation, yaml, gemms, ops, net, deep);
    }

    /** A {@code model:} section: a CNN or a ViT with its data and training recipe. */
    private static DeepNetwork model(String name, SpecNode node, Path dir) {
        String kind = node.entries().containsKey("kind") ? node.get("kind").asChoice(List.of("cnn", "vit")) : null;
        if (kind == null) {
            throw node.error("missing 'kind'", "kind: cnn (LeNet-like) or kind: vit (vision transformer)");
        }
        Map<String, SpecNode> e = node.entries(kind.equals("cnn") ? CNN_KEYS : VIT_KEYS, kind.equals("cnn")
                ? List.of("kind", "image", "classes", "kernel", "channels", "padding", "hidden", "data", "training")
                : List.of("kind", "image", "classes", "patch", "width", "heads", "blocks", "mlp", "data", "training"));
        List<SpecNode> img = e.get("image").items();
        if (img.size() != 3) {
            throw e.get("image").error("image needs [height, width, channels]", "e.g. [28, 28, 1] for MNIST");
        }
        int h = img.get(0).asInt(1, 4096, "image height");
        int w = img.get(1).asInt(1, 4096, "image width");
        int c = img.get(2).asInt(1, 4096, "image channels");
        int classes = e.get("classes").asInt(2, 65_536, "number of classes");
        ModelShape shape;
        try {
            if (kind.equals("cnn")) {
                int[] ch = ints(e.get("channels"), 1, 4096, "output channels per convolution");
                int[] pad = ints(e.get("padding"), 0, 64, "zero padding per convolution");
                if (pad.length != ch.length) {
                    throw e.get("padding").error("one padding per convolution (" + ch.length + ")", null);
                }
                int[] hidden = e.get("hidden").items().isEmpty() ? new int[0]
                        : ints(e.get("hidden"), 1, 65_536, "fully connected widths");
                shape = new ModelShape.Cnn(h, w, c, classes, e.get("kernel").asInt(1, 64, "kernel size"), ch, pad,
                        hidden);
                ((ModelShape.Cnn) shape).flat(); // every map must stay poolable
            } else {
                shape = new ModelShape.Vit(h, w, c, classes, e.get("patch").asInt(1, 4096, "patch side"),
                        e.get("width").asInt(1, 65_536, "embedding width"), e.get("heads").asInt(1, 1024, "heads"),
                        e.get("blocks").asInt(1, 1024, "encoder blocks"), e.get("mlp").asInt(1, 65_536,
                        "MLP hidden width"));
            }
        } catch (IllegalArgumentException ex) {
            throw node.error(ex.getMessage(), "check image, kernel, padding, patch and width");
        }
        DeepTraining training = DeepTraining.parse(e.get("training"));
        DataSpec data = DataSpec.parse(e.get("data"), dir, classes);
        if (data.dataset().dim() != h * w * c) {
            throw e.get("image").error("image " + h + " x " + w + " x " + c + " does not match the data's "
                    + data.dataset().dim() + " values per sample", null);
        }
        return new DeepNetwork(name, shape, training, data.dataset(), data.fingerprint(), dir.resolve(".trained"));
    }

    private static int[] ints(SpecNode n, int min, int max, String why) {
        List<SpecNode> items = n.items();
        if (items.isEmpty()) {
            throw n.error("expected a list of numbers", why);
        }
        int[] v = new int[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = items.get(i).asInt(min, max, why);
        }
        return v;
    }

    /**
     * A workload by name ({@code workloadsDir/NAME.yaml}) or by path (anything ending in .yaml/.yml or
     * containing a path separator). An unknown name is a SpecException listing the valid names.
     */
    public static Workload byNameOrPath(String nameOrPath, Path workloadsDir) {
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || nameOrPath.contains("/")
                || nameOrPath.contains(java.io.File.separator)) {
            return load(Path.of(nameOrPath));
        }
        List<String> valid = names(workloadsDir);
        if (!valid.contains(nameOrPath)) {
            throw new SpecException(workloadsDir, 0, null, "unknown workload '" + nameOrPath + "'",
                    Hints.didYouMean(nameOrPath, valid) + "; or give a path to a .yaml file");
        }
        return load(workloadsDir.resolve(nameOrPath + ".yaml"));
    }

    /** Every {@code *.yaml} in the folder, by name. */
    public static List<Workload> all(Path workloadsDir) {
        List<Workload> out = new ArrayList<>();
        for (String n : names(workloadsDir)) {
            out.add(load(workloadsDir.resolve(n + ".yaml")));
        }
        return out;
    }

    /** Names of the workloads in the folder (file names without .yaml), sorted. */
    public static List<String> names(Path workloadsDir) {
        if (!Files.isDirectory(workloadsDir)) {
            throw new SpecException(workloadsDir, 0, null, "workloads folder not found",
                    "run from the repository root, which holds workloads/");
        }
        try (Stream<Path> s = Files.list(workloadsDir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml"))
                    .map(Workloads::stem).sorted().toList();
        } catch (IOException e) {
            throw new SpecException(workloadsDir, 0, null, "cannot list folder: " + e.getMessage(), null);
        }
    }

    private static String stem(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static Network network(String name, SpecNode node, Path dir) {
        Map<String, SpecNode> e = node.entries(NETWORK_KEYS, NETWORK_KEYS);
        SpecNode layersNode = e.get("layers");
        List<SpecNode> ls = layersNode.items();
        if (ls.size() < 2) {
            throw layersNode.error("a network needs at least an input and an output size",
                    "e.g. [784, 128, 10]: inputs, hidden widths, classes");
        }
        int[] sizes = new int[ls.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = ls.get(i).asInt(1, 65_536, "a layer width");
        }
        if (sizes[sizes.length - 1] < 2) {
            throw ls.get(sizes.length - 1).error("the last width is the number of classes and must be >= 2", null);
        }
        e.get("activation").asChoice(List.of("relu"));
        TrainingConfig training = TrainingConfig.parse(e.get("training"));
        DataSpec data = DataSpec.parse(e.get("data"), dir, sizes[sizes.length - 1]);
        if (data.dataset().dim() != sizes[0]) {
            throw ls.get(0).error("input width " + sizes[0] + " does not match the data's " + data.dataset().dim()
                    + " values per sample", "set the first entry of layers to " + data.dataset().dim());
        }
        return new Network(name, sizes, data.dataset(), training, data.fingerprint(), dir.resolve(".trained"));
    }

    private static Gemm gemm(SpecNode body) {
        Map<String, SpecNode> e = body.entries(GEMM_KEYS, List.of("name", "rows", "inner", "outputs"));
        String name = e.get("name").asString();
        int rows = e.get("rows").asInt(1, Integer.MAX_VALUE, "input vectors per inference (M)");
        int inner = e.get("inner").asInt(1, MAX_DIM, "dot-product length (K)");
        int outputs = e.get("outputs").asInt(1, MAX_DIM, "outputs per input vector (N)");
        int count = e.containsKey("count") ? e.get("count").asInt(1, 1_000_000, "repeats per inference") : 1;
        return new Gemm(name, rows, inner, outputs, count);
    }

    /** A convolution lowered by im2col: M = output pixels, K = in_channels x kernel area, N = out_channels. */
    private static Gemm conv(SpecNode body) {
        Map<String, SpecNode> e = body.entries(CONV_KEYS, List.of("name", "in_channels", "out_channels", "kernel",
                "input_size"));
        String name = e.get("name").asString();
        int cin = e.get("in_channels").asInt(1, MAX_DIM, "input channels");
        int cout = e.get("out_channels").asInt(1, MAX_DIM, "output channels");
        int[] kernel = pair(e.get("kernel"), 1, 1024, "kernel size, e.g. 3 or [3, 3]");
        int[] input = pair(e.get("input_size"), 1, 1 << 16, "input height and width, e.g. 224 or [224, 224]");
        int stride = e.containsKey("stride") ? e.get("stride").asInt(1, 1024, "stride, e.g. 1 or 2") : 1;
        int pad = e.containsKey("padding") ? e.get("padding").asInt(0, 1024, "zero padding per side") : 0;
        int count = e.containsKey("count") ? e.get("count").asInt(1, 1_000_000, "repeats per inference") : 1;
        long rows = 1;
        for (int d = 0; d < 2; d++) {
            int span = input[d] + 2 * pad - kernel[d];
            if (span < 0) {
                throw e.get("kernel").error("kernel " + kernel[d] + " is larger than the padded input "
                        + (input[d] + 2 * pad), "check kernel, padding and input_size");
            }
            rows *= span / stride + 1; // output size: floor((in + 2p - k) / s) + 1
        }
        long inner = (long) cin * kernel[0] * kernel[1];
        if (inner > MAX_DIM) {
            throw body.error("im2col inner size " + inner + " is too large", null);
        }
        return new Gemm(name, rows, (int) inner, cout, count);
    }

    private static int[] pair(SpecNode n, int min, int max, String why) {
        if (n.isList()) {
            List<SpecNode> items = n.items();
            if (items.size() != 2) {
                throw n.error("expected one number or two [height, width]", why);
            }
            return new int[] {items.get(0).asInt(min, max, why), items.get(1).asInt(min, max, why)};
        }
        int v = n.asInt(min, max, why);
        return new int[] {v, v};
    }

    private static Operands operands(SpecNode body) {
        Map<String, SpecNode> e = body.entries();
        Operands.WeightDist w = Operands.WeightDist.KAIMING_NORMAL;
        if (e.containsKey("weights")) {
            List<String> choices = new ArrayList<>();
            for (Operands.WeightDist d : Operands.WeightDist.values()) {
                if (d != Operands.WeightDist.TRAINED) {
                    choices.add(d.yamlName());
                }
            }
            String v = e.get("weights").asChoice(choices);
            for (Operands.WeightDist d : Operands.WeightDist.values()) {
                if (d.yamlName().equals(v)) {
                    w = d;
                }
            }
        }
        double std = Double.NaN;
        if (w == Operands.WeightDist.NORMAL) {
            if (!e.containsKey("weight_std")) {
                throw body.error("weights: normal needs 'weight_std'", "e.g. weight_std: 0.02 (BERT, GPT-2 init)");
            }
            std = e.get("weight_std").asDouble(1e-12, 1e6, "standard deviation of the weights, > 0");
        } else if (e.containsKey("weight_std")) {
            SpecNode s = e.get("weight_std");
            throw new SpecException(s.file(), s.keyLine(), s.path(), "weight_std applies to 'weights: normal' only",
                    "kaiming_normal uses sqrt(2/K); activation uses 1");
        }
        Operands.InputDist in = Operands.InputDist.RELU_NORMAL;
        if (e.containsKey("inputs")) {
            List<String> choices = new ArrayList<>();
            for (Operands.InputDist d : Operands.InputDist.values()) {
                if (d != Operands.InputDist.DATA) {
                    choices.add(d.yamlName());
                }
            }
            String v = e.get("inputs").asChoice(choices);
            for (Operands.InputDist d : Operands.InputDist.values()) {
                if (d.yamlName().equals(v)) {
                    in = d;
                }
            }
        }
        return new Operands(w, std, in);
    }
}
