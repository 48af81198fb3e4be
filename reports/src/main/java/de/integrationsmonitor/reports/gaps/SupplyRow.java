package de.integrationsmonitor.reports.gaps;

/**
 * One row of {@code gold.supply_matrix}: active offers of a category in a Gemeinde, per 10,000
 * residents (null without population), and the median of that rate in the reference area.
 */
public record SupplyRow(String orgUnitId, String name, String category, long offers, Long population, Double per10k,
                        String referenceAreaId, Double areaMedian) {}
