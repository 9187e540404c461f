package org.phodex.workload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.phodex.spec.SpecNode;

/**
 * The {@code network.data} section of a workload: which files, which split, how inputs are scaled.
 *
 * <pre>
 * data:
 *   format: idx                 # idx (MNIST-style images + labels) or csv (features..., label per row)
 *   images: data/mnist-10k-images-idx3-ubyte.gz
 *   labels: data/mnist-10k-labels-idx1-ubyte.gz
 *   train: 8000                 # the first 8000 samples in file order train
 *   test: 2000                  # the last 2000 samples in file order test
 *   input_range: [0, 255]       # raw value range, mapped linearly onto [0, 1]
 * </pre>
 * Files are relative to the YAML file's folder and may be gzip-compressed ({@code .gz}).
 */
final class DataSpec {
    static final List<String> FORMATS = List.of("idx", "csv");
    static final List<String> SPLITS = List.of("ordered", "stratified");

    private final Dataset dataset;
    private final String fingerprint;

    private DataSpec(Dataset dataset, String fingerprint) {
        this.dataset = dataset;
        this.fingerprint = fingerprint;
    }

    Dataset dataset() {
        return dataset;
    }

    /** Everything about the data that changes training: file hashes, split, scaling. */
    String fingerprint() {
        return fingerprint;
    }

