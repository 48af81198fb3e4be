package de.integrationsmonitor.reports.gaps;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.XlsxExport;
import java.nio.file.Path;
import java.text.Collator;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Versorgungslücken workbook: every gap row of the month for the Kreis's Gemeinden, the
 * Stadtteile and the supply matrix, one sheet each, plus a sheet saying what the data is. Numbers
 * are numeric cells (unrounded, as in gold; formatted for display only); each table has a bold header
 * row, an autofilter and a frozen header. Demand the run's disclosure plan hides is the text "•".
 */
public final class GapWorkbook {
    static final String GAPS_SHEET = "Versorgungslücken";
    static final String DISTRICTS_SHEET = "Stadtteile";
    static final String SUPPLY_SHEET = "Angebote nach Kategorie";
    static final String ACCESS_SHEET = "Erreichbarkeit";
    static final String INFO_SHEET = "Info";

    static final List<String> GAP_HEADER = List.of("Monat", "Gemeindeschlüssel", "Gemeinde", "Merkmal", "Wert", "Code",
            "Bedarf (Personen)", "aktive Angebote", "erwartete Angebote", "Fehlbedarf", "Deckungsgrad", "Versorgungslücke");
    static final List<String> DISTRICT_HEADER = List.of("Monat", "Stadtteil-ID", "Stadtteil", "Gemeinde", "Merkmal", "Wert", "Code",
            "Bedarf (Personen)", "aktive Angebote", "erwartete Angebote", "Fehlbedarf", "Deckungsgrad", "Versorgungslücke");
    static final List<String> SUPPLY_HEADER = List.of("Monat", "Gemeindeschlüssel", "Gemeinde", "Kategorie", "Code", "aktive Angebote",
            "Einwohner", "Angebote je 10.000 Einwohner", "Bezugsraum", "Median im Bezugsraum je 10.000");

    static final List<String> ACCESS_HEADER = List.of("Monat", "Gemeindeschlüssel", "Gemeinde", "Merkmal", "Wert", "Code",
            "erreichbare Angebote je 10.000", "Bezugsraum je 10.000", "Verhältnis zum Bezugsraum", "Lücke trotz Nachbarorten",
            "nächste Angebote in Nachbarorten");

    private GapWorkbook() {}

    /** "versorgungsluecken_2026-10.xlsx". */
    static String fileName(GapReportData data) {
        return "versorgungsluecken_" + data.month() + ".xlsx";
    }

    /** Writes the workbook to {@code outputDir} (via a temporary file, then moved in place) and returns its path. */
    public static Path write(GapReportData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        return XlsxExport.write(outputDir.resolve(fileName(data)),
                "Versorgungslücken " + data.kreis().name() + " " + GermanFormat.monthYear(data.month()), workbook -> {
                    GapLabels labels = new GapLabels(data.labels());
                    gaps(workbook.newWorksheet(GAPS_SHEET), data, labels, plan);
                    districts(workbook.newWorksheet(DISTRICTS_SHEET), data, labels, plan);
                    supply(workbook.newWorksheet(SUPPLY_SHEET), data, labels);
                    access(workbook.newWorksheet(ACCESS_SHEET), data, labels);
                    info(workbook.newWorksheet(INFO_SHEET), data, plan);
                });
    }

    private static void gaps(Worksheet sheet, GapReportData data, GapLabels labels, DisclosurePlan plan) {
        XlsxExport.header(sheet, GAP_HEADER);
        int r = 1;
        for (GapRow row : sorted(data.gemeindeRows())) {
            int c = 0;
            XlsxExport.text(sheet, r, c++, data.month().toString());
            XlsxExport.text(sheet, r, c++, row.orgUnitId());
            XlsxExport.text(sheet, r, c++, row.name());
            measures(sheet, r, c, row, data.month(), labels, plan);
            r++;
        }
        XlsxExport.finishTable(sheet, GAP_HEADER.size(), new double[] {9, 18, 20, 22, 28, 8, 12, 12, 12, 12, 12, 12});
    }

