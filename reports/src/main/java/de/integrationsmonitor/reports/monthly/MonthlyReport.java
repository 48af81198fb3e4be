package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.JasperTemplates;
import de.integrationsmonitor.reports.common.render.PdfExport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

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
    static final String DATA_AS_OF = "DATA_AS_OF";
    static final String QUALITY = "QUALITY";
    static final String QUALITY_SUMMARY = "QUALITY_SUMMARY";
    static final String SMALL_COUNT_LEGEND = "SMALL_COUNT_LEGEND";
    static final String CATEGORIES = "CATEGORIES";
    static final String TOP_GAPS_TABLE = "TOP_GAPS";
    static final String TOP_GAPS_NOTE = "TOP_GAPS_NOTE";

    /** How many coverage gaps the Monatsbericht lists. */
    public static final int TOP_GAPS = 10;

    private MonthlyReport() {}

    /** Writes {@code outputDir/monatsbericht_YYYY-MM.pdf} and returns its path. */
    public static Path renderPdf(MonthlyReportData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(outputDir, "outputDir is null");
        JasperPrint print = JasperTemplates.fill(TEMPLATE, parameters(data, plan));
        String title = "Monatsbericht " + GermanFormat.monthYear(data.month());
        PdfExport.Metadata metadata = new PdfExport.Metadata(title, title + " – " + data.areaName());
        return PdfExport.write(print, outputDir.resolve(fileName(data)), metadata);
    }

    /** "monatsbericht_2026-10.pdf". */
    static String fileName(MonthlyReportData data) {
        return fileName(data.month());
    }

    /** "monatsbericht_2026-10.pdf". */
    public static String fileName(java.time.YearMonth month) {
        return "monatsbericht_" + month + ".pdf";
    }

    /**
     * "Berichtsmonat 10/2026 · Datenstand 28.10.2026 · erstellt am 22.11.2026 21:15 · Lauf run-42";
     * the template appends the page.
     */
    static String footerText(MonthlyReportData data) {
        LocalDate asOf = data.dataAsOf() == null ? null : data.dataAsOf().latest();
        return "Berichtsmonat " + GermanFormat.numericMonth(data.month())
                + (asOf == null ? "" : " · Datenstand " + GermanFormat.date(asOf))
                + " · erstellt am " + GermanFormat.dateTime(data.generatedAt())
                + " · Lauf " + data.runId();
    }

    /** "Datenstand: Angebote vom 01.10.2026, Teilnahme gemeldet bis 28.10.2026", or null. */
    static String dataAsOfText(DataAsOf asOf) {
        if (asOf == null || asOf.latest() == null) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (asOf.offersSnapshot() != null) {
            parts.add("Angebote vom " + GermanFormat.date(asOf.offersSnapshot()));
        }
        parts.add(asOf.lastEvent() == null ? "keine Teilnahme gemeldet" : "Teilnahme gemeldet bis " + GermanFormat.date(asOf.lastEvent()));
        return "Datenstand: " + String.join(", ", parts);
    }

    /**
     * The key figures in order, with "Anteil Frauen" after "davon weiblich" and "Anteil
     * Neuzugewanderte" after "davon neuzugewandert" (shares of "Teilnehmende").
     */
    static List<KeyFigureLine> keyFigureLines(MonthlyReportData data, DisclosurePlan plan) {
        List<KeyFigure> figures = data.keyFigures();
        KeyFigure participants = figures.stream().filter(f -> f.label().equals(KeyFigure.PARTICIPANTS)).findFirst().orElse(null);
        List<KeyFigureLine> lines = new java.util.ArrayList<>();
        for (KeyFigure figure : figures) {
            lines.add(KeyFigureLine.of(figure, hidden(data, figure, plan)));
            if (participants != null && figure.label().equals(KeyFigure.FEMALE)) {
                lines.add(KeyFigureLine.share("Anteil Frauen", figure, hidden(data, figure, plan), participants,
                        hidden(data, participants, plan)));
            }
            if (participants != null && figure.label().equals(KeyFigure.NEWCOMERS)) {
                lines.add(KeyFigureLine.share("Anteil Neuzugewanderte", figure, hidden(data, figure, plan), participants,
                        hidden(data, participants, plan)));
            }
        }
        return lines;
    }

    /** Which of the figure's month, month before and year before the plan hides. */
    static KeyFigureLine.Hidden hidden(MonthlyReportData data, KeyFigure figure, DisclosurePlan plan) {
        return new KeyFigureLine.Hidden(MonthlyCells.hidden(plan, data, figure, figure.value(), data.month()),
                MonthlyCells.hidden(plan, data, figure, figure.previousMonth(), data.month().minusMonths(1)),
                MonthlyCells.hidden(plan, data, figure, figure.previousYear(), data.month().minusYears(1)));
    }

    static List<java.util.Map<String, ?>> categoryLines(MonthlyReportData data, DisclosurePlan plan) {
        List<java.util.Map<String, ?>> lines = new java.util.ArrayList<>();
        for (CategoryRow row : data.categories()) {
            lines.add(java.util.Map.of("label", row.label(), "events", GermanFormat.count(row.events()),
                    "participants", plan.shown(MonthlyCells.category(data, row))));
        }
        return lines;
    }

    static List<java.util.Map<String, ?>> topGapLines(List<TopGap> gaps, DisclosurePlan plan) {
        List<java.util.Map<String, ?>> lines = new java.util.ArrayList<>();
        int rank = 0;
        for (TopGap gap : gaps) {
            lines.add(java.util.Map.of("rank", String.valueOf(++rank), "place", gap.place(), "dimension", gap.dimension(),
                    "value", gap.value(),
                    "demand", plan.shown(gap.demandCell()),
                    "offers", GermanFormat.count(gap.offers()), "expected", GermanFormat.decimal(gap.expected(), 1),
                    "shortfall", GermanFormat.decimal(gap.shortfall(), 1), "index", GermanFormat.decimal(gap.coverageIndex(), 2)));
        }
        return lines;
    }

    static String qualitySummary(List<QualityNote> notes) {
        if (notes.isEmpty()) {
            return "Alle Prüfungen ohne Befund; keine Eingabezeile wurde abgewiesen.";
        }
        return "Befunde der Prüfungen dieses Laufs und abgewiesene Eingabezeilen (Tabelle silver.quarantine).";
    }

    static Map<String, Object> parameters(MonthlyReportData data, DisclosurePlan plan) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(AREA_NAME, data.areaName());
        parameters.put(MONTH_LABEL, GermanFormat.monthYear(data.month()));
        parameters.put(FOOTER_TEXT, footerText(data));
        parameters.put(KEY_FIGURES, keyFigureLines(data, plan));
        java.util.Set<java.time.YearMonth> hiddenMonths = MonthlyCells.hiddenTrendMonths(plan, data);
        parameters.put(TREND_CHART, ParticipantsTrendChart.renderable(data.trend(), hiddenMonths));
        parameters.put(TREND_CHART_DESCRIPTION, ParticipantsTrendChart.description(data.trend(), hiddenMonths));
        List<MunicipalityLine> lines = MunicipalityLine.lines(data, plan);
        parameters.put(MUNICIPALITIES, lines.subList(0, lines.size() - 1));
        parameters.put(MUNICIPALITY_TOTAL, lines.get(lines.size() - 1));
        parameters.put(SMALL_COUNT_LEGEND, plan.rule().legend());
        parameters.put(CATEGORIES, categoryLines(data, plan));
        parameters.put("PROJECT_STATUS", data.projectStatus().stream().map(p -> java.util.Map.of(
                "status", de.integrationsmonitor.reports.evaluation.EvaluationReport.statusText(p.status()),
                "indicators", GermanFormat.count(p.indicators()))).toList());
        parameters.put("PROJECT_NOTE", data.projectNote());
        parameters.put(TOP_GAPS_TABLE, topGapLines(data.topGaps(), plan));
        parameters.put(TOP_GAPS_NOTE, data.topGaps().isEmpty()
                ? "Keine Versorgungslücke in diesem Monat."
                : "Die " + data.topGaps().size() + " größten Versorgungslücken nach Fehlbedarf (erwartete minus aktive Angebote); "
                        + "alle Lücken, Heatmaps und die Methode im Bericht „Versorgungslücken“.");
        parameters.put(DATA_AS_OF, dataAsOfText(data.dataAsOf()));
        parameters.put(QUALITY, data.dataQuality().stream().map(QualityLine::of).toList());
        parameters.put(QUALITY_SUMMARY, qualitySummary(data.dataQuality()));
        return parameters;
    }
}