    /** Parses the section and loads the files; every problem is a SpecException on the offending key. */
    static DataSpec parse(SpecNode node, Path baseDir, int classes) {
        Map<String, SpecNode> e = node.entries(List.of("format", "images", "labels", "file", "train", "test",
                "split", "split_seed", "input_range"), List.of("format", "train", "test", "input_range"));
        String split = e.containsKey("split") ? e.get("split").asChoice(SPLITS) : "ordered";
        long splitSeed = 0;
        if (split.equals("stratified")) {
            if (!e.containsKey("split_seed")) {
                throw node.error("split: stratified needs 'split_seed'", "e.g. split_seed: 1");
            }
            splitSeed = e.get("split_seed").asInt();
        } else if (e.containsKey("split_seed")) {
            forbid(e, "split_seed", "split_seed applies to 'split: stratified' only");
        }
        String format = e.get("format").asChoice(FORMATS);
        int train = e.get("train").asInt(1, Integer.MAX_VALUE, "number of samples, from the start of the file, "
                + "that train");
        int test = e.get("test").asInt(1, Integer.MAX_VALUE, "number of samples, from the end of the file, "
                + "that test");
        SpecNode rangeNode = e.get("input_range");
        List<SpecNode> r = rangeNode.items();
        if (r.size() != 2) {
            throw rangeNode.error("input_range needs two numbers [min, max]", "e.g. [0, 255] for 8-bit pixels");
        }
        double inMin = r.get(0).asDouble();
        double inMax = r.get(1).asDouble();
        if (!(inMax > inMin)) {
            throw rangeNode.error("max must exceed min", "e.g. [0, 255] for 8-bit pixels");
        }

        double[] x;
        int[] y;
        int dim;
        StringBuilder fp = new StringBuilder("format=").append(format);
        if (format.equals("idx")) {
            forbid(e, "file", "format idx reads 'images' and 'labels'");
            SpecNode imagesNode = require(node, e, "images", "an IDX image file, e.g. data/images-idx3-ubyte.gz");
            SpecNode labelsNode = require(node, e, "labels", "an IDX label file, e.g. data/labels-idx1-ubyte.gz");
            byte[] imgRaw = readFile(imagesNode, baseDir);
            byte[] lblRaw = readFile(labelsNode, baseDir);
            fp.append(";images=").append(sha256(imgRaw)).append(";labels=").append(sha256(lblRaw));
            byte[] img = maybeGunzip(imagesNode, imgRaw);
            byte[] lbl = maybeGunzip(labelsNode, lblRaw);
            if (img.length < 16 || readInt(img, 0) != 2051) {
                throw imagesNode.error("not an IDX image file (magic 2051 expected)", "MNIST-style idx3-ubyte");
            }
            if (lbl.length < 8 || readInt(lbl, 0) != 2049) {
                throw labelsNode.error("not an IDX label file (magic 2049 expected)", "MNIST-style idx1-ubyte");
            }
            int n = readInt(img, 4);
            int rows = readInt(img, 8);
            int cols = readInt(img, 12);
            if (n < 1 || rows < 1 || cols < 1 || img.length != 16L + (long) n * rows * cols) {
                throw imagesNode.error("IDX image file is truncated or inconsistent: header says " + n + " x "
                        + rows + " x " + cols + ", file has " + (img.length - 16) + " bytes of pixels", null);
            }
            int nl = readInt(lbl, 4);
            if (nl != n || lbl.length != 8 + nl) {
                throw labelsNode.error("label file holds " + nl + " labels (" + (lbl.length - 8)
                        + " bytes) for " + n + " images", "images and labels must match one to one");
            }
            dim = rows * cols;
            x = new double[n * dim];
            for (int i = 0; i < x.length; i++) {
                x[i] = img[16 + i] & 0xff;
            }
            y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = lbl[8 + i] & 0xff;
            }
        } else {
            forbid(e, "images", "format csv reads one 'file'");
            forbid(e, "labels", "format csv reads one 'file' whose last column is the label");
            SpecNode fileNode = require(node, e, "file", "a CSV file, one sample per row, label last");
            byte[] raw = readFile(fileNode, baseDir);
            fp.append(";file=").append(sha256(raw));
            String text = new String(maybeGunzip(fileNode, raw), StandardCharsets.UTF_8);
            String[] lines = text.split("\r?\n");
            int n = 0;
            int cols = -1;
            for (String l : lines) {
                if (!l.isBlank()) {
                    n++;
                }
            }
            if (n == 0) {
                throw fileNode.error("CSV file has no rows", null);
            }
            x = null;
            y = new int[n];
            int row = 0;
            for (int li = 0; li < lines.length; li++) {
                if (lines[li].isBlank()) {
                    continue;
                }
                String[] f = lines[li].split(",", -1);
                if (cols < 0) {
                    cols = f.length;
                    if (cols < 2) {
                        throw fileNode.error("CSV line " + (li + 1) + " has " + cols + " column(s)",
                                "features first, label in the last column");
                    }
                    x = new double[n * (cols - 1)];
                } else if (f.length != cols) {
                    throw fileNode.error("CSV line " + (li + 1) + " has " + f.length + " columns, the first row "
                            + cols, "every row needs the same number of columns");
                }
                for (int c = 0; c < cols; c++) {
                    double v;
                    try {
                        v = Double.parseDouble(f[c].trim());
                    } catch (NumberFormatException ex) {
                        throw fileNode.error("CSV line " + (li + 1) + ", column " + (c + 1) + ": '" + f[c]
                                + "' is not a number", "no header row; features then an integer label");
                    }
                    if (c < cols - 1) {
                        x[row * (cols - 1) + c] = v;
                    } else {
                        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                            throw fileNode.error("CSV line " + (li + 1) + ": label '" + f[c]
                                    + "' is not a class number", "labels are 0, 1, 2, ...");
                        }
                        y[row] = (int) v;
                    }
                }
                row++;
            }
            dim = cols - 1;
        }

        int n = y.length;
        if ((long) train + test > n) {
            throw e.get("train").error("train " + train + " + test " + test + " exceeds the " + n
                    + " samples in the data", "the first 'train' samples train and the last 'test' test; "
                    + "they must not overlap");
        }
        for (int i = 0; i < n; i++) {
            if (y[i] >= classes) {
                throw node.error("sample " + i + " has label " + y[i] + " but the network has " + classes
                        + " outputs", "the last entry of network.layers is the number of classes");
            }
        }
        double scale = 1.0 / (inMax - inMin);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v < inMin || v > inMax) {
                throw rangeNode.error("sample " + (i / dim) + " has input value " + v + " outside input_range ["
                        + inMin + ", " + inMax + "]", "input_range must cover the raw data values");
            }
            x[i] = (v - inMin) * scale;
        }
        int[] testIdx;
        int[] trainIdx;
        if (split.equals("ordered")) {
            testIdx = range(n - test, n);
            trainIdx = range(0, train);
        } else {
            int[][] parts = stratified(y, classes, test, splitSeed);
            testIdx = parts[0];
            trainIdx = java.util.Arrays.copyOf(parts[1], train);
        }
        double[] trainX = gather(x, trainIdx, dim);
        double[] testX = gather(x, testIdx, dim);
        int[] trainY = gather(y, trainIdx);
        int[] testY = gather(y, testIdx);
        fp.append(";split=").append(split).append(',').append(splitSeed).append(";train=").append(train).append(";test=").append(test).append(";range=")
                .append(Double.toString(inMin)).append(',').append(Double.toString(inMax));
        return new DataSpec(new Dataset(dim, classes, trainX, trainY, testX, testY), fp.toString());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static double[] gather(double[] x, int[] idx, int dim) {
        double[] out = new double[idx.length * dim];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    private static int[] gather(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }

    /**
     * A seeded stratified split: each class gives floor(test * n_c / n) test samples, the remaining
     * (test - sum) go one each to the classes with the largest fractional parts (lower class first on ties);
     * within a class the test samples are a seeded random choice ({@link java.util.Random}, classes in
     * order). Returns {test indices, remaining indices}, each in file order.
     */
    static int[][] stratified(int[] y, int classes, int test, long seed) {
        int n = y.length;
        int[] count = new int[classes];
        for (int v : y) {
            count[v]++;
        }
        int[] quota = new int[classes];
        long[] frac = new long[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            long num = (long) test * count[c];
            quota[c] = (int) (num / n);
            frac[c] = num % n;
            assigned += quota[c];
        }
        for (int r = assigned; r < test; r++) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < count[c] && (best < 0 || frac[c] > frac[best])) {
                    best = c;
                }
            }
            quota[best]++;
            frac[best] = -1;
        }
        java.util.Random rnd = new java.util.Random(seed);
        boolean[] isTest = new boolean[n];
        for (int c = 0; c < classes; c++) {
            int[] members = new int[count[c]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == c) {
                    members[m++] = i;
                }
            }
            for (int i = 0; i < quota[c]; i++) {
                int j = i + rnd.nextInt(members.length - i);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
                isTest[members[i]] = true;
            }
        }
        int[] testIdx = new int[test];
        int[] rest = new int[n - test];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (isTest[i]) {
                testIdx[a++] = i;
            } else {
                rest[b++] = i;
            }
        }
        return new int[][] {testIdx, rest};
    }

    private static SpecNode require(SpecNode parent, Map<String, SpecNode> e, String key, String hint) {
        SpecNode n = e.get(key);
        if (n == null) {
            throw parent.error("missing required key '" + key + "'", hint);
        }
        return n;
    }

    private static void forbid(Map<String, SpecNode> e, String key, String hint) {
        if (e.containsKey(key)) {
            throw new org.phodex.spec.SpecException(e.get(key).file(), e.get(key).keyLine(), e.get(key).path(),
                    "key not used with this format", hint);
        }
    }

    private static byte[] readFile(SpecNode n, Path baseDir) {
        String rel = n.asString();
        Path p = baseDir.resolve(rel).normalize();
        if (!Files.isRegularFile(p)) {
            throw n.error("data file '" + rel + "' not found (looked for " + p.toAbsolutePath() + ")",
                    "paths are relative to the workload's YAML file; see workloads/data/README.md");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException ex) {
            throw n.error("cannot read data file '" + rel + "': " + ex.getMessage(), null);
        }
    }

    private static byte[] maybeGunzip(SpecNode n, byte[] raw) {
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw n.error("corrupt gzip data: " + ex.getMessage(), "re-copy the file from workloads/data");
        }
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
