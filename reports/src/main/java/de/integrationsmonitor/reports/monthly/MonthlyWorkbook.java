package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.XlsxExport;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Monatsbericht's tables as XLSX: key figures, Gemeinden (with the Summe row), participation per
 * category, the 12-month trend and the largest coverage gaps. Numbers are numeric cells; counts of
 * persons get the same small-count protection as the PDF (text "•").
 */
public final class MonthlyWorkbook {
    static final List<String> KEY_FIGURE_HEADER = List.of("Kennzahl", "Wert", "Vormonat", "Vorjahresmonat");
    static final List<String> MUNICIPALITY_HEADER = List.of("Gemeinde", "aktive Angebote", "neue Angebote", "beendete Angebote",
            "Veranstaltungen", "Teilnehmende", "davon weiblich", "davon neuzugewandert", "Workshops");
    static final List<String> CATEGORY_HEADER = List.of("Kategorie", "Veranstaltungen", "Teilnehmende");
    static final List<String> TREND_HEADER = List.of("Monat", "Teilnehmende", "aktive Angebote");
    static final List<String> GAP_HEADER = List.of("Nr.", "Gemeinde", "Merkmal", "Wert", "Bedarf (Personen)", "aktive Angebote",
            "erwartete Angebote", "Fehlbedarf", "Deckungsgrad");

    private MonthlyWorkbook() {}

    /** "monatsbericht_2026-10.xlsx". */
    static String fileName(MonthlyReportData data) {
        return "monatsbericht_" + data.month() + ".xlsx";
    }

    public static Path write(MonthlyReportData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        return XlsxExport.write(outputDir.resolve(fileName(data)),
                "Monatsbericht " + GermanFormat.monthYear(data.month()) + " – " + data.areaName(), workbook -> {
                    keyFigures(workbook.newWorksheet("Kennzahlen"), data, plan);
                    municipalities(workbook.newWorksheet("Gemeinden"), data, plan);
                    categories(workbook.newWorksheet("Kategorien"), data, plan);
                    trend(workbook.newWorksheet("Trend"), data, plan);
                    gaps(workbook.newWorksheet("Versorgungslücken"), data, plan);
                });
    }

    private static void keyFigures(Worksheet sheet, MonthlyReportData data, DisclosurePlan plan) {
        XlsxExport.header(sheet, KEY_FIGURE_HEADER);
        int r = 1;
        for (KeyFigure figure : data.keyFigures()) {
            XlsxExport.text(sheet, r, 0, figure.label());
            Long[] values = {figure.value(), figure.previousMonth(), figure.previousYear()};
            java.time.YearMonth[] months = {data.month(), data.month().minusMonths(1), data.month().minusYears(1)};
            for (int i = 0; i < values.length; i++) {
                if (figure.persons()) {
                    XlsxExport.persons(sheet, r, i + 1, values[i], MonthlyCells.hidden(plan, data, figure, values[i], months[i]));
                } else {
                    XlsxExport.count(sheet, r, i + 1, values[i]);
                }
            }
            r++;
        }
        XlsxExport.finishTable(sheet, KEY_FIGURE_HEADER.size(), 30, 12, 12, 14);
    }

