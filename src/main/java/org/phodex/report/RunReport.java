package org.phodex.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (no network, no server) to explore a run or sweep in a
 * browser. The page inlines Apache ECharts (see {@link #ECHARTS}), its own script and style, and the run's data
 * as JSON read by {@link ReportData} from the folder's files.
 */
public final class RunReport {
    /** The report's file name in a run folder. */
    public static final String FILE = "report.html";
    /** The bundled charting library (Apache-2.0; LICENSE and NOTICE beside it in the jar). */
    public static final String ECHARTS = "echarts-5.6.0.min.js";
    public static final String ECHARTS_VERSION = "5.6.0";

    private RunReport() {
    }

    /** Writes {@code dir/report.html} and returns its path. */
    public static Path write(Path dir) {
        return write(dir, dir.resolve(FILE));
    }

    /**
     * Writes the report of the run or sweep in {@code dir} to {@code out} (atomically: a reader never sees half a
     * file).
     *
     * @throws ReportInputException when the folder cannot be read (the message names the file and the fix)
     */
    public static Path write(Path dir, Path out) {
        String html = html(ReportData.read(dir));
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReportInputException(out + ": cannot write the report: " + e.getMessage(), e);
        }
        return out;
    }

    /** The page: the template with style, library, script and data put in. */
    static String html(Map<String, Object> data) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // inside <script>, "</script" or "<!--" in a text would end or confuse the element: JSON may write "<"
        // as \u003c (it only occurs inside strings)
        json = json.replace("<", "\\u003c");
        String template = resource("report.html");
        // the data goes in last, so that nothing in it is taken for a placeholder
        return template
                .replace("PHODEX:ECHARTS_VERSION", ECHARTS_VERSION)
                .replace("/*PHODEX:STYLE*/", resource("report.css"))
                .replace("/*PHODEX:APP*/", resource("report.js"))
                .replace("/*PHODEX:ECHARTS*/", resource(ECHARTS).replace("</script", "<\\/script"))
                .replace("/*PHODEX:DATA*/", json);
    }

    private static String resource(String name) {
        try (InputStream in = RunReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
