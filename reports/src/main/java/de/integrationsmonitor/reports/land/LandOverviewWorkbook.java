package de.integrationsmonitor.reports.land;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.XlsxExport;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/**
 * The Landesübersicht's tables as XLSX: one row per area (key figures, gaps, peers, delivery) and the model projects.
 * Numbers are numeric cells; an empty cell means "keine Lieferung" (the "Lieferung" column says so), counts of persons
 * get the same small-count protection as the PDF.
 */
public final class LandOverviewWorkbook {
    static final List<String> AREA_HEADER = List.of("Kennziffer", "Kreis / kreisfreie Stadt", "Regierungsbezirk", "Einwohner",
            "aktive Angebote", "aktive Angebote Vormonat", "Angebote je 10.000 Einwohner", "Veranstaltungen", "Teilnehmende",
            "Teilnehmende Vormonat", "Workshops", "Lücken", "fehlende Angebote", "größte Lücken nach Sprache",
            "Median Angebote je 10.000 der Vergleichsgebiete", "Vergleichsgebiete", "Lieferung");
    static final List<String> PROJECT_HEADER = List.of("Kreis / kreisfreie Stadt", "Kommune", "Projekt", "Titel",
            "jüngster Status der Indikatoren");

    private LandOverviewWorkbook() {}

    /** "landesuebersicht_2026-10.xlsx". */
    static String fileName(LandOverviewData data) {
        return "landesuebersicht_" + data.month() + ".xlsx";
    }

    public static Path write(LandOverviewData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        return XlsxExport.write(outputDir.resolve(fileName(data)), "Landesübersicht " + GermanFormat.monthYear(data.month()), workbook -> {
            areas(workbook.newWorksheet("Gebiete"), data, plan);
            projects(workbook.newWorksheet("Modellprojekte"), data);
        });
    }

    private static void areas(Worksheet sheet, LandOverviewData data, DisclosurePlan plan) {
        XlsxExport.header(sheet, AREA_HEADER);
        int r = 1;
        for (LandOverviewData.AreaLine area : data.areas()) {
            XlsxExport.text(sheet, r, 0, area.id());
            XlsxExport.text(sheet, r, 1, area.name());
            XlsxExport.text(sheet, r, 2, area.regierungsbezirk());
            XlsxExport.count(sheet, r, 3, area.population());
            XlsxExport.count(sheet, r, 4, area.offersActive());
            XlsxExport.count(sheet, r, 5, area.offersPrevious());
            XlsxExport.decimal(sheet, r, 6, area.offersPer10k());
            XlsxExport.count(sheet, r, 7, area.events());
            XlsxExport.persons(sheet, r, 8, area.participants(), area.participants() != null && plan.hidden(LandCells.participants(data, area)));
            XlsxExport.persons(sheet, r, 9, area.participantsPrevious(),
                    area.participantsPrevious() != null && plan.hidden(LandCells.participantsPrevious(data, area)));
            XlsxExport.count(sheet, r, 10, area.workshops());
            XlsxExport.count(sheet, r, 11, area.gaps());
            XlsxExport.decimal(sheet, r, 12, area.shortfall());
            XlsxExport.text(sheet, r, 13, String.join(", ", area.topLanguages()));
            XlsxExport.decimal(sheet, r, 14, area.peerMedianPer10k());
            XlsxExport.text(sheet, r, 15, String.join(", ", area.peers()));
            XlsxExport.text(sheet, r, 16, area.delivered() ? "vorhanden" : LandOverview.NOT_DELIVERED);
            r++;
        }
        XlsxExport.finishTable(sheet, AREA_HEADER.size(), 10, 28, 16, 12, 10, 10, 12, 12, 12, 12, 10, 10, 12, 30, 14, 60, 16);
    }

    private static void projects(Worksheet sheet, LandOverviewData data) {
        XlsxExport.header(sheet, PROJECT_HEADER);
        int r = 1;
        for (LandOverviewData.ProjectLine project : data.projects()) {
            XlsxExport.text(sheet, r, 0, project.area());
            XlsxExport.text(sheet, r, 1, project.municipality());
            XlsxExport.text(sheet, r, 2, project.projectId());
            XlsxExport.text(sheet, r, 3, project.title());
            XlsxExport.text(sheet, r, 4, LandOverview.statusText(project.statusCounts()));
            r++;
        }
        XlsxExport.finishTable(sheet, PROJECT_HEADER.size(), 28, 24, 10, 50, 40);
    }
}
