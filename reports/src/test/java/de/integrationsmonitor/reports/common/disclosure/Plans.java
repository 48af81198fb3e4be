package de.integrationsmonitor.reports.common.disclosure;

import de.integrationsmonitor.reports.gaps.GapCells;
import de.integrationsmonitor.reports.gaps.GapReportData;
import de.integrationsmonitor.reports.land.LandCells;
import de.integrationsmonitor.reports.land.LandOverviewData;
import de.integrationsmonitor.reports.monthly.MonthlyCells;
import de.integrationsmonitor.reports.monthly.MonthlyReportData;
import de.integrationsmonitor.reports.workshops.WorkshopCells;
import de.integrationsmonitor.reports.workshops.WorkshopReportData;

/** The disclosure plan of a single report's test data, k = 3; a run computes one over all its reports. */
public final class Plans {
    public static final SmallCounts RULE = new SmallCounts(3);

    private Plans() {}

    public static DisclosurePlan of(MonthlyReportData data) {
        return DisclosurePlan.of(RULE, plan -> MonthlyCells.register(data, plan));
    }

    public static DisclosurePlan of(GapReportData data) {
        return DisclosurePlan.of(RULE, plan -> GapCells.register(data, plan));
    }

    public static DisclosurePlan of(WorkshopReportData data) {
        return DisclosurePlan.of(RULE, plan -> WorkshopCells.register(data, plan));
    }

    public static DisclosurePlan of(LandOverviewData data) {
        return DisclosurePlan.of(RULE, plan -> LandCells.register(data, plan));
    }
}
