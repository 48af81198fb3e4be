package de.integrationsmonitor.reports.evaluation;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.AttainmentStatus;
import de.integrationsmonitor.reports.common.charts.Heatmap;
import de.integrationsmonitor.reports.common.charts.SizedChartRenderer;
import de.integrationsmonitor.reports.common.render.FileNames;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.JasperTemplates;
import de.integrationsmonitor.reports.common.render.PdfExport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Renders the Modellprojekt-Evaluation of one programme: an overview matrix of projects × indicators
 * with the latest status (colour and symbol and word), one page per project with its indicators and a
 * chart of values, target and baseline over the periods ("keine Daten" as gaps), a comparison of the
 * model municipalities in the latest period, the completeness of deliveries and the indicator
 * definitions. Where case milestones were delivered, each project page has its waiting time until Kursbeginn
 * ({@link WaitingSection}).
 */
public final class EvaluationReport {
    static final String TEMPLATE = "modellprojekt_evaluation.jrxml";
    static final int CHART_WIDTH = 515;

    /** Status words of the data contract with their symbol and heatmap shade. */
    static final Map<String, String> SYMBOLS = Map.of("erreicht", "✔", "auf Kurs", "↗", "gefährdet", "⚠", "verfehlt", "✖",
            "keine Daten", "–", "ohne Ziel", "○");
    static final Map<String, Heatmap.Shade> SHADES = Map.of("erreicht", Heatmap.Shade.HIGH, "auf Kurs", Heatmap.Shade.MEDIUM,
            "gefährdet", Heatmap.Shade.LOW, "verfehlt", Heatmap.Shade.ZERO, "keine Daten", Heatmap.Shade.NEUTRAL,
            "ohne Ziel", Heatmap.Shade.NEUTRAL);

    private EvaluationReport() {}

    /** "modellprojekt_evaluation_einwanderung-gestalten-nrw_2026-10.pdf". */
    static String fileName(EvaluationData data, String extension) {
        String asOf = data.asOf() == null ? "" : "_stand-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(data.asOf());
        return "modellprojekt_evaluation_" + FileNames.slug(data.program()) + "_" + data.reportMonth() + asOf + "." + extension;
    }

    public static Path renderPdf(EvaluationData data, Path outputDir) {
        requireNonNull(data, "data is null");
        JasperPrint print = JasperTemplates.fill(TEMPLATE, parameters(data), new JRMapCollectionDataSource(projectRecords(data)));
        String title = "Modellprojekt-Evaluation – " + data.program();
        return PdfExport.write(print, outputDir.resolve(fileName(data, "pdf")),
                new PdfExport.Metadata(title, title + ", Stand " + GermanFormat.monthYear(data.reportMonth())));
    }

    /** "✔ erreicht". */
    public static String statusText(String status) {
        return status == null ? "– keine Daten" : SYMBOLS.getOrDefault(status, "") + " " + status;
    }

    /** A value in the indicator's unit: a share in percent ("45,0 %"), else a number ("32,5", "12"). */
    static String value(Double value, EvaluationData.Indicator indicator) {
        if (value == null) {
            return GermanFormat.NO_DATA;
        }
        if (indicator != null && "Anteil".equals(indicator.unit())) {
            return GermanFormat.decimal(value * 100, 1) + " %";
        }
        return GermanFormat.decimal(value, value == Math.rint(value) ? 0 : 1);
    }

