package de.integrationsmonitor.reports.gaps;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One row of {@code gold.offer_access} for a Gemeinde of the report area, with the names for display and the nearest
 * Gemeinden (any Kreis) whose active offers serve the same value within the catchment.
 *
 * @param regionPer10k the reference area's demand-weighted mean, null where it has no demand
 * @param ratio        access ÷ region, null where the region value is 0 or null
 * @param nearest      at most {@link #NEAREST} other Gemeinden with offers for the value, nearest first
 */
public record AccessRow(String orgUnitId, String name, String dimension, String value, double accessPer10k, Double regionPer10k,
                        Double ratio, boolean accessGap, List<Neighbour> nearest) {
    /** How many neighbouring Gemeinden with offers the report names per row. */
    public static final int NEAREST = 3;

    /** A Gemeinde within the catchment with {@code offers} active offers serving the value, {@code km} away. */
    public record Neighbour(String name, double km, long offers) {}

    public AccessRow {
        requireNonNull(orgUnitId, "orgUnitId is null");
        requireNonNull(name, "name is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(value, "value is null");
        nearest = List.copyOf(nearest);
    }

    /** The key shared with the {@link GapRow} of the same Gemeinde, dimension and value. */
    String key() {
        return key(orgUnitId, dimension, value);
    }

    static String key(String orgUnitId, String dimension, String value) {
        return orgUnitId + "|" + dimension + "|" + value;
    }
}
