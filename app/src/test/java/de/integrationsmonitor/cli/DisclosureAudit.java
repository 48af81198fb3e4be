package de.integrationsmonitor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Attacks the small-count protection of a run's output folder the way a recipient of all its files could: from the
 * workbooks (the same cells as the PDFs), it looks for a hidden cell ("•") whose value follows from what is shown.
 * <ul>
 * <li>within a table: a column with exactly one hidden cell above a shown "Summe" (the total minus the others);</li>
 * <li>across reports: an area's participants of the month and of the month before, which the area's Monatsbericht
 * (Kennzahlen) and the Landesübersicht (Gebiete) both show: hidden in one, shown in the other.</li>
 * </ul>
 */
final class DisclosureAudit {
    private DisclosureAudit() {}

    /** What the attack found: where a hidden value can be computed back, with the reason; empty when nothing. */
    static List<String> findings(Path out) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path workbook : workbooks(out)) {
            for (Map.Entry<String, List<List<String>>> sheet : sheets(workbook).entrySet()) {
                findings.addAll(columnTotals(out.relativize(workbook) + " [" + sheet.getKey() + "]", sheet.getValue()));
            }
        }
        findings.addAll(areaTotals(out));
        return findings;
    }

    /** How many cells of the folder's workbooks are hidden ("•"): the attack's targets. */
    static long hiddenCells(Path out) throws IOException {
        long hidden = 0;
        for (Path workbook : workbooks(out)) {
            for (List<List<String>> rows : sheets(workbook).values()) {
                hidden += rows.stream().flatMap(List::stream).filter("•"::equals).count();
            }
        }
        return hidden;
    }

    private static List<String> columnTotals(String where, List<List<String>> rows) {
        List<String> findings = new ArrayList<>();
        for (int total = 1; total < rows.size(); total++) {
            if (!"Summe".equals(cell(rows.get(total), 0))) {
                continue;
            }
            for (int c = 1; c < rows.get(0).size(); c++) {
                int hidden = 0;
                for (int r = 1; r < total; r++) {
                    hidden += "•".equals(cell(rows.get(r), c)) ? 1 : 0;
                }
                String sum = cell(rows.get(total), c);
                if (hidden == 1 && !sum.isEmpty() && !"•".equals(sum)) {
                    findings.add(where + ", column " + cell(rows.get(0), c) + ": one hidden cell and the total " + sum + " shown");
                }
            }
        }
        return findings;
    }

    private static List<String> areaTotals(Path out) throws IOException {
        List<String> findings = new ArrayList<>();
        Path land = out.resolve("land");
        List<Path> overviews;
        try (Stream<Path> files = Files.isDirectory(land) ? Files.list(land) : Stream.empty()) {
            overviews = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
        }
        for (Path overview : overviews) {
            List<List<String>> areas = sheets(overview).get("Gebiete");
            List<String> header = areas.get(0);
            Map<String, List<String>> byName = new HashMap<>();
            areas.subList(1, areas.size()).forEach(row -> byName.put(cell(row, header.indexOf("Kreis / kreisfreie Stadt")), row));
            String month = overview.getFileName().toString().replaceAll("\\D+(\\d{4}-\\d{2}).*", "$1");
            for (Path monthly : workbooks(out)) {
                if (!monthly.getFileName().toString().equals("monatsbericht_" + month + ".xlsx")) {
                    continue;
                }
                List<List<String>> figures = sheets(monthly).get("Kennzahlen");
                String area = monthly.getParent().getFileName().toString();
                List<String> participants = figures.stream().filter(row -> "Teilnehmende".equals(cell(row, 0))).findFirst().orElseThrow();
                List<String> line = byName.values().stream()
                        .filter(row -> de.integrationsmonitor.reports.common.render.FileNames.slug(cell(row, header.indexOf("Kreis / kreisfreie Stadt")))
                                .equals(area)).findFirst().orElse(null);
                if (line == null) {
                    findings.add(area + ": not in the Landesübersicht");
                    continue;
                }
                compare(findings, area + ", participants of the month", cell(participants, 1), cell(line, header.indexOf("Teilnehmende")));
                compare(findings, area + ", participants of the month before", cell(participants, 2),
                        cell(line, header.indexOf("Teilnehmende Vormonat")));
            }
        }
        return findings;
    }

    /** The same cell in two reports: both hidden or both the same number (an empty Landesübersicht cell: nothing delivered). */
    private static void compare(List<String> findings, String what, String report, String overview) {
        boolean reportHidden = "•".equals(report);
        boolean overviewHidden = "•".equals(overview);
        if (reportHidden != overviewHidden && !(overview.isEmpty() && (reportHidden || "0".equals(report)))) {
            findings.add(what + ": " + (reportHidden ? "hidden in the Monatsbericht, " + overview + " in the Landesübersicht"
                    : report + " in the Monatsbericht, hidden in the Landesübersicht"));
        } else if (!reportHidden && !overview.isEmpty() && !report.equals(overview)) {
            findings.add(what + ": " + report + " in the Monatsbericht, " + overview + " in the Landesübersicht");
        }
    }

    private static List<Path> workbooks(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.toString().endsWith(".xlsx") && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Every sheet as rows of cell texts (a number as its plain digits). */
    private static Map<String, List<List<String>>> sheets(Path workbook) throws IOException {
        Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile())) {
            for (Sheet sheet : book.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(row.getCell(c) == null ? "" : row.getCellText(c));
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }

    private static String cell(List<String> row, int c) {
        return c >= 0 && c < row.size() && row.get(c) != null ? row.get(c) : "";
    }
}
