package de.integrationsmonitor.reports.gaps;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code gold.coverage_gaps} (a Gemeinde) or {@code gold.coverage_gaps_districts} (a
 * Stadtteil, then {@code orgUnitId} differs from {@code gemeindeId}), with the names for display.
 * {@code coverageIndex} is null where no offer is expected.
 */
public record GapRow(String orgUnitId, String name, String gemeindeId, String gemeindeName, String dimension, String value,
                     long demand, long offers, double expected, Double coverageIndex, double shortfall, boolean gap) {
    public GapRow {
        requireNonNull(orgUnitId, "orgUnitId is null");
        requireNonNull(name, "name is null");
        requireNonNull(gemeindeId, "gemeindeId is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(value, "value is null");
    }

    public boolean isDistrict() {
        return !orgUnitId.equals(gemeindeId);
    }
}