    static Map<String, Object> parameters(EvaluationData data) {
        Map<String, EvaluationData.Indicator> indicators = indicatorsById(data);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", "Modellprojekt-Evaluation – " + data.program());
        parameters.put("SUBTITLE", "Stand: " + GermanFormat.monthYear(data.reportMonth()) + " · " + data.projects().size() + " Projekte · "
                + data.indicators().size() + " Indikatoren");
        parameters.put("DATA_AS_OF", (data.asOf() == null ? "" : "Datenstand wie am " + GermanFormat.dateTime(data.asOf())
                + " (Zeitreise in den Delta-Tabellen) · ") + "Datenversion: " + GermanFormat.versions(data.tableVersions())
                + " · Perioden bis Ende " + GermanFormat.monthYear(data.reportMonth()));
        parameters.put("FOOTER_TEXT", "Modellprojekt-Evaluation · " + data.program() + " · Stand "
                + GermanFormat.numericMonth(data.reportMonth()) + " · erstellt am " + GermanFormat.dateTime(data.generatedAt())
                + " · Lauf " + data.runId());
        List<String> rows = data.projects().stream().map(EvaluationReport::projectLabel).toList();
        List<String> columns = data.indicators().stream().map(EvaluationData.Indicator::id).toList();
        parameters.put("MATRIX", new SizedChartRenderer(Heatmap.chart(rows, columns, matrixCells(data), legend()), CHART_WIDTH,
                Heatmap.preferredHeight(rows.size())));
        parameters.put("MATRIX_DESCRIPTION", "Übersicht: jüngster Status je Projekt und Indikator. " + statusCounts(data));
        parameters.put("STATUS_COUNTS", statusCounts(data));
        parameters.put("OVERVIEW", overviewLines(data, indicators));
        parameters.put("COMPARISON", comparisonLines(data, indicators));
        parameters.put("COMPLETENESS", completenessLines(data));
        parameters.put("DEFINITIONS", definitionLines(data));
        parameters.put("METHOD", data.waiting().waits().isEmpty() ? null : WaitingSection.method(data));
        return parameters;
    }

    /** "EGN-01 Bielefeld". */
    static String projectLabel(EvaluationData.Project project) {
        return project.id() + " " + project.municipality();
    }

    /** Latest reported status per project and indicator, as heatmap cells (colour, symbol and word). */
    static List<Heatmap.Cell> matrixCells(EvaluationData data) {
        Map<String, EvaluationData.Project> projects = data.projects().stream()
                .collect(Collectors.toMap(EvaluationData.Project::id, p -> p));
        List<Heatmap.Cell> cells = new ArrayList<>();
        for (EvaluationData.Trend trend : data.trends()) {
            EvaluationData.Project project = projects.get(trend.projectId());
            if (project == null) {
                continue;
            }
            String status = trend.latestStatus() == null ? "keine Daten" : trend.latestStatus();
            cells.add(new Heatmap.Cell(projectLabel(project), trend.indicatorId(), SHADES.getOrDefault(status, Heatmap.Shade.NEUTRAL),
                    statusText(status), false));
        }
        return cells;
    }

    static Map<Heatmap.Shade, String> legend() {
        Map<Heatmap.Shade, String> legend = new LinkedHashMap<>();
        legend.put(Heatmap.Shade.HIGH, "✔ erreicht");
        legend.put(Heatmap.Shade.MEDIUM, "↗ auf Kurs");
        legend.put(Heatmap.Shade.LOW, "⚠ gefährdet");
        legend.put(Heatmap.Shade.ZERO, "✖ verfehlt");
        legend.put(Heatmap.Shade.NEUTRAL, "– keine Daten / ○ ohne Ziel");
        return legend;
    }

    /** "Jüngster Status: 5 erreicht, 10 auf Kurs, 3 gefährdet, 1 verfehlt, 2 ohne Ziel." */
    static String statusCounts(EvaluationData data) {
        Map<String, Long> counts = data.trends().stream()
                .collect(Collectors.groupingBy(t -> t.latestStatus() == null ? "keine Daten" : t.latestStatus(), Collectors.counting()));
        return "Jüngster Status: " + AttainmentStatus.labels().stream().filter(counts::containsKey)
                .map(s -> counts.get(s) + " " + s).collect(Collectors.joining(", ")) + ".";
    }

    /** One line per project and indicator for the overview table (screen readers read the matrix from here). */
    static List<Map<String, ?>> overviewLines(EvaluationData data, Map<String, EvaluationData.Indicator> indicators) {
        Map<String, EvaluationData.Project> projects = data.projects().stream()
                .collect(Collectors.toMap(EvaluationData.Project::id, p -> p));
        List<Map<String, ?>> lines = new ArrayList<>();
        for (EvaluationData.Trend trend : data.trends()) {
            EvaluationData.Indicator indicator = indicators.get(trend.indicatorId());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("project", projectLabel(projects.get(trend.projectId())));
            line.put("indicator", trend.indicatorId() + " " + (indicator == null ? "" : indicator.name()));
            line.put("period", trend.latestPeriod() == null ? GermanFormat.NO_DATA : trend.latestPeriod());
            line.put("value", value(trend.latestValue(), indicator));
            line.put("status", statusText(trend.latestStatus()));
            line.put("trend", trend.trend());
            lines.add(line);
        }
        return lines;
    }

