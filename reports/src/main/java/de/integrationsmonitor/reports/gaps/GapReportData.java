package de.integrationsmonitor.reports.gaps;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the Versorgungslücken report shows for one Kreis and month.
 *
 * @param gemeinden the Kreis's Gemeinden, sorted by name
 * @param labels display label per code, per dimension (language, age_group, gender, migration,
 *     category), in the order values are listed
 * @param offersSnapshot the offers snapshot that describes the month (the latest on or before its end)
 * @param tableVersions Delta version read per gold table shown, for "which data version"
 * @param rejectedRows input rows of offers and reference files in silver.quarantine
 */
public record GapReportData(YearMonth month, Unit kreis, List<Unit> gemeinden, List<GapRow> gemeindeRows,
                            List<GapRow> districtRows, List<SupplyRow> supply, Map<String, Map<String, String>> labels,
                            long minDemand, double coverageIndexLimit, LocalDate offersSnapshot, Map<String, Long> tableVersions,
                            long rejectedRows, String runId, Instant generatedAt) {
    public GapReportData {
        requireNonNull(month, "month is null");
        requireNonNull(kreis, "kreis is null");
        gemeinden = List.copyOf(gemeinden);
        gemeindeRows = List.copyOf(gemeindeRows);
        districtRows = List.copyOf(districtRows);
        supply = List.copyOf(supply);
        labels = Map.copyOf(labels);
        tableVersions = Map.copyOf(tableVersions);
        requireNonNull(runId, "runId is null");
        requireNonNull(generatedAt, "generatedAt is null");
    }
}
