package de.integrationsmonitor.reports.monthly;

/**
 * One of the largest coverage gaps of the month, as the Monatsbericht lists them (labels already
 * German; numbers unrounded).
 */
public record TopGap(String place, String dimension, String value, long demand, long offers, double expected, double shortfall,
                     Double coverageIndex) {}
