package org.phodex.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A results CSV file read whole: its header and its rows as text cells (numbers are parsed by the caller). */
record Table(Path file, List<String> columns, List<String[]> rows) {

    static Table read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (r.size() != header.size()) {
                    throw new ReportInputException(file + " line " + parser.getCurrentLineNumber() + ": " + r.size()
                            + " cells but the header has " + header.size() + " columns (a truncated or hand-edited "
                            + "file?)");
                }
                rows.add(r.values());
            }
            return new Table(file, List.copyOf(header), rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ReportInputException(file + ": cannot read it as CSV: " + e.getMessage(), e);
        }
    }

    int size() {
        return rows.size();
    }

    int column(String name) {
        return columns.indexOf(name);
    }

    /** The cell, or "" when the column does not exist. */
    String cell(int row, String column) {
        int c = column(column);
        return c < 0 ? "" : rows.get(row)[c];
    }

    /** Row as column -> cell. */
    Map<String, String> row(int r) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] cells = rows.get(r);
        for (int c = 0; c < columns.size(); c++) {
            m.put(columns.get(c), cells[c]);
        }
        return m;
    }
}
