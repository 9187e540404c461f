package org.phodex.sim;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.phodex.photonics.Mesh;
import org.phodex.photonics.MeshLayout;
import org.phodex.photonics.MeshProgrammer;
import org.phodex.photonics.SvdTile;

/**
 * Numerically fitted tiles (butterfly, truncated meshes) kept on disk, so a fit is paid once per machine rather
 * than once per process: a multi-family search spends tens to hundreds of milliseconds per fitted tile and
 * thousands of tiles per design, and the same tiles come back in every search of the same workload.
 *
 * <p>A file is named by the SHA-256 of the programmer (layout and parameters), the tile size, the tile's weights
 * (exact bits) and a fingerprint of the fitting code (the class files of the fit, the layouts, the mesh, the SVD
 * tile and the commons-math version), so a change to any of them makes a new file instead of serving an old fit.
 * Files are written to a temporary name and moved into place; a file that cannot be read is ignored (refitted).
 * Exact decompositions (Clements, Reck) are fast and never stored.
 *
 * <p>Directory: system property {@code phodex.fitCache.dir}, default {@code ~/.cache/phodex/tile-fits};
 * {@code -Dphodex.fitCache.dir=none} turns the store off.
 */
final class TileFitStore {
    private static final int MAGIC = 0x50485446; // "PHTF"
    private static final TileFitStore SHARED = new TileFitStore(directory());

    private final Path dir;
    private final String codeFingerprint;

    TileFitStore(Path dir) {
        this.dir = dir;
        this.codeFingerprint = fingerprint();
    }

    static TileFitStore shared() {
        return SHARED;
    }

    private static Path directory() {
        String p = System.getProperty("phodex.fitCache.dir");
        if ("none".equals(p)) {
            return null;
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".cache", "phodex", "tile-fits");
    }

    /** The stored fit of this tile, or null (store off, programmer exact, not stored yet, unreadable). */
    SvdTile load(double[] w, int n, MeshProgrammer programmer) {
        if (dir == null || programmer.exact()) {
            return null;
        }
        Path f = file(w, n, programmer);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(f)))) {
            if (in.readInt() != MAGIC || in.readInt() != n) {
                return null;
            }
            MeshLayout layout = programmer.layout(n);
            Mesh u = readMesh(in, layout);
            Mesh v = readMesh(in, programmer.layout(n));
            double[] att = readDoubles(in, n);
            double scale = in.readDouble();
            double fitError = in.readDouble();
            return new SvdTile(u, v, att, scale, fitError);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores a fitted tile (no-op for exact programmers or when the store is off; write failures are ignored). */
    void save(double[] w, int n, MeshProgrammer programmer, SvdTile t) {
        if (dir == null || programmer.exact()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(n);
                writeMesh(out, t.u());
                writeMesh(out, t.v());
                for (double a : t.attenuation()) {
                    out.writeDouble(a);
                }
                out.writeDouble(t.scale());
                out.writeDouble(t.fitError());
            }
            Path f = file(w, n, programmer);
            Path tmp = Files.createTempFile(dir, f.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a cache: the fit is still returned, only not kept
        }
    }

    private static void writeMesh(DataOutputStream out, Mesh m) throws IOException {
        out.writeInt(m.mziCount());
        for (int k = 0; k < m.mziCount(); k++) {
            out.writeDouble(m.theta(k));
            out.writeDouble(m.phi(k));
        }
        for (int i = 0; i < m.modes(); i++) {
            out.writeDouble(m.outputPhase(i));
        }
    }

    private static Mesh readMesh(DataInputStream in, MeshLayout layout) throws IOException {
        int m = in.readInt();
        if (m != layout.mziCount()) {
            throw new IOException("stored mesh has " + m + " MZIs, layout " + layout.mziCount());
        }
        double[] th = new double[m];
        double[] ph = new double[m];
        for (int k = 0; k < m; k++) {
            th[k] = in.readDouble();
            ph[k] = in.readDouble();
        }
        return new Mesh(layout, th, ph, readDoubles(in, layout.modes()));
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = in.readDouble();
        }
        return d;
    }

    private Path file(double[] w, int n, MeshProgrammer programmer) {
        MessageDigest md = sha256();
        md.update(codeFingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(programmer.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] b = new byte[8 * w.length + 4];
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).putInt(n);
        for (double x : w) {
            buf.putLong(Double.doubleToRawLongBits(x));
        }
        md.update(b);
        return dir.resolve(HexFormat.of().formatHex(md.digest()) + ".fit");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the class files that decide a fit, and the SVD library's version. */
    static String fingerprint() {
        MessageDigest md = sha256();
        String[] names = {"MeshFit", "MeshFit$Objective", "MeshFit$Result", "Lbfgs", "MeshLayout", "Mesh", "Mzi",
            "ComplexMatrix", "Phases", "SvdTile", "MeshProgrammer", "MeshDecomposition"};
        for (String name : names) {
            digestClass(md, name);
            for (int i = 1; i <= 9; i++) { // anonymous classes, e.g. MeshProgrammer$2
                digestClass(md, name + "$" + i);
            }
        }
        Package math = org.apache.commons.math3.linear.SingularValueDecomposition.class.getPackage();
        md.update(String.valueOf(math == null ? null : math.getImplementationVersion())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digestClass(MessageDigest md, String simpleName) {
        // every name is in org.phodex.photonics, next to MeshFit
        try (InputStream in = org.phodex.photonics.MeshFit.class.getResourceAsStream(simpleName + ".class")) {
            if (in != null) {
                md.update(simpleName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(in.readAllBytes());
            }
        } catch (IOException e) {
            md.update((byte) 0);
        }
    }
}
