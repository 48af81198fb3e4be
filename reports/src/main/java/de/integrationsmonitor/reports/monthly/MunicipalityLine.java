package de.integrationsmonitor.reports.monthly;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One row of the Gemeinde table (or its "Summe" row), already formatted in German and with small
 * counts of persons protected. A JavaBean because Jasper reads table fields through getters.
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
            String participants, String participantsFemale, String participantsNewcomers, long workshops) {
        this.name = name;
        this.activeOffers = GermanFormat.count(activeOffers);
        this.newOffers = GermanFormat.count(newOffers);
        this.endedOffers = GermanFormat.count(endedOffers);
        this.events = GermanFormat.count(events);
        this.participants = participants;
        this.participantsFemale = participantsFemale;
        this.participantsNewcomers = participantsNewcomers;
        this.workshops = GermanFormat.count(workshops);
    }

    /**
     * The Gemeinde rows followed by the "Summe" row, with the counts of persons the run's disclosure plan hides shown
     * as "•".
     */
    static List<MunicipalityLine> lines(MonthlyReportData data, DisclosurePlan plan) {
        List<MunicipalityRow> rows = data.municipalities();
        String[][] persons = new String[MonthlyCells.MUNICIPALITY_MEASURES.size()][rows.size() + 1];
        for (int c = 0; c < MonthlyCells.MUNICIPALITY_MEASURES.size(); c++) {
            String measure = MonthlyCells.MUNICIPALITY_MEASURES.get(c);
            long total = 0;
            for (int r = 0; r < rows.size(); r++) {
                Cell cell = MonthlyCells.municipality(data, rows.get(r), measure);
                persons[c][r] = plan.shown(cell);
                total += MonthlyCells.MUNICIPALITY_COLUMNS.get(c).applyAsLong(rows.get(r));
            }
            persons[c][rows.size()] = plan.shown(MonthlyCells.municipalityTotal(data, measure, total));
        }
        List<MunicipalityLine> lines = new java.util.ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            MunicipalityRow row = rows.get(r);
            lines.add(new MunicipalityLine(row.name(), row.activeOffers(), row.newOffers(), row.endedOffers(), row.events(),
                    persons[0][r], persons[1][r], persons[2][r], row.workshops()));
        }
        // A nullable column sums to "keine Daten" as soon as one Gemeinde has no data, because a
        // partial sum would understate the area's total.
        lines.add(new MunicipalityLine(TOTAL_LABEL,
                sum(rows, MunicipalityRow::activeOffers),
                sumOrNull(rows, MunicipalityRow::newOffers),
                sumOrNull(rows, MunicipalityRow::endedOffers),
                sum(rows, MunicipalityRow::events),
                persons[0][rows.size()], persons[1][rows.size()], persons[2][rows.size()],
                sum(rows, MunicipalityRow::workshops)));
        return lines;
    }

    static long sum(List<MunicipalityRow> rows, ToLongFunction<MunicipalityRow> column) {
        return rows.stream().mapToLong(column).reduce(0L, Math::addExact);
    }

    /** Null as soon as one row has no data: a partial sum would understate the total. */
    static Long sumOrNull(List<MunicipalityRow> rows, Function<MunicipalityRow, Long> column) {
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
