package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

/** One month of the trend chart: participants and active offers in that month. */
public record MonthPoint(java.time.YearMonth month, long participants, long activeOffers) {
    public MonthPoint {
        requireNonNull(month, "month is null");
        MunicipalityRow.checkNotNegative(participants, "participants", month);
        MunicipalityRow.checkNotNegative(activeOffers, "activeOffers", month);
    }
}
