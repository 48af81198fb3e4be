package de.integrationsmonitor.reports.workshops;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.render.XlsxExport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Workshop-Auswertung's tables as XLSX: every workshop with date, place, participants and its statement counts
 * per Klimakonferenz category, and every statement. Participants the run's disclosure plan hides are the text "•";
 * unknown participants leave the cell empty.
 */
public final class WorkshopWorkbook {
    static final String WORKSHOPS_SHEET = "Workshops";
    static final String STATEMENTS_SHEET = "Aussagen";

    private WorkshopWorkbook() {}

    /** "workshop_auswertung_2026-10.xlsx". */
    static String fileName(WorkshopReportData data) {
        return "workshop_auswertung_" + data.reportMonth() + ".xlsx";
    }

    public static Path write(WorkshopReportData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        return XlsxExport.write(outputDir.resolve(fileName(data)), "Workshop-Auswertung – " + data.areaName(), workbook -> {
            workshops(workbook.newWorksheet(WORKSHOPS_SHEET), data, plan);
            statements(workbook.newWorksheet(STATEMENTS_SHEET), data);
        });
    }

    private static void workshops(Worksheet sheet, WorkshopReportData data, DisclosurePlan plan) {
        List<String> categories = List.copyOf(data.categories().keySet());
        List<String> header = new java.util.ArrayList<>(List.of("Workshop-ID", "Titel", "Handlungsfeld", "Datum", "Ort", "Tagungsort",
                "Teilnehmende"));
        categories.forEach(code -> header.add("Aussagen " + data.categories().get(code)));
        XlsxExport.header(sheet, header);
        int r = 1;
        for (WorkshopRow workshop : WorkshopReport.sorted(data.workshops())) {
            int c = 0;
            XlsxExport.text(sheet, r, c++, workshop.workshopId());
            XlsxExport.text(sheet, r, c++, workshop.title());
            XlsxExport.text(sheet, r, c++, workshop.fieldOfAction());
            XlsxExport.date(sheet, r, c++, workshop.date());
            XlsxExport.text(sheet, r, c++, workshop.place());
            XlsxExport.text(sheet, r, c++, workshop.venue());
            XlsxExport.persons(sheet, r, c++, workshop.participants(),
                    workshop.participants() != null && plan.hidden(WorkshopCells.participants(workshop)));
            for (String code : categories) {
                XlsxExport.count(sheet, r, c++, workshop.statements().getOrDefault(code, 0L));
            }
            r++;
        }
        double[] widths = new double[header.size()];
        java.util.Arrays.fill(widths, 14);
        widths[1] = 36;
        widths[2] = 30;
        XlsxExport.finishTable(sheet, header.size(), widths);
    }

    private static void statements(Worksheet sheet, WorkshopReportData data) {
        List<String> header = List.of("Handlungsfeld", "Kategorie", "Aussage");
        XlsxExport.header(sheet, header);
        int r = 1;
        for (Map<String, ?> line : WorkshopReport.statementLines(data)) {
            XlsxExport.text(sheet, r, 0, (String) line.get("field"));
            XlsxExport.text(sheet, r, 1, (String) line.get("category"));
            XlsxExport.text(sheet, r, 2, (String) line.get("statement"));
            r++;
        }
        XlsxExport.finishTable(sheet, header.size(), 30, 14, 80);
    }
}
