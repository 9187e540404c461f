package org.phodex.plot;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read whole (results files are small: thousands of rows). Cells are strings;
 * {@link #number} parses on demand and names file, line and column when a cell is not a number.
 */
final class CsvTable {
    private final Path file;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<String[]> rows;
    private final List<Long> lines;

    private CsvTable(Path file, List<String> columns, List<String[]> rows, List<Long> lines) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.get(i), i);
        }
        this.rows = rows;
        this.lines = lines;
    }

    static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PlotInputException(file + ": file not found");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new PlotInputException(file + ": empty file, expected a header row");
            }
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new PlotInputException(String.format(Locale.ROOT,
                            "%s line %d: %d cells but the header has %d columns (a truncated or hand-edited file?)",
                            file, record.getParser().getCurrentLineNumber(), record.size(), header.size()));
                }
                rows.add(record.values());
                lines.add(record.getParser().getCurrentLineNumber());
            }
            return new CsvTable(file, header, rows, lines);
        } catch (IOException e) {
            throw new PlotInputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new PlotInputException(file + ": not a valid CSV file: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    List<String> columns() {
        return columns;
    }

    int size() {
        return rows.size();
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** Fails with a message naming the file and the missing columns. */
    CsvTable require(String... required) {
        List<String> missing = new ArrayList<>();
        for (String c : required) {
            if (!has(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new PlotInputException(file + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header: " + String.join(",", columns) + ")");
        }
        return this;
    }

    /** The cell, or "" when the column does not exist. */
    String text(int row, String column) {
        Integer c = index.get(column);
        return c == null ? "" : rows.get(row)[c];
    }

    /** The cell as a number; NaN when empty, "nan", "null" or the column does not exist. */
    double number(int row, String column) {
        String s = text(row, column);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
            case "null":
            case "none":
            case "na":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new PlotInputException(String.format(Locale.ROOT, "%s line %d, column %s: '%s' is not a number",
                    file, lines.get(row), column, s));
        }
    }

    /** true/false (also 1/0, yes/no); anything else is an error naming the cell. */
    boolean bool(int row, String column) {
        String s = text(row, column).toLowerCase(Locale.ROOT);
        switch (s) {
            case "true":
            case "1":
            case "yes":
                return true;
            case "false":
            case "0":
            case "no":
                return false;
            default:
                throw new PlotInputException(String.format(Locale.ROOT,
                        "%s line %d, column %s: '%s' is not true or false", file, lines.get(row), column, s));
        }
    }

    /** Columns whose names start with the prefix, in file order. */
    List<String> columnsStartingWith(String prefix) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (c.startsWith(prefix)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