    /** The detail records: one per project with its chart and indicator lines. */
    static List<Map<String, ?>> projectRecords(EvaluationData data) {
        Map<String, EvaluationData.Indicator> indicators = indicatorsById(data);
        Map<String, EvaluationData.Completeness> completeness = data.completeness().stream()
                .collect(Collectors.toMap(EvaluationData.Completeness::projectId, c -> c));
        WaitingSection waiting = new WaitingSection(data);
        List<Map<String, ?>> records = new ArrayList<>();
        for (EvaluationData.Project project : data.projects()) {
            Map<String, List<EvaluationData.Period>> byIndicator = new LinkedHashMap<>();
            data.periods().stream().filter(p -> p.projectId().equals(project.id()))
                    .forEach(p -> byIndicator.computeIfAbsent(p.indicatorId(), k -> new ArrayList<>()).add(p));
            List<IndicatorChart.Panel> panels = new ArrayList<>();
            byIndicator.forEach((id, periods) -> panels.add(panel(indicators.get(id), id, periods)));
            Map<String, Object> record = new HashMap<>();
            record.put("heading", project.id() + " · " + project.municipality() + ": " + project.title());
            record.put("facts", facts(project, completeness.get(project.id())));
            record.put("chart", panels.isEmpty() ? null
                    : new SizedChartRenderer(IndicatorChart.chart(panels), CHART_WIDTH, IndicatorChart.preferredHeight(panels.size())));
            record.put("chartDescription", chartDescription(project, byIndicator, indicators));
            record.put("lines", data.trends().stream().filter(t -> t.projectId().equals(project.id()))
                    .map(t -> indicatorLine(t, indicators.get(t.indicatorId()))).toList());
            record.putAll(waiting.fields(project));
            records.add(record);
        }
        return records;
    }

    private static IndicatorChart.Panel panel(EvaluationData.Indicator indicator, String id, List<EvaluationData.Period> periods) {
        List<IndicatorChart.Point> points = new ArrayList<>();
        for (EvaluationData.Period period : periods) {
            points.add(new IndicatorChart.Point(period.periodStart(), periodEnd(period.periodStart(), indicator), period.value(),
                    period.target(), period.baseline()));
        }
        String unit = indicator == null ? "" : " · " + indicator.unit();
        return new IndicatorChart.Panel(id + unit, indicator != null && "Anteil".equals(indicator.unit()), points);
    }

    private static LocalDate periodEnd(LocalDate start, EvaluationData.Indicator indicator) {
        String type = indicator == null ? "Monat" : indicator.periodType();
        return switch (type) {
            case "Quartal" -> start.plusMonths(3).minusDays(1);
            case "Jahr" -> start.plusYears(1).minusDays(1);
            default -> start.plusMonths(1).minusDays(1);
        };
    }

    /** "Laufzeit 01.01.2024 bis 31.12.2027 · Zielgruppe: … · Vollständigkeit 89,2 % (91 von 102 Perioden geliefert)". */
    static String facts(EvaluationData.Project project, EvaluationData.Completeness completeness) {
        List<String> parts = new ArrayList<>();
        parts.add("Laufzeit " + (project.start() == null ? "offen" : GermanFormat.date(project.start())) + " bis "
                + (project.end() == null ? "offen" : GermanFormat.date(project.end())));
        if (project.targetGroup() != null) {
            parts.add("Zielgruppe: " + project.targetGroup());
        }
        if (completeness != null) {
            parts.add("Vollständigkeit " + GermanFormat.decimal(completeness.share() == null ? null : completeness.share() * 100, 1)
                    + " % (" + completeness.delivered() + " von " + completeness.expected() + " Perioden geliefert)");
        }
        return String.join(" · ", parts);
    }

    static String chartDescription(EvaluationData.Project project, Map<String, List<EvaluationData.Period>> byIndicator,
                                   Map<String, EvaluationData.Indicator> indicators) {
        List<String> parts = new ArrayList<>();
        byIndicator.forEach((id, periods) -> {
            long missing = periods.stream().filter(p -> p.value() == null).count();
            Optional<EvaluationData.Period> last = periods.stream().filter(p -> p.value() != null).reduce((a, b) -> b);
            parts.add(id + ": " + periods.size() + " Perioden, " + missing + " ohne Daten"
                    + last.map(p -> ", zuletzt " + value(p.value(), indicators.get(id)) + " in " + p.period() + " (" + p.status() + ")")
                    .orElse(""));
        });
        return "Diagramm " + project.id() + ": Werte, Ziel und Basiswert je Periode. " + String.join("; ", parts) + ".";
    }

