package de.integrationsmonitor.pipelines.sample;

import static java.util.Objects.requireNonNull;

/**
 * How much data the generator writes. Only {@link #SAMPLE} (one Kreis, about 500 offers) is
 * implemented; a Land-sized scale (396 Gemeinden, 50,000 offers, 5M participation rows) can be
 * added as another constant once the geography is generated instead of listed by hand.
 *
 * @param name                  short name used in messages and the generated README
 * @param offersFirstSnapshot   offers in the earliest offers snapshot
 * @param offersLatestSnapshot  valid offers in the latest offers snapshot (fault rows come on top)
 * @param offersRemovedPercent  share of offers that disappear between two snapshots
 * @param offersChangedPercent  share of offers whose attributes change between two snapshots
 * @param reportingPercent      share of offers that report participation at all
 * @param eventsPerMonth        offer events in an average month (seasonally adjusted per month)
 * @param programEventsPerMonth events without offer id (e.g. KOMM-AN NRW) in an average month
 */
record Scale(
        String name,
        int offersFirstSnapshot,
        int offersLatestSnapshot,
        int offersRemovedPercent,
        int offersChangedPercent,
        int reportingPercent,
        int eventsPerMonth,
        int programEventsPerMonth) {

    /** The bundled sample: Kreis Recklinghausen plus the model municipalities. */
    static final Scale SAMPLE = new Scale("sample", 450, 500, 5, 3, 55, 440, 16);

    Scale {
        requireNonNull(name, "name is null");
        checkPositive(offersFirstSnapshot, "offersFirstSnapshot");
        checkPositive(offersLatestSnapshot, "offersLatestSnapshot");
        checkPercent(offersRemovedPercent, "offersRemovedPercent");
        checkPercent(offersChangedPercent, "offersChangedPercent");
        checkPercent(reportingPercent, "reportingPercent");
        checkPositive(eventsPerMonth, "eventsPerMonth");
        checkPositive(programEventsPerMonth, "programEventsPerMonth");
    }

    private static void checkPositive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }

    private static void checkPercent(int value, String field) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(field + " must be between 0 and 100: " + value);
        }
    }
}