    /** The Gemeinde rows and the Summe, hidden where the PDF hides them. */
    private static void municipalities(Worksheet sheet, MonthlyReportData data, DisclosurePlan plan) {
        XlsxExport.header(sheet, MUNICIPALITY_HEADER);
        List<MunicipalityLine> lines = MunicipalityLine.lines(data, plan);
        List<MunicipalityRow> rows = data.municipalities();
        for (int i = 0; i < lines.size(); i++) {
            int r = i + 1;
            MunicipalityLine line = lines.get(i);
            boolean total = i == rows.size();
            XlsxExport.text(sheet, r, 0, line.getName());
            XlsxExport.count(sheet, r, 1, total ? MunicipalityLine.sum(rows, MunicipalityRow::activeOffers) : rows.get(i).activeOffers());
            XlsxExport.count(sheet, r, 2, total ? MunicipalityLine.sumOrNull(rows, MunicipalityRow::newOffers) : rows.get(i).newOffers());
            XlsxExport.count(sheet, r, 3, total ? MunicipalityLine.sumOrNull(rows, MunicipalityRow::endedOffers) : rows.get(i).endedOffers());
            XlsxExport.count(sheet, r, 4, total ? MunicipalityLine.sum(rows, MunicipalityRow::events) : rows.get(i).events());
            persons(sheet, r, 5, line.getParticipants(), total ? MunicipalityLine.sum(rows, MunicipalityRow::participants)
                    : rows.get(i).participants());
            persons(sheet, r, 6, line.getParticipantsFemale(), total
                    ? MunicipalityLine.sum(rows, MunicipalityRow::participantsFemale) : rows.get(i).participantsFemale());
            persons(sheet, r, 7, line.getParticipantsNewcomers(), total
                    ? MunicipalityLine.sum(rows, MunicipalityRow::participantsNewcomers) : rows.get(i).participantsNewcomers());
            XlsxExport.count(sheet, r, 8, total ? MunicipalityLine.sum(rows, MunicipalityRow::workshops) : rows.get(i).workshops());
            if (total) {
                for (int c = 0; c < MUNICIPALITY_HEADER.size(); c++) {
                    sheet.style(r, c).bold().set();
                }
            }
        }
        XlsxExport.finishTable(sheet, MUNICIPALITY_HEADER.size(), 24, 12, 12, 12, 14, 13, 13, 14, 11);
    }

    /** The PDF line decides: "•" there is "•" here, else the number. */
    private static void persons(Worksheet sheet, int r, int c, String shown, long value) {
        if (SmallCounts.MARK.equals(shown)) {
            XlsxExport.text(sheet, r, c, SmallCounts.MARK);
        } else {
            XlsxExport.count(sheet, r, c, value);
        }
    }

    private static void categories(Worksheet sheet, MonthlyReportData data, DisclosurePlan plan) {
        XlsxExport.header(sheet, CATEGORY_HEADER);
        int r = 1;
        for (CategoryRow row : data.categories()) {
            XlsxExport.text(sheet, r, 0, row.label());
            XlsxExport.count(sheet, r, 1, row.events());
            XlsxExport.persons(sheet, r, 2, row.participants(), plan.hidden(MonthlyCells.category(data, row)));
            r++;
        }
        XlsxExport.finishTable(sheet, CATEGORY_HEADER.size(), 44, 14, 14);
    }

    private static void trend(Worksheet sheet, MonthlyReportData data, DisclosurePlan plan) {
        XlsxExport.header(sheet, TREND_HEADER);
        int r = 1;
        java.util.Set<java.time.YearMonth> hidden = MonthlyCells.hiddenTrendMonths(plan, data);
        for (MonthPoint point : data.trend().stream().sorted(java.util.Comparator.comparing(MonthPoint::month)).toList()) {
            XlsxExport.text(sheet, r, 0, point.month().toString());
            XlsxExport.persons(sheet, r, 1, point.participants(), hidden.contains(point.month()));
            XlsxExport.count(sheet, r, 2, point.activeOffers());
            r++;
        }
        XlsxExport.finishTable(sheet, TREND_HEADER.size(), 10, 14, 14);
    }

    private static void gaps(Worksheet sheet, MonthlyReportData data, DisclosurePlan plan) {
        XlsxExport.header(sheet, GAP_HEADER);
        int r = 1;
        for (TopGap gap : data.topGaps()) {
            sheet.value(r, 0, r);
            XlsxExport.text(sheet, r, 1, gap.place());
            XlsxExport.text(sheet, r, 2, gap.dimension());
            XlsxExport.text(sheet, r, 3, gap.value());
            XlsxExport.persons(sheet, r, 4, gap.demand(), plan.hidden(gap.demandCell()));
            XlsxExport.count(sheet, r, 5, gap.offers());
            XlsxExport.decimal(sheet, r, 6, gap.expected());
            XlsxExport.decimal(sheet, r, 7, gap.shortfall());
            XlsxExport.decimal(sheet, r, 8, gap.coverageIndex());
            r++;
        }
        XlsxExport.finishTable(sheet, GAP_HEADER.size(), 6, 20, 18, 24, 12, 12, 12, 12, 12);
    }
}
