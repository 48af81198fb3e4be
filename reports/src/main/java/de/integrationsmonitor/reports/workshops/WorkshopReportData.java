package de.integrationsmonitor.reports.workshops;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the Workshop-Auswertung shows for one Kreis, up to the report month.
 *
 * @param categories Klimakonferenz category code to German label, in display order (Sonne, Wolke, Gewitter, Wind)
 * @param tableVersions Delta version read per gold table shown
 */
public record WorkshopReportData(YearMonth reportMonth, String areaName, List<WorkshopRow> workshops, List<StatementRow> statements,
                                 Map<String, String> categories, Map<String, Long> tableVersions, String runId, Instant generatedAt) {
    public WorkshopReportData {
        requireNonNull(reportMonth, "reportMonth is null");
        requireNonNull(areaName, "areaName is null");
        workshops = List.copyOf(workshops);
        statements = List.copyOf(statements);
        categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
        tableVersions = Map.copyOf(tableVersions);
        requireNonNull(runId, "runId is null");
        requireNonNull(generatedAt, "generatedAt is null");
    }
}
