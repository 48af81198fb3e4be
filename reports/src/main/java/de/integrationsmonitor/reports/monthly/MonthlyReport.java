package de.integrationsmonitor.reports.monthly;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.integrationsmonitor.reports.charts.ParticipantsTrendChart;
import de.integrationsmonitor.reports.render.GermanFormat;
import de.integrationsmonitor.reports.render.JasperTemplates;
import de.integrationsmonitor.reports.render.PdfExport;
import net.sf.jasperreports.engine.JasperPrint;

import static java.util.Objects.requireNonNull;

/**
 * Renders the Monatsbericht (monthly report for KI leadership) as a tagged PDF with embedded
 * fonts: key figures with previous-month and previous-year comparison, the 12-month trend chart
 * and a table per Gemeinde.
 */
public final class MonthlyReport {
    static final String TEMPLATE = "monatsbericht.jrxml";

    // Template parameters; the names match monatsbericht.jrxml.
    static final String AREA_NAME = "AREA_NAME";
    static final String MONTH_LABEL = "MONTH_LABEL";
    static final String FOOTER_TEXT = "FOOTER_TEXT";
    static final String KEY_FIGURES = "KEY_FIGURES";
    static final String TREND_CHART = "TREND_CHART";
    static final String TREND_CHART_DESCRIPTION = "TREND_CHART_DESCRIPTION";
    static final String MUNICIPALITIES = "MUNICIPALITIES";
    static final String MUNICIPALITY_TOTAL = "MUNICIPALITY_TOTAL";

    private MonthlyReport() {}

    /** Writes {@code outputDir/monatsbericht_YYYY-MM.pdf} and returns its path. */
    public static Path renderPdf(MonthlyReportData data, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(outputDir, "outputDir is null");
        JasperPrint print = JasperTemplates.fill(TEMPLATE, parameters(data));
        String title = "Monatsbericht " + GermanFormat.monthYear(data.month());
        PdfExport.Metadata metadata = new PdfExport.Metadata(title, title + " – " + data.areaName());
        return PdfExport.write(print, outputDir.resolve(fileName(data)), metadata);
    }

    /** "monatsbericht_2026-10.pdf". */
    static String fileName(MonthlyReportData data) {
        return "monatsbericht_" + data.month() + ".pdf";
    }

    /** "Berichtsmonat 10/2026 · erstellt am 22.11.2026 21:15 · Lauf run-42"; the template appends the page. */
    static String footerText(MonthlyReportData data) {
        return "Berichtsmonat " + GermanFormat.numericMonth(data.month())
                + " · erstellt am " + GermanFormat.dateTime(data.generatedAt())
                + " · Lauf " + data.runId();
    }

    static Map<String, Object> parameters(MonthlyReportData data) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(AREA_NAME, data.areaName());
        parameters.put(MONTH_LABEL, GermanFormat.monthYear(data.month()));
        parameters.put(FOOTER_TEXT, footerText(data));
        parameters.put(KEY_FIGURES, data.keyFigures().stream().map(KeyFigureLine::of).toList());
        parameters.put(TREND_CHART, ParticipantsTrendChart.renderable(data.trend()));
        parameters.put(TREND_CHART_DESCRIPTION, ParticipantsTrendChart.description(data.trend()));
        List<MunicipalityLine> municipalities = data.municipalities().stream().map(MunicipalityLine::of).toList();
        parameters.put(MUNICIPALITIES, municipalities);
        parameters.put(MUNICIPALITY_TOTAL, MunicipalityLine.total(data.municipalities()));
        return parameters;
    }
}
