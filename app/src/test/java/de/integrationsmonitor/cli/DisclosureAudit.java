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
 * (Kennzahlen, Trend) and the Landesübersicht (Gebiete) all show: hidden in one, shown in another;</li>
 * <li>across reports: a month's "Teilnehmende an Workshops" (Monatsbericht) shown, and exactly one workshop of that
 * month hidden in the Workshop-Auswertung;</li>
 * <li>across reports: a Gemeinde's demand shown (Versorgungslücken, Kreis) and exactly one of its Stadtteile hidden
 * for the same value (Stadtteile), where the rest would leave a small count.</li>
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
        for (Path folder : areaFolders(out)) {
            findings.addAll(trend(out, folder));
            findings.addAll(workshopSums(out, folder));
            findings.addAll(districtSums(out, folder));
        }
        return findings;
    }

    private static final String WORKSHOP_PARTICIPANTS = "Teilnehmende an Workshops";
    private static final int K = 3;

    /** The Trend sheet shows the month's and the month before's participants again: the same cells as the Kennzahlen. */
    private static List<String> trend(Path out, Path folder) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path monthly : files(folder, "monatsbericht_", ".xlsx")) {
            Map<String, List<List<String>>> sheets = sheets(monthly);
            String month = month(monthly);
            List<String> figure = row(sheets.get("Kennzahlen"), "Teilnehmende");
            Map<String, String> trend = new HashMap<>();
            sheets.get("Trend").forEach(row -> trend.put(cell(row, 0), cell(row, 1)));
            String where = out.relativize(monthly).toString();
            compareSame(findings, where + ", participants " + month, cell(figure, 1), trend.getOrDefault(month, ""));
            String before = java.time.YearMonth.parse(month).minusMonths(1).toString();
            if (trend.containsKey(before)) {
                compareSame(findings, where + ", participants " + before, cell(figure, 2), trend.get(before));
            }
        }
        return findings;
    }

    /** A month's workshop participants (Monatsbericht) shown beside that month's workshops (Workshop-Auswertung). */
    private static List<String> workshopSums(Path out, Path folder) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path workbook : files(folder, "workshop_auswertung_", ".xlsx")) {
            String month = month(workbook);
            Path monthly = folder.resolve("monatsbericht_" + month + ".xlsx");
            List<String> figure = row(sheets(monthly).get("Kennzahlen"), WORKSHOP_PARTICIPANTS);
            java.time.YearMonth reportMonth = java.time.YearMonth.parse(month);
            java.time.YearMonth[] months = {reportMonth, reportMonth.minusMonths(1), reportMonth.minusYears(1)};
            List<List<String>> workshops = sheets(workbook).get("Workshops");
            int date = workshops.get(0).indexOf("Datum");
            int participants = workshops.get(0).indexOf("Teilnehmende");
            for (int i = 0; i < months.length; i++) {
                String total = cell(figure, i + 1);
                if (total.isEmpty() || "•".equals(total)) {
                    continue;
                }
                List<String> shown = new ArrayList<>();
                int hidden = 0;
                for (List<String> row : workshops.subList(1, workshops.size())) {
                    if (java.time.YearMonth.from(excelDate(cell(row, date))).equals(months[i])) {
                        String value = cell(row, participants);
                        hidden += "•".equals(value) ? 1 : 0;
                        if (!"•".equals(value)) {
                            shown.add(value);
                        }
                    }
                }
                long rest = Long.parseLong(total) - shown.stream().filter(v -> !v.isEmpty()).mapToLong(Long::parseLong).sum();
                if (hidden == 1 && !shown.contains("")) {
                    findings.add(out.relativize(workbook) + ", workshops of " + months[i] + ": one hidden, the Monatsbericht's total "
                            + total + " gives it away (" + rest + ")");
                }
            }
        }
        return findings;
    }

    /** A Gemeinde's demand (sheet Versorgungslücken) shown beside its Stadtteile' demand (sheet Stadtteile). */
    private static List<String> districtSums(Path out, Path folder) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path workbook : files(folder, "versorgungsluecken_", ".xlsx")) {
            Map<String, List<List<String>>> sheets = sheets(workbook);
            List<List<String>> gemeinden = sheets.get("Versorgungslücken");
            List<List<String>> districts = sheets.get("Stadtteile");
            List<String> gHeader = gemeinden.get(0);
            List<String> dHeader = districts.get(0);
            Map<String, List<String>> parts = new HashMap<>();
            for (List<String> row : districts.subList(1, districts.size())) {
                parts.computeIfAbsent(cell(row, dHeader.indexOf("Gemeinde")) + "|" + cell(row, dHeader.indexOf("Merkmal")) + "|"
                        + cell(row, dHeader.indexOf("Code")), k -> new ArrayList<>()).add(cell(row, dHeader.indexOf("Bedarf (Personen)")));
            }
            for (List<String> row : gemeinden.subList(1, gemeinden.size())) {
                String key = cell(row, gHeader.indexOf("Gemeinde")) + "|" + cell(row, gHeader.indexOf("Merkmal")) + "|"
                        + cell(row, gHeader.indexOf("Code"));
                String total = cell(row, gHeader.indexOf("Bedarf (Personen)"));
                List<String> values = parts.getOrDefault(key, List.of());
                if ("•".equals(total) || values.stream().filter("•"::equals).count() != 1) {
                    continue;
                }
                long rest = Long.parseLong(total) - values.stream().filter(v -> !"•".equals(v)).mapToLong(Long::parseLong).sum();
                if (rest >= 1 && rest < K) {
                    findings.add(out.relativize(workbook) + ", " + key + ": one Stadtteil hidden, the Gemeinde's " + total
                            + " gives it away (" + rest + ")");
                }
            }
        }
        return findings;
    }

    /** The same cell in two tables of one report: both hidden or both the same number. */
    private static void compareSame(List<String> findings, String what, String one, String other) {
        if (!one.equals(other)) {
            findings.add(what + ": " + one + " in the Kennzahlen, " + other + " in the Trend");
        }
    }

    private static java.time.LocalDate excelDate(String serial) {
        return java.time.LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(serial));
    }

    private static List<String> row(List<List<String>> rows, String label) {
        return rows.stream().filter(row -> label.equals(cell(row, 0))).findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    private static String month(Path file) {
        return file.getFileName().toString().replaceAll("\\D+(\\d{4}-\\d{2}).*", "$1");
    }

    private static List<Path> areaFolders(Path out) throws IOException {
        try (Stream<Path> folders = Files.list(out)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<Path> files(Path folder, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        }
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
