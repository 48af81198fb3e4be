package de.integrationsmonitor.reports.workshops;

import java.time.LocalDate;
import java.util.Map;

/** One workshop with its statement counts per Klimakonferenz category code; participants may be unknown (null). */
public record WorkshopRow(String workshopId, String title, String fieldOfAction, LocalDate date, String place, String venue,
                          Long participants, Map<String, Long> statements) {
    public WorkshopRow {
        statements = Map.copyOf(statements);
    }
}
