package de.integrationsmonitor.cli;

import de.integrationsmonitor.reports.common.render.SpreadsheetSafety;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints query results for the console: an aligned text table, or CSV (RFC 4180). */
public final class TextTable {
    private TextTable() {}

    public static void writeCsv(Dataset<Row> result, PrintWriter out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord((Object[]) result.columns());
            Iterator<Row> rows = result.toLocalIterator();
            while (rows.hasNext()) {
                printer.printRecord(cells(rows.next()).stream().map(SpreadsheetSafety::neutralise).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeTable(Dataset<Row> result, int maxRows, PrintWriter out) {
        String[] header = result.columns();
        List<Row> rows = result.limit(maxRows + 1).collectAsList();
        boolean truncated = rows.size() > maxRows;
        List<List<String>> lines = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(rows.size(), maxRows))) {
            lines.add(cells(row));
        }
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (List<String> line : lines) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        out.println(format(List.of(header), widths));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(rule);
        lines.forEach(line -> out.println(format(line, widths)));
        out.println("(" + lines.size() + (truncated ? "+ Zeilen, gekürzt – --max-rows erhöhen oder --format csv" : lines.size() == 1 ? " Zeile" : " Zeilen") + ")");
    }

    private static String format(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            line.append(c == 0 ? "" : " | ").append(String.format("%-" + widths[c] + "s", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.length());
        for (int i = 0; i < row.length(); i++) {
            cells.add(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
        }
        return cells;
    }
}
