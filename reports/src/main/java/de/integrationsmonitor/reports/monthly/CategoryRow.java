package de.integrationsmonitor.reports.monthly;

/**
 * Participation of the month in one offer category (an event of an offer with several categories
 * counts in each), or in events without an offer (label says so).
 */
public record CategoryRow(String label, long events, long participants) {}