    private static void districts(Worksheet sheet, GapReportData data, GapLabels labels, DisclosurePlan plan) {
        XlsxExport.header(sheet, DISTRICT_HEADER);
        int r = 1;
        for (GapRow row : sorted(data.districtRows())) {
            int c = 0;
            XlsxExport.text(sheet, r, c++, data.month().toString());
            XlsxExport.text(sheet, r, c++, row.orgUnitId());
            XlsxExport.text(sheet, r, c++, row.name());
            XlsxExport.text(sheet, r, c++, row.gemeindeName());
            measures(sheet, r, c, row, data.month(), labels, plan);
            r++;
        }
        XlsxExport.finishTable(sheet, DISTRICT_HEADER.size(), new double[] {9, 26, 18, 20, 22, 28, 8, 12, 12, 12, 12, 12, 12});
    }

    /** Merkmal, Wert, Code and the numbers of one gap row from column {@code c}; returns the next column. */
    private static int measures(Worksheet sheet, int r, int c, GapRow row, YearMonth month, GapLabels labels, DisclosurePlan plan) {
        XlsxExport.text(sheet, r, c++, GapLabels.dimension(row.dimension()));
        XlsxExport.text(sheet, r, c++, labels.value(row.dimension(), row.value()));
        XlsxExport.text(sheet, r, c++, row.value());
        XlsxExport.persons(sheet, r, c++, row.demand(), plan.hidden(GapCells.demand(row, month)));
        XlsxExport.count(sheet, r, c++, row.offers());
        XlsxExport.decimal(sheet, r, c++, row.expected());
        XlsxExport.decimal(sheet, r, c++, row.shortfall());
        XlsxExport.decimal(sheet, r, c++, row.coverageIndex());
        XlsxExport.text(sheet, r, c++, row.gap() ? "ja" : "nein");
        return c;
    }

    private static void supply(Worksheet sheet, GapReportData data, GapLabels labels) {
        XlsxExport.header(sheet, SUPPLY_HEADER);
        List<String> order = labels.order("category");
        Collator collator = Collator.getInstance(Locale.GERMAN);
        List<SupplyRow> rows = data.supply().stream()
                .sorted(Comparator.comparing(SupplyRow::name, collator).thenComparingInt(s -> order.indexOf(s.category()))).toList();
        int r = 1;
        for (SupplyRow row : rows) {
            int c = 0;
            XlsxExport.text(sheet, r, c++, data.month().toString());
            XlsxExport.text(sheet, r, c++, row.orgUnitId());
            XlsxExport.text(sheet, r, c++, row.name());
            XlsxExport.text(sheet, r, c++, labels.value("category", row.category()));
            XlsxExport.text(sheet, r, c++, row.category());
            XlsxExport.count(sheet, r, c++, row.offers());
            XlsxExport.count(sheet, r, c++, row.population());
            XlsxExport.decimal(sheet, r, c++, row.per10k());
            XlsxExport.text(sheet, r, c++, row.referenceAreaId());
            XlsxExport.decimal(sheet, r, c++, row.areaMedian());
            r++;
        }
        XlsxExport.finishTable(sheet, SUPPLY_HEADER.size(), new double[] {9, 18, 20, 26, 12, 12, 12, 14, 12, 14});
    }

