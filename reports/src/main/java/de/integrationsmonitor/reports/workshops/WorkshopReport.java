package de.integrationsmonitor.reports.workshops;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.charts.SizedChartRenderer;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.JasperTemplates;
import de.integrationsmonitor.reports.common.render.PdfExport;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Renders the Workshop-Auswertung: per field of action (Handlungsfeld) the workshops with date,
 * place and participants, a chart of statement counts per field and Klimakonferenz category, and
 * every statement grouped by field and category.
 */
public final class WorkshopReport {
    static final String TEMPLATE = "workshop_auswertung.jrxml";
    static final int CHART_WIDTH = 515;

    /** What each Klimakonferenz category stands for, by code. */
    static final Map<String, String> MEANINGS = Map.of("sonne", "was gut läuft", "wolke", "was unklar ist",
            "gewitter", "was sich ändern muss", "wind", "gute Ideen");

    private WorkshopReport() {}

    /** "workshop_auswertung_2026-10.pdf". */
    static String fileName(WorkshopReportData data) {
        return "workshop_auswertung_" + data.reportMonth() + ".pdf";
    }

    public static Path renderPdf(WorkshopReportData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        JasperPrint print = JasperTemplates.fill(TEMPLATE, parameters(data, plan));
        String title = "Workshop-Auswertung – " + data.areaName();
        return PdfExport.write(print, outputDir.resolve(fileName(data)),
                new PdfExport.Metadata(title, title + ", Stand " + GermanFormat.monthYear(data.reportMonth())));
    }

    static Map<String, Object> parameters(WorkshopReportData data, DisclosurePlan plan) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", "Workshop-Auswertung – " + data.areaName());
        parameters.put("SUBTITLE", subtitle(data));
        parameters.put("DATA_AS_OF", "Quelle: " + GermanFormat.versions(data.tableVersions())
                + " · Workshops bis Ende " + GermanFormat.monthYear(data.reportMonth()));
        parameters.put("FOOTER_TEXT", "Workshop-Auswertung · " + data.areaName() + " · Stand " + GermanFormat.numericMonth(data.reportMonth())
                + " · erstellt am " + GermanFormat.dateTime(data.generatedAt()) + " · Lauf " + data.runId());
        parameters.put("LEGEND", legend(data.categories()) + " " + plan.rule().legend());
        Map<String, Map<String, Long>> counts = countsPerField(data);
        parameters.put("CHART", new SizedChartRenderer(StatementsChart.chart(counts, data.categories()), CHART_WIDTH,
                StatementsChart.preferredHeight(List.copyOf(counts.keySet()))));
        parameters.put("CHART_DESCRIPTION", StatementsChart.description(counts, data.categories()));
        parameters.put("WORKSHOPS", workshopLines(data, plan));
        parameters.put("STATEMENTS", statementLines(data));
        parameters.put("STATEMENTS_NOTE", data.statements().isEmpty() ? "Keine Aussagen erfasst."
                : "In der Reihenfolge, in der sie in den Workshops notiert wurden.");
        return parameters;
    }

    /** "Stand: Oktober 2026 · 15 Workshops in 8 Handlungsfeldern · 160 Aussagen". */
    static String subtitle(WorkshopReportData data) {
        long fields = data.workshops().stream().map(WorkshopRow::fieldOfAction).distinct().count();
        return "Stand: " + GermanFormat.monthYear(data.reportMonth()) + " · " + data.workshops().size()
                + (data.workshops().size() == 1 ? " Workshop" : " Workshops") + " in " + fields
                + (fields == 1 ? " Handlungsfeld" : " Handlungsfeldern") + " · " + GermanFormat.count(data.statements().size())
                + " Aussagen";
    }

    /** "Sonne: was gut läuft · Wolke: was unklar ist · Gewitter: was sich ändern muss · Wind: gute Ideen." */
    static String legend(Map<String, String> categories) {
        return categories.entrySet().stream()
                .map(e -> e.getValue() + ": " + MEANINGS.getOrDefault(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · ")) + ".";
    }

    /** Statement counts per field of action (fields in German alphabetical order) and category code. */
    static Map<String, Map<String, Long>> countsPerField(WorkshopReportData data) {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>(Collator.getInstance(Locale.GERMAN));
        for (WorkshopRow workshop : data.workshops()) {
            Map<String, Long> field = counts.computeIfAbsent(workshop.fieldOfAction(), f -> new HashMap<>());
            workshop.statements().forEach((code, n) -> field.merge(code, n, Long::sum));
        }
        return new LinkedHashMap<>(counts);
    }

    /** Workshops by field of action (German order), then date: as the PDF and the workbook list them. */
    static List<WorkshopRow> sorted(List<WorkshopRow> workshops) {
        Collator collator = Collator.getInstance(Locale.GERMAN);
        return workshops.stream().sorted(Comparator.comparing(WorkshopRow::fieldOfAction, collator).thenComparing(WorkshopRow::date)).toList();
    }

    static List<Map<String, ?>> workshopLines(WorkshopReportData data, DisclosurePlan plan) {
        List<Map<String, ?>> lines = new ArrayList<>();
        sorted(data.workshops())
                .forEach(w -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("field", w.fieldOfAction());
                    line.put("title", w.title());
                    line.put("date", GermanFormat.date(w.date()));
                    line.put("place", w.venue() == null ? w.place() : w.place() + ", " + w.venue());
                    line.put("participants", w.participants() == null ? GermanFormat.NO_DATA
                            : plan.shown(WorkshopCells.participants(w)));
                    for (String code : List.of("sonne", "wolke", "gewitter", "wind")) {
                        line.put(code, GermanFormat.count(w.statements().getOrDefault(code, 0L)));
                    }
                    lines.add(line);
                });
        return lines;
    }

    /** Statements by field of action, category (in the order of the categories) and the order they were written down. */
    static List<Map<String, ?>> statementLines(WorkshopReportData data) {
        Collator collator = Collator.getInstance(Locale.GERMAN);
        List<String> order = List.copyOf(data.categories().keySet());
        List<Map<String, ?>> lines = new ArrayList<>();
        data.statements().stream()
                .sorted(Comparator.comparing(StatementRow::fieldOfAction, collator)
                        .thenComparingInt(s -> order.indexOf(s.weather()))
                        .thenComparing(StatementRow::date).thenComparing(StatementRow::workshopId)
                        .thenComparingInt(StatementRow::order))
                .forEach(s -> lines.add(Map.of("field", s.fieldOfAction(),
                        "category", data.categories().getOrDefault(s.weather(), s.weather()), "statement", s.statement())));
        return lines;
    }
}
