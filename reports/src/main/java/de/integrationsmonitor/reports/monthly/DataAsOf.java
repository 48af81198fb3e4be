package de.integrationsmonitor.reports.monthly;

import java.time.LocalDate;

/**
 * How current the data behind a report is: the offers snapshot the report month uses and the latest
 * event date reported for it. Either may be null (nothing delivered).
 */
public record DataAsOf(LocalDate offersSnapshot, LocalDate lastEvent) {

    /** The later of both dates, or null. */
    public LocalDate latest() {
        if (offersSnapshot == null) {
            return lastEvent;
        }
        return lastEvent == null || offersSnapshot.isAfter(lastEvent) ? offersSnapshot : lastEvent;
    }
}
