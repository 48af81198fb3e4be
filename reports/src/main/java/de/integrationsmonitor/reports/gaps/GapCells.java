package de.integrationsmonitor.reports.gaps;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of persons the Versorgungslücken reports (PDFs and XLSX) show, as cells of the run's
 * {@link DisclosurePlan}: the demand of each Gemeinde and Stadtteil per dimension and value. Where a Gemeinde's demand
 * is the sum of its Stadtteile's (the roll-up of demand.csv, or a delivery whose parts add up exactly), the sum is a
 * line: the Kreis report and the Gemeinde report together show it.
 */
public final class GapCells {
    private GapCells() {}

    /** The demand of a Gemeinde or Stadtteil for one dimension and value; the Monatsbericht's largest gaps use it too. */
    public static Cell demand(GapRow row, YearMonth month) {
        return new Cell(DisclosurePlan.DEMAND, row.orgUnitId(), month, row.dimension() + "=" + row.value());
    }

    /** Registers every demand of {@code data}, and each Gemeinde's sum of its Stadtteile where it holds exactly. */
    public static void register(GapReportData data, DisclosurePlan.Builder plan) {
        Map<String, GapRow> gemeinden = new LinkedHashMap<>();
        for (GapRow row : data.gemeindeRows()) {
            plan.count(demand(row, data.month()), row.demand());
            gemeinden.put(key(row.gemeindeId(), row), row);
        }
        Map<String, List<GapRow>> districts = new LinkedHashMap<>();
        for (GapRow row : data.districtRows()) {
            plan.count(demand(row, data.month()), row.demand());
            districts.computeIfAbsent(key(row.gemeindeId(), row), k -> new ArrayList<>()).add(row);
        }
        districts.forEach((key, parts) -> {
            GapRow gemeinde = gemeinden.get(key);
            long sum = parts.stream().mapToLong(GapRow::demand).sum();
            // a Gemeinde with a number of its own beyond its Stadtteile' sum leaves an unpublished remainder
            if (gemeinde != null && gemeinde.demand() == sum) {
                plan.sum(demand(gemeinde, data.month()), parts.stream().map(part -> demand(part, data.month())).toList());
            }
        });
    }

    private static String key(String gemeindeId, GapRow row) {
        return gemeindeId + "\u0000" + row.dimension() + "\u0000" + row.value();
    }
}
