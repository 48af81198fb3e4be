package de.integrationsmonitor.reports.workshops;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of persons the Workshop-Auswertung shows, as cells of the run's {@link DisclosurePlan}: the participants
 * of each workshop. The Monatsbericht shows the area's workshop participants of the month, the month before and the
 * year before; where those equal the sum of the month's workshops listed here, the sum is a line.
 */
public final class WorkshopCells {
    private WorkshopCells() {}

    static Cell participants(WorkshopRow workshop) {
        return new Cell(DisclosurePlan.WORKSHOP_PARTICIPANTS, "Workshop " + workshop.workshopId(), YearMonth.from(workshop.date()));
    }

    /**
     * Registers each workshop's participants (where known) and, for every month whose total the Monatsbericht shows
     * (registered before, under the area's name), the sum of that month's workshops.
     */
    public static void register(WorkshopReportData data, DisclosurePlan.Builder plan) {
        Map<YearMonth, List<Cell>> byMonth = new TreeMap<>();
        Map<YearMonth, Long> sums = new TreeMap<>();
        for (WorkshopRow workshop : data.workshops()) {
            if (workshop.participants() != null) {
                Cell cell = participants(workshop);
                plan.count(cell, workshop.participants());
                byMonth.computeIfAbsent(cell.month(), m -> new ArrayList<>()).add(cell);
                sums.merge(cell.month(), workshop.participants(), Long::sum);
            }
        }
        byMonth.forEach((month, parts) -> {
            Cell total = Cell.area(DisclosurePlan.WORKSHOP_PARTICIPANTS, data.areaName(), month);
            // a total that also counts workshops not listed here leaves an unpublished remainder
            if (plan.has(total) && plan.value(total) == sums.get(month)) {
                plan.sum(total, parts);
            }
        });
    }
}
