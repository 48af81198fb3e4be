package de.integrationsmonitor.reports.monthly;

/** How many indicators of the model projects have a status as their latest reported status. */
public record ProjectStatus(String status, long indicators) {}
