package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

/**
 * Offers and participation of one Gemeinde in the report month. {@code newOffers} and
 * {@code endedOffers} are null when the offer history does not reach back far enough to tell,
 * and are then shown as "keine Daten".
 */
public record MunicipalityRow(
        String name,
        long activeOffers,
        Long newOffers,
        Long endedOffers,
        long events,
        long participants,
        long participantsFemale,
        long participantsNewcomers,
        long workshops) {

    public MunicipalityRow {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        checkNotNegative(activeOffers, "activeOffers", name);
        if (newOffers != null) {
            checkNotNegative(newOffers, "newOffers", name);
        }
        if (endedOffers != null) {
            checkNotNegative(endedOffers, "endedOffers", name);
        }
        checkNotNegative(events, "events", name);
        checkNotNegative(participants, "participants", name);
        checkNotNegative(participantsFemale, "participantsFemale", name);
        checkNotNegative(participantsNewcomers, "participantsNewcomers", name);
        checkNotNegative(workshops, "workshops", name);
    }

    static void checkNotNegative(long value, String field, Object owner) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " of " + owner + " is negative: " + value);
        }
    }
}
