package de.integrationsmonitor.reports.monthly;

/**
 * One of the largest coverage gaps of the month, as the Monatsbericht lists them (labels already
 * German; numbers unrounded). {@code demandCell} is the demand's cell in the run's disclosure plan, the
 * same as in the Versorgungslücken report.
 */
public record TopGap(String place, String dimension, String value, long demand, long offers, double expected, double shortfall,
                     Double coverageIndex, de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell demandCell) {}
