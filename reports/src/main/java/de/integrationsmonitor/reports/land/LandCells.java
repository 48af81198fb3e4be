package de.integrationsmonitor.reports.land;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell;

/**
 * The counts of persons the Landesübersicht shows, as cells of the run's {@link DisclosurePlan}: each area's
 * participants of the month and of the month before, the same cells as the area's Monatsbericht shows. It shows no
 * Land or Regierungsbezirk total of persons, so it adds no line.
 */
public final class LandCells {
    private LandCells() {}

    static Cell participants(LandOverviewData data, LandOverviewData.AreaLine area) {
        return Cell.area(DisclosurePlan.PARTICIPANTS, area.name(), data.month());
    }

    static Cell participantsPrevious(LandOverviewData data, LandOverviewData.AreaLine area) {
        return Cell.area(DisclosurePlan.PARTICIPANTS, area.name(), data.month().minusMonths(1));
    }

    public static void register(LandOverviewData data, DisclosurePlan.Builder plan) {
        for (LandOverviewData.AreaLine area : data.areas()) {
            if (area.participants() != null) {
                plan.count(participants(data, area), area.participants());
            }
            if (area.participantsPrevious() != null) {
                plan.count(participantsPrevious(data, area), area.participantsPrevious());
            }
        }
    }
}