    /** Every gold.offer_access row of the Kreis's Gemeinden (none where no Gemeinde has a centre). */
    private static void access(Worksheet sheet, GapReportData data, GapLabels labels) {
        XlsxExport.header(sheet, ACCESS_HEADER);
        List<String> dimensions = List.copyOf(GapLabels.DIMENSIONS.keySet());
        Collator collator = Collator.getInstance(Locale.GERMAN);
        List<AccessRow> rows = data.access().stream().sorted(Comparator.comparing(AccessRow::name, collator)
                .thenComparingInt(a -> dimensions.indexOf(a.dimension())).thenComparing(AccessRow::value)).toList();
        int r = 1;
        for (AccessRow row : rows) {
            int c = 0;
            XlsxExport.text(sheet, r, c++, data.month().toString());
            XlsxExport.text(sheet, r, c++, row.orgUnitId());
            XlsxExport.text(sheet, r, c++, row.name());
            XlsxExport.text(sheet, r, c++, GapLabels.dimension(row.dimension()));
            XlsxExport.text(sheet, r, c++, labels.value(row.dimension(), row.value()));
            XlsxExport.text(sheet, r, c++, row.value());
            XlsxExport.decimal(sheet, r, c++, row.accessPer10k());
            XlsxExport.decimal(sheet, r, c++, row.regionPer10k());
            XlsxExport.decimal(sheet, r, c++, row.ratio());
            XlsxExport.text(sheet, r, c++, row.accessGap() ? "ja" : "nein");
            XlsxExport.text(sheet, r, c++, row.nearest().stream()
                    .map(n -> n.name() + " " + GermanFormat.decimal(n.km(), 1) + " km (" + GermanFormat.count(n.offers()) + ")")
                    .collect(java.util.stream.Collectors.joining(", ")));
            r++;
        }
        XlsxExport.finishTable(sheet, ACCESS_HEADER.size(), new double[] {9, 18, 20, 22, 28, 8, 14, 14, 14, 12, 60});
    }

    private static void info(Worksheet sheet, GapReportData data, DisclosurePlan plan) {
        String[][] rows = {
                {"Bericht", "Versorgungslücken"},
                {"Gebiet", data.kreis().name() + " (" + data.kreis().id() + ")"},
                {"Berichtsmonat", GermanFormat.monthYear(data.month())},
                {"Angebotsstand", data.offersSnapshot() == null ? GermanFormat.NO_DATA : GermanFormat.date(data.offersSnapshot())},
                {"Datenversion", GermanFormat.versions(data.tableVersions())},
                {"Mindestbedarf für eine Lücke (gaps.min-demand)", GermanFormat.count(data.minDemand()) + " Personen"},
                {"Grenze Deckungsgrad (gaps.coverage-index-limit)", GermanFormat.decimal(data.coverageIndexLimit(), 2)},
                {"Umkreis der Erreichbarkeit (access.catchment-km)", GermanFormat.decimal(data.catchmentKm(), 1) + " km"},
                {"Gemeinden mit Koordinaten", GermanFormat.count(data.located().size()) + " von "
                        + GermanFormat.count(data.gemeinden().size())},
                {"Abgewiesene Zeilen (Angebote, Referenzdaten)", GermanFormat.count(data.rejectedRows())},
                {"Erstellt", GermanFormat.dateTime(data.generatedAt())},
                {"Lauf", data.runId()},
                {"Methode", "Siehe Methodenseite im PDF-Bericht. Werte ungerundet wie in den Gold-Tabellen."},
                {"Kleine Fallzahlen", plan.rule().legend()}};
        for (int r = 0; r < rows.length; r++) {
            XlsxExport.text(sheet, r, 0, rows[r][0]);
            sheet.style(r, 0).bold().set();
            XlsxExport.text(sheet, r, 1, rows[r][1]);
        }
        sheet.width(0, 44);
        sheet.width(1, 90);
    }

    private static List<GapRow> sorted(List<GapRow> rows) {
        List<String> dimensions = List.copyOf(GapLabels.DIMENSIONS.keySet());
        Collator collator = Collator.getInstance(Locale.GERMAN);
        return rows.stream().sorted(Comparator.comparing(GapRow::gemeindeName, collator).thenComparing(GapRow::name, collator)
                .thenComparingInt(r -> dimensions.indexOf(r.dimension())).thenComparing(GapRow::value)).toList();
    }
}
