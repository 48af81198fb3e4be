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
 * @param access the month's gold.offer_access rows of the Kreis's Gemeinden (empty where none has a centre)
 * @param located the Kreis's Gemeinden that have a centre (lat;lon), by id
 * @param catchmentKm the catchment radius of the access mart (access.catchment-km)
 * @param centres the Kreis's Gemeinden and Stadtteile with their centres (NaN where a unit has none)
 * @param shapes delivered shapes (WGS84) of the Kreis's Gemeinden and Stadtteile, by id; empty without boundaries
 */
public record GapReportData(YearMonth month, Unit kreis, List<Unit> gemeinden, List<GapRow> gemeindeRows,
                            List<GapRow> districtRows, List<SupplyRow> supply, Map<String, Map<String, String>> labels,
                            long minDemand, double coverageIndexLimit, LocalDate offersSnapshot, Map<String, Long> tableVersions,
                            long rejectedRows, String runId, Instant generatedAt, List<AccessRow> access,
                            java.util.Set<String> located, double catchmentKm,
                            List<de.integrationsmonitor.reports.common.maps.MapGeometry.Centre> centres,
                            Map<String, org.locationtech.jts.geom.Geometry> shapes) {
    public GapReportData {
        centres = List.copyOf(centres);
        shapes = Map.copyOf(shapes);
        access = List.copyOf(access);
        located = java.util.Set.copyOf(located);
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

    /** Report data of a delivery without centres: no access rows. */
    public GapReportData(YearMonth month, Unit kreis, List<Unit> gemeinden, List<GapRow> gemeindeRows,
                         List<GapRow> districtRows, List<SupplyRow> supply, Map<String, Map<String, String>> labels,
                         long minDemand, double coverageIndexLimit, LocalDate offersSnapshot, Map<String, Long> tableVersions,
                         long rejectedRows, String runId, Instant generatedAt) {
        this(month, kreis, gemeinden, gemeindeRows, districtRows, supply, labels, minDemand, coverageIndexLimit, offersSnapshot,
                tableVersions, rejectedRows, runId, generatedAt, List.of(), java.util.Set.of(),
                de.integrationsmonitor.pipelines.contract.GapThresholds.DEFAULT_CATCHMENT_KM, List.of(), Map.of());
    }

    /** The access row of a Gemeinde row, if the Gemeinde has a centre. */
    public java.util.Optional<AccessRow> accessOf(GapRow row) {
        String key = AccessRow.key(row.orgUnitId(), row.dimension(), row.value());
        return access.stream().filter(a -> a.key().equals(key)).findFirst();
    }
}
