package org.phodex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.phodex.arch.Families;
import org.phodex.arch.Family;
import org.phodex.arch.MziFamily;
import org.phodex.photonics.ComplexMatrix;
import org.phodex.photonics.Mesh;
import org.phodex.photonics.MeshFit;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.RandomMatrices;
import org.phodex.photonics.RealizedMesh;
import org.phodex.photonics.MziCell;
import org.phodex.photonics.StaticErrors;
import org.phodex.plot.MeshCell;
import org.phodex.plot.MeshDiagram;
import org.phodex.spec.Design;
import org.phodex.spec.Params;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phodex mesh}: program one mesh from a unitary, apply optional errors, export its realized matrix. */
@Command(name = "mesh", mixinStandardHelpOptions = true,
        description = "Program one MZI mesh with a unitary (from --matrix, or a seeded random orthogonal one), "
                + "apply optional fabrication errors, print a summary, export the realized transfer matrix and draw the mesh.")
public final class MeshCommand implements Callable<Integer> {

    /** The layouts of the registry's MZI mesh families (for --help and completion). */
    static final class MeshLayouts implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Families.meshFamilies().stream().map(Family::layoutName).iterator();
        }
    }

    /** Matrices at most this large are printed in the summary. */
    private static final int PRINT_LIMIT = 8;
    private static final double UNITARY_TOLERANCE = 1e-6;

    @Spec
    CommandSpec spec;

    @Option(names = "--layout", required = true, completionCandidates = MeshLayouts.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    String layout;

    @Option(names = "--size", description = "number of modes N (defaults to the --matrix size)")
    Integer size;

    @Option(names = "--matrix", paramLabel = "U.csv",
            description = "N x N real orthogonal or complex unitary matrix, one row per line, comma-separated; "
                    + "complex entries as a+bi (or a+bj)")
    Path matrix;

    @Option(names = "--phase-error", paramLabel = "RAD", defaultValue = "0",
            description = "fabrication phase error per phase shifter, standard deviation in rad (default 0)")
    double phaseErrorRad;

    @Option(names = "--coupler-error", paramLabel = "E", defaultValue = "0",
            description = "coupler amplitude-ratio error, standard deviation (default 0)")
    double couplerError;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random target and of the errors (default 1)")
    long seed;

    @Option(names = "--stacks", defaultValue = "1", description = "butterfly stacks (default 1)")
    int stacks;

    @Option(names = "--columns", description = "columns of a truncated mesh (default N)")
    Integer columns;

    @Option(names = "--export", paramLabel = "T.json",
            description = "write the realized transfer matrix as {\"re\": [[...]], \"im\": [[...]]}")
    Path export;

    @Option(names = "--draw", paramLabel = "FILE.svg|.png|.pdf",
            description = "draw the programmed mesh with its phases (format from the extension); repeatable")
    List<Path> draw = new ArrayList<>();

    @Option(names = "--phases", paramLabel = "P.csv",
            description = "write the programmed phases as CSV: one row per MZI (column, modes, theta, phi), then "
                    + "one per output phase shifter")
    Path phases;

    @Option(names = "--save-target", paramLabel = "U.csv",
            description = "write the target matrix as CSV (usable as --matrix)")
    Path saveTarget;

    @Override
    public Integer call() throws IOException {
        if (phaseErrorRad < 0 || couplerError < 0) {
            throw new UsageException("--phase-error and --coupler-error must be >= 0");
        }
        for (Path d : draw) {
            if (!MeshDiagram.knownFormat(d)) {
                throw new UsageException("--draw " + d + ": unknown figure format; use a file name ending in .svg, "
                        + ".png or .pdf");
            }
        }
        ComplexMatrix target;
        String origin;
        if (matrix != null) {
            target = readCsv(matrix);
            double err = target.unitarityError();
            if (err > UNITARY_TOLERANCE) {
                throw new UsageException(matrix + ": the matrix is not unitary (max |U U^dagger - I| = "
                        + String.format(Locale.ROOT, "%.3g", err) + ", tolerance " + UNITARY_TOLERANCE
                        + "); hint: give an orthogonal or unitary matrix, e.g. the Q factor of a QR decomposition");
            }
            if (size != null && size != target.rows) {
                throw new UsageException("--size " + size + " does not match " + matrix + ", which is "
                        + target.rows + " x " + target.cols);
            }
            origin = matrix.toString();
        } else {
            if (size == null) {
                throw new UsageException("give --size N (or --matrix U.csv)");
            }
            if (size < 2 || size > 1024) {
                throw new UsageException("--size must be between 2 and 1024, got " + size);
            }
            target = ComplexMatrix.ofReal(RandomMatrices.orthogonal(size, new SplittableRandom(seed)), size, size);
            origin = "random orthogonal (seed " + seed + "; --save-target FILE.csv writes it)";
        }
        int n = target.rows;
        MziFamily family = meshFamily();
        Design meshDesign = meshDesign(n);
        MeshProgrammer programmer;
        try {
            programmer = family.programmer(meshDesign);
            programmer.checkModes(n);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--layout " + layout + ": " + e.getMessage());
        }
        MeshFit.Result programmed = programmer.program(target);
        Mesh mesh = programmed.mesh();
        StaticErrors errors = new StaticErrors(0, phaseErrorRad, couplerError, 0, 0, 0);
        ComplexMatrix realized = errors.isIdeal() ? mesh.transfer()
                : RealizedMesh.sample(mesh, errors, new SplittableRandom(seed ^ 0x5DEECE66DL)).transfer();

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "mesh: %s, %d modes%n", programmer.name(), n);
        out.printf(Locale.ROOT, "target: %s%n", origin);
        out.printf(Locale.ROOT, "MZIs: %d, depth: %d columns%n", mesh.mziCount(), mesh.depth());
        if (programmed.relativeError() > 0) {
            out.printf(Locale.ROOT, "fit error (relative Frobenius, ideal devices): %.4g%n", programmed.relativeError());
        }
        out.printf(Locale.ROOT, "errors: phase %.4g rad, coupler %.4g%n", phaseErrorRad, couplerError);
        out.printf(Locale.ROOT, "max |realized - target|: %.3e%n", realized.maxAbsDiff(target));
        out.printf(Locale.ROOT, "relative Frobenius error: %.3e%n", realized.relativeFrobeniusError(target));
        if (matrix == null && n <= PRINT_LIMIT) {
            out.println("target matrix:");
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder("  ");
                for (int j = 0; j < n; j++) {
                    sb.append(String.format(Locale.ROOT, "%9.5f", target.re(i, j)));
                }
                out.println(sb);
            }
        }
        if (saveTarget != null) {
            writeCsv(target, saveTarget);
            out.println("target written to " + saveTarget);
        }
        if (export != null) {
            writeJson(realized, export);
            out.println("realized matrix written to " + export);
        }
        if (phases != null) {
            writePhases(mesh, phases);
            out.println("phases written to " + phases);
        }
        if (!draw.isEmpty()) {
            MeshDiagram diagram = diagram(mesh, drawingTitle(n));
            for (Path d : draw) {
                try {
                    diagram.write(d);
                } catch (IOException e) {
                    throw new UsageException(d + ": cannot write (" + e.getMessage() + ")");
                }
                out.println("mesh drawn to " + d);
            }
        }
        out.flush();
        return 0;
    }

    /** The registry's MZI family whose layout --layout names. */
    private MziFamily meshFamily() {
        return Families.meshFamilies().stream().filter(f -> f.layoutName().equals(layout)).findFirst()
                .orElseThrow(() -> new UsageException("--layout " + layout + " is not a mesh layout; valid: "
                        + String.join(", ", new MeshLayouts())));
    }

    /** The parameters a mesh family's programmer reads, from the options. */
    private Design meshDesign(int n) {
        return new Design("mesh", new java.util.TreeMap<>(java.util.Map.of(Params.MESH_SIZE, n,
                Params.BUTTERFLY_STACKS, stacks, Params.MESH_COLUMNS, columns == null ? n : columns)));
    }

    private String drawingTitle(int n) {
        String name = meshFamily().meshTitle(meshDesign(n));
        String target = matrix != null ? matrix.getFileName().toString() : "random orthogonal target, seed " + seed;
        String errors = phaseErrorRad > 0 || couplerError > 0
                ? String.format(Locale.ROOT, "; programmed phases (errors σφ = %.3g rad, coupler %.3g not drawn)",
                        phaseErrorRad, couplerError) : "";
        return name + " mesh, N = " + n + ": " + target + errors;
    }

    /** The programmed mesh as the plot package draws it: MZIs, the layout's permutations, the output screen. */
    static MeshDiagram diagram(Mesh mesh, String title) {
        List<MeshCell> cells = new ArrayList<>(mesh.mziCount());
        for (MziCell c : mesh.cells()) {
            cells.add(new MeshCell(c.column(), c.topMode(), c.thetaRad(), c.phiRad()));
        }
        List<int[]> permutations = new ArrayList<>();
        for (int c = 0; c < mesh.depth(); c++) {
            permutations.add(mesh.layout().permutationBefore(c));
        }
        double[] screen = new double[mesh.modes()];
        for (int m = 0; m < screen.length; m++) {
            screen[m] = mesh.outputPhase(m);
        }
        return new MeshDiagram(cells, mesh.modes(), permutations, screen, title);
    }

    private static void writePhases(Mesh mesh, Path file) {
        StringBuilder sb = new StringBuilder("element,column,top_mode,bottom_mode,theta_rad,phi_rad\n");
        for (MziCell c : mesh.cells()) {
            sb.append(String.format(Locale.ROOT, "mzi,%d,%d,%d,%.10g,%.10g%n", c.column(), c.topMode(),
                    c.topMode() + 1, c.thetaRad(), c.phiRad()));
        }
        for (int m = 0; m < mesh.modes(); m++) {
            sb.append(String.format(Locale.ROOT, "output_phase,%d,%d,%d,,%.10g%n", mesh.depth(), m, m,
                    mesh.outputPhase(m)));
        }
        write(file, sb.toString());
    }

    static ComplexMatrix readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        }
        List<double[][]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",");
            double[][] row = new double[2][cells.length];
            for (int j = 0; j < cells.length; j++) {
                double[] z = parseComplex(cells[j].strip());
                if (z == null) {
                    throw new UsageException(file + ":" + lineNo + ": column " + (j + 1) + ": '" + cells[j].strip()
                            + "' is not a number; hint: real entries like 0.5, complex like 0.5-0.2i");
                }
                row[0][j] = z[0];
                row[1][j] = z[1];
            }
            if (!rows.isEmpty() && rows.get(0)[0].length != cells.length) {
                throw new UsageException(file + ":" + lineNo + ": " + cells.length + " columns, the first row has "
                        + rows.get(0)[0].length);
            }
            rows.add(row);
        }
        int n = rows.size();
        if (n < 2 || rows.get(0)[0].length != n) {
            throw new UsageException(file + ": need a square matrix of size >= 2, got " + n + " rows x "
                    + (n == 0 ? 0 : rows.get(0)[0].length) + " columns");
        }
        ComplexMatrix m = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, rows.get(i)[0][j], rows.get(i)[1][j]);
            }
        }
        return m;
    }

    /** Parses "a", "bi", "a+bi", "a-bi" (i or j); null if not a number. */
    static double[] parseComplex(String s) {
        try {
            if (s.endsWith("i") || s.endsWith("j")) {
                String body = s.substring(0, s.length() - 1);
                int split = -1;
                for (int k = body.length() - 1; k > 0; k--) {
                    char c = body.charAt(k);
                    char prev = body.charAt(k - 1);
                    if ((c == '+' || c == '-') && prev != 'e' && prev != 'E') {
                        split = k;
                        break;
                    }
                }
                if (split < 0) {
                    return new double[] {0, imagPart(body)};
                }
                return new double[] {Double.parseDouble(body.substring(0, split)), imagPart(body.substring(split))};
            }
            return new double[] {Double.parseDouble(s), 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double imagPart(String s) {
        if (s.equals("+") || s.isEmpty()) {
            return 1;
        }
        if (s.equals("-")) {
            return -1;
        }
        return Double.parseDouble(s);
    }

    private static void writeCsv(ComplexMatrix m, Path file) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(m.re(i, j));
                if (m.im(i, j) != 0) {
                    sb.append(m.im(i, j) >= 0 ? "+" : "").append(m.im(i, j)).append('i');
                }
            }
            sb.append('\n');
        }
        write(file, sb.toString());
    }

    private static void writeJson(ComplexMatrix m, Path file) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode re = root.putArray("re");
        ArrayNode im = root.putArray("im");
        for (int i = 0; i < m.rows; i++) {
            ArrayNode rr = re.addArray();
            ArrayNode ri = im.addArray();
            for (int j = 0; j < m.cols; j++) {
                rr.add(m.re(i, j));
                ri.add(m.im(i, j));
            }
        }
        try {
            write(file, mapper.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
