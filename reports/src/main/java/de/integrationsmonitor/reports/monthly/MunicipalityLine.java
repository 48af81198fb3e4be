package de.integrationsmonitor.reports.monthly;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import de.integrationsmonitor.reports.render.GermanFormat;

/**
 * One row of the Gemeinde table (or its "Summe" row), already formatted in German. A JavaBean
 * because Jasper reads table fields through getters.
 */
public final class MunicipalityLine {
    static final String TOTAL_LABEL = "Summe";

    private final String name;
    private final String activeOffers;
    private final String newOffers;
    private final String endedOffers;
    private final String events;
    private final String participants;
    private final String participantsFemale;
    private final String participantsNewcomers;
    private final String workshops;

    private MunicipalityLine(String name, long activeOffers, Long newOffers, Long endedOffers, long events,
            long participants, long participantsFemale, long participantsNewcomers, long workshops) {
        this.name = name;
        this.activeOffers = GermanFormat.count(activeOffers);
        this.newOffers = GermanFormat.count(newOffers);
        this.endedOffers = GermanFormat.count(endedOffers);
        this.events = GermanFormat.count(events);
        this.participants = GermanFormat.count(participants);
        this.participantsFemale = GermanFormat.count(participantsFemale);
        this.participantsNewcomers = GermanFormat.count(participantsNewcomers);
        this.workshops = GermanFormat.count(workshops);
    }

    static MunicipalityLine of(MunicipalityRow row) {
        return new MunicipalityLine(row.name(), row.activeOffers(), row.newOffers(), row.endedOffers(), row.events(),
                row.participants(), row.participantsFemale(), row.participantsNewcomers(), row.workshops());
    }

    /**
     * The "Summe" row. A nullable column sums to "keine Daten" as soon as one Gemeinde has no
     * data, because a partial sum would understate the area's total.
     */
    static MunicipalityLine total(List<MunicipalityRow> rows) {
        return new MunicipalityLine(TOTAL_LABEL,
                sum(rows, MunicipalityRow::activeOffers),
                sumOrNull(rows, MunicipalityRow::newOffers),
                sumOrNull(rows, MunicipalityRow::endedOffers),
                sum(rows, MunicipalityRow::events),
                sum(rows, MunicipalityRow::participants),
                sum(rows, MunicipalityRow::participantsFemale),
                sum(rows, MunicipalityRow::participantsNewcomers),
                sum(rows, MunicipalityRow::workshops));
    }

    private static long sum(List<MunicipalityRow> rows, ToLongFunction<MunicipalityRow> column) {
        return rows.stream().mapToLong(column).reduce(0L, Math::addExact);
    }

    private static Long sumOrNull(List<MunicipalityRow> rows, Function<MunicipalityRow, Long> column) {
        long total = 0;
        for (MunicipalityRow row : rows) {
            Long value = column.apply(row);
            if (value == null) {
                return null;
            }
            total = Math.addExact(total, value);
        }
        return total;
    }

    public String getName() {
        return name;
    }

    public String getActiveOffers() {
        return activeOffers;
    }

    public String getNewOffers() {
        return newOffers;
    }

    public String getEndedOffers() {
        return endedOffers;
    }

    public String getEvents() {
        return events;
    }

    public String getParticipants() {
        return participants;
    }

    public String getParticipantsFemale() {
        return participantsFemale;
    }

    public String getParticipantsNewcomers() {
        return participantsNewcomers;
    }

    public String getWorkshops() {
        return workshops;
    }
}
