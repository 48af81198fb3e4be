package de.integrationsmonitor.reports.evaluation;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.XlsxExport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Worksheet;

/**
 * The evaluators' workbook: every period with value, baseline, target, attainment and status
 * (numbers as numbers, unrounded), completeness per project, the latest value and trend per project
 * and indicator, and the indicator definitions.
 */
public final class EvaluationWorkbook {
    static final List<String> VALUE_HEADER = List.of("Projekt", "Kommune", "Indikator", "Indikatorname", "Periode", "Periodenbeginn",
            "Wert", "Basiswert", "Zielwert", "Zielerreichung", "Status");
    static final List<String> COMPLETENESS_HEADER = List.of("Projekt", "Kommune", "erwartete Perioden", "gelieferte Perioden",
            "Anteil geliefert", "fehlende Perioden");
    static final List<String> TREND_HEADER = List.of("Projekt", "Indikator", "jüngste Periode", "jüngster Wert", "Status",
            "Veränderung zur Vorperiode", "Trend (letzte 4 Perioden)");
    static final List<String> DEFINITION_HEADER = List.of("Indikator", "Name", "Einheit", "Richtung", "Zielwert", "Basiswert",
            "Periodentyp", "Beschreibung");

    static final List<String> WAIT_HEADER = List.of("Projekt", "Kommune", "Meilenstein", "Kohorte (Zuzug)", "Fälle", "erreicht",
            "noch wartend", "Grenze (Tage)", "Anteil bis Grenze (Kaplan–Meier)", "95-%-Intervall unten", "95-%-Intervall oben",
            "Median (Tage)", "naiver Anteil");

    private EvaluationWorkbook() {}

    public static Path write(EvaluationData data, Path outputDir) {
        requireNonNull(data, "data is null");
        return XlsxExport.write(outputDir.resolve(EvaluationReport.fileName(data, "xlsx")),
                "Modellprojekt-Evaluation " + data.program() + " " + GermanFormat.monthYear(data.reportMonth()), workbook -> {
                    Map<String, EvaluationData.Project> projects = data.projects().stream()
                            .collect(Collectors.toMap(EvaluationData.Project::id, p -> p));
                    Map<String, EvaluationData.Indicator> indicators = data.indicators().stream()
                            .collect(Collectors.toMap(EvaluationData.Indicator::id, i -> i));
                    values(workbook.newWorksheet("Werte"), data, projects, indicators);
                    completeness(workbook.newWorksheet("Vollständigkeit"), data, projects);
                    trends(workbook.newWorksheet("Trend"), data);
                    definitions(workbook.newWorksheet("Indikatoren"), data);
                    if (!data.waiting().waits().isEmpty()) {
                        waits(workbook.newWorksheet("Wartezeiten"), data, projects);
                    }
                });
    }

    private static void values(Worksheet sheet, EvaluationData data, Map<String, EvaluationData.Project> projects,
                               Map<String, EvaluationData.Indicator> indicators) {
        XlsxExport.header(sheet, VALUE_HEADER);
        int r = 1;
        for (EvaluationData.Period period : data.periods()) {
            EvaluationData.Project project = projects.get(period.projectId());
            EvaluationData.Indicator indicator = indicators.get(period.indicatorId());
            XlsxExport.text(sheet, r, 0, period.projectId());
            XlsxExport.text(sheet, r, 1, project == null ? "" : project.municipality());
            XlsxExport.text(sheet, r, 2, period.indicatorId());
            XlsxExport.text(sheet, r, 3, indicator == null ? "" : indicator.name());
            XlsxExport.text(sheet, r, 4, period.period());
            sheet.value(r, 5, period.periodStart());
            sheet.style(r, 5).format("dd.mm.yyyy").set();
            XlsxExport.decimal(sheet, r, 6, period.value());
            XlsxExport.decimal(sheet, r, 7, period.baseline());
            XlsxExport.decimal(sheet, r, 8, period.target());
            XlsxExport.decimal(sheet, r, 9, period.attainment());
            XlsxExport.text(sheet, r, 10, period.status());
            r++;
        }
        XlsxExport.finishTable(sheet, VALUE_HEADER.size(), 10, 22, 10, 40, 10, 13, 11, 11, 11, 13, 13);
    }