    static Map<String, ?> indicatorLine(EvaluationData.Trend trend, EvaluationData.Indicator indicator) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("indicator", trend.indicatorId() + " " + (indicator == null ? "" : indicator.name()));
        line.put("period", trend.latestPeriod() == null ? GermanFormat.NO_DATA : trend.latestPeriod());
        line.put("value", value(trend.latestValue(), indicator));
        line.put("status", statusText(trend.latestStatus()));
        line.put("change", change(trend.change(), indicator));
        line.put("trend", trend.trend());
        return line;
    }

    /** A change in the indicator's unit, signed; a share changes in percentage points ("+1,0 Pp."). */
    static String change(Double change, EvaluationData.Indicator indicator) {
        if (change == null) {
            return GermanFormat.NO_DATA;
        }
        String sign = change > 0 ? "+" : "";
        if (indicator != null && "Anteil".equals(indicator.unit())) {
            return sign + GermanFormat.decimal(change * 100, 1) + " Pp.";
        }
        return sign + value(change, indicator);
    }

    /** Per indicator the municipalities in their latest reported period, best first in the indicator's direction. */
    static List<Map<String, ?>> comparisonLines(EvaluationData data, Map<String, EvaluationData.Indicator> indicators) {
        Map<String, EvaluationData.Project> projects = data.projects().stream()
                .collect(Collectors.toMap(EvaluationData.Project::id, p -> p));
        List<Map<String, ?>> lines = new ArrayList<>();
        for (EvaluationData.Indicator indicator : data.indicators()) {
            boolean lowerIsBetter = "niedriger ist besser".equals(indicator.direction());
            Comparator<EvaluationData.Trend> best = Comparator.comparing(t -> t.latestValue() == null ? null
                    : (lowerIsBetter ? t.latestValue() : -t.latestValue()), Comparator.nullsLast(Comparator.naturalOrder()));
            data.trends().stream().filter(t -> t.indicatorId().equals(indicator.id())).sorted(best).forEach(t -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("indicator", indicator.id());
                line.put("project", projectLabel(projects.get(t.projectId())));
                line.put("period", t.latestPeriod() == null ? GermanFormat.NO_DATA : t.latestPeriod());
                line.put("value", value(t.latestValue(), indicator));
                line.put("status", statusText(t.latestStatus()));
                lines.add(line);
            });
        }
        return lines;
    }

    static List<Map<String, ?>> completenessLines(EvaluationData data) {
        Map<String, EvaluationData.Project> projects = data.projects().stream()
                .collect(Collectors.toMap(EvaluationData.Project::id, p -> p));
        List<Map<String, ?>> lines = new ArrayList<>();
        for (EvaluationData.Completeness c : data.completeness()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("project", projectLabel(projects.get(c.projectId())));
            line.put("expected", GermanFormat.count(c.expected()));
            line.put("delivered", GermanFormat.count(c.delivered()));
            line.put("share", c.share() == null ? GermanFormat.NO_DATA : GermanFormat.decimal(c.share() * 100, 1) + " %");
            line.put("missing", c.missing() == null || c.missing().isEmpty() ? "–" : c.missing());
            lines.add(line);
        }
        return lines;
    }

    static List<Map<String, ?>> definitionLines(EvaluationData data) {
        List<Map<String, ?>> lines = new ArrayList<>();
        for (EvaluationData.Indicator indicator : data.indicators()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", indicator.id());
            line.put("name", indicator.name());
            line.put("unit", indicator.unit());
            line.put("direction", indicator.direction());
            line.put("target", indicator.target() == null ? "–" : value(indicator.target(), indicator));
            line.put("baseline", indicator.baseline() == null ? "–" : value(indicator.baseline(), indicator));
            line.put("periodType", indicator.periodType());
            line.put("description", indicator.description() == null ? "" : indicator.description());
            lines.add(line);
        }
        return lines;
    }

    private static Map<String, EvaluationData.Indicator> indicatorsById(EvaluationData data) {
        return data.indicators().stream().collect(Collectors.toMap(EvaluationData.Indicator::id, i -> i));
    }
}
