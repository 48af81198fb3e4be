package de.integrationsmonitor.reports.workshops;

import java.time.LocalDate;

/** One statement as written down in a workshop, with the workshop's field of action and date. */
public record StatementRow(String fieldOfAction, String workshopId, LocalDate date, String weather, String statement, int order) {}