    private static void completeness(Worksheet sheet, EvaluationData data, Map<String, EvaluationData.Project> projects) {
        XlsxExport.header(sheet, COMPLETENESS_HEADER);
        int r = 1;
        for (EvaluationData.Completeness c : data.completeness()) {
            XlsxExport.text(sheet, r, 0, c.projectId());
            XlsxExport.text(sheet, r, 1, projects.containsKey(c.projectId()) ? projects.get(c.projectId()).municipality() : "");
            XlsxExport.count(sheet, r, 2, c.expected());
            XlsxExport.count(sheet, r, 3, c.delivered());
            XlsxExport.decimal(sheet, r, 4, c.share());
            XlsxExport.text(sheet, r, 5, c.missing() == null ? "" : c.missing());
            r++;
        }
        XlsxExport.finishTable(sheet, COMPLETENESS_HEADER.size(), 10, 22, 12, 12, 12, 80);
    }

    private static void trends(Worksheet sheet, EvaluationData data) {
        XlsxExport.header(sheet, TREND_HEADER);
        int r = 1;
        for (EvaluationData.Trend t : data.trends()) {
            XlsxExport.text(sheet, r, 0, t.projectId());
            XlsxExport.text(sheet, r, 1, t.indicatorId());
            XlsxExport.text(sheet, r, 2, t.latestPeriod() == null ? "" : t.latestPeriod());
            XlsxExport.decimal(sheet, r, 3, t.latestValue());
            XlsxExport.text(sheet, r, 4, t.latestStatus() == null ? "keine Daten" : t.latestStatus());
            XlsxExport.decimal(sheet, r, 5, t.change());
            XlsxExport.text(sheet, r, 6, t.trend());
            r++;
        }
        XlsxExport.finishTable(sheet, TREND_HEADER.size(), 10, 10, 12, 12, 13, 14, 16);
    }

    private static void definitions(Worksheet sheet, EvaluationData data) {
        XlsxExport.header(sheet, DEFINITION_HEADER);
        int r = 1;
        for (EvaluationData.Indicator i : data.indicators()) {
            XlsxExport.text(sheet, r, 0, i.id());
            XlsxExport.text(sheet, r, 1, i.name());
            XlsxExport.text(sheet, r, 2, i.unit());
            XlsxExport.text(sheet, r, 3, i.direction());
            XlsxExport.decimal(sheet, r, 4, i.target());
            XlsxExport.decimal(sheet, r, 5, i.baseline());
            XlsxExport.text(sheet, r, 6, i.periodType());
            XlsxExport.text(sheet, r, 7, i.description() == null ? "" : i.description());
            r++;
        }
        XlsxExport.finishTable(sheet, DEFINITION_HEADER.size(), 10, 40, 10, 20, 10, 10, 12, 80);
    }

    /**
     * Every row of gold.time_to_event of the programme: counts of cases as shown in the PDF ("•" where protected, as
     * text), shares as numbers where none of the row's counts is protected.
     */
    private static void waits(Worksheet sheet, EvaluationData data, Map<String, EvaluationData.Project> projects) {
        WaitingSection section = new WaitingSection(data);
        XlsxExport.header(sheet, WAIT_HEADER);
        int r = 1;
        for (EvaluationData.Wait w : data.waiting().waits()) {
            boolean shown = section.shown(w);
            XlsxExport.text(sheet, r, 0, w.projectId());
            XlsxExport.text(sheet, r, 1, projects.containsKey(w.projectId()) ? projects.get(w.projectId()).municipality() : "");
            XlsxExport.text(sheet, r, 2, w.milestone());
            XlsxExport.text(sheet, r, 3, WaitingSection.cohortLabel(w.cohort()));
            List<String> counts = section.shownCounts(w);
            for (int i = 0; i < counts.size(); i++) {
                long value = i == 0 ? w.cases() : i == 1 ? w.events() : w.censored();
                if (counts.get(i).equals(de.integrationsmonitor.reports.common.disclosure.SmallCounts.MARK)) {
                    XlsxExport.text(sheet, r, 4 + i, counts.get(i));
                } else {
                    XlsxExport.count(sheet, r, 4 + i, value);
                }
            }
            XlsxExport.count(sheet, r, 7, (long) w.limitDays());
            XlsxExport.decimal(sheet, r, 8, shown ? w.share() : null);
            XlsxExport.decimal(sheet, r, 9, shown ? w.lower() : null);
            XlsxExport.decimal(sheet, r, 10, shown ? w.upper() : null);
            XlsxExport.decimal(sheet, r, 11, shown && w.medianDays() != null ? w.medianDays().doubleValue() : null);
            XlsxExport.decimal(sheet, r, 12, shown ? w.naiveShare() : null);
            r++;
        }
        XlsxExport.finishTable(sheet, WAIT_HEADER.size(), 10, 22, 16, 16, 8, 9, 10, 9, 14, 12, 12, 10, 10);
    }
}
