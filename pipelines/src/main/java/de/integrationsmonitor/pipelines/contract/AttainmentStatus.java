package de.integrationsmonitor.pipelines.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The status of an indicator in a period, as gold.indicator_attainment stores it (data contract); the declaration
 * order is the order in which reports list the statuses.
 */
public enum AttainmentStatus {
    REACHED("erreicht"),
    ON_TRACK("auf Kurs"),
    AT_RISK("gefährdet"),
    MISSED("verfehlt"),
    /** A period of the project span without a reported value. */
    NO_DATA("keine Daten"),
    /** A value without target or baseline. */
    NO_TARGET("ohne Ziel");

    private static final List<String> LABELS = Arrays.stream(values()).map(AttainmentStatus::label).toList();

    private final String label;

    AttainmentStatus(String label) {
        this.label = label;
    }

    /** The German value of the {@code status} column, e.g. {@code auf Kurs}. */
    public String label() {
        return label;
    }

    /** Every label, in report order. */
    public static List<String> labels() {
        return LABELS;
    }

    /**
     * The status of {@code value} by the contract's rule, in decimal arithmetic as gold.indicator_attainment computes it
     * (for a value computed elsewhere, e.g. a share estimated from case milestones): attainment = (value − baseline) /
     * (target − baseline); at or beyond the target where target = baseline; ohne Ziel without target or baseline.
     */
    public static AttainmentStatus of(Double value, Double baseline, Double target, boolean lowerIsBetter) {
        if (value == null) {
            return NO_DATA;
        }
        if (target == null || baseline == null) {
            return NO_TARGET;
        }
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(value);
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(baseline);
        java.math.BigDecimal t = java.math.BigDecimal.valueOf(target);
        if (t.compareTo(b) == 0) {
            return (lowerIsBetter ? v.compareTo(t) <= 0 : v.compareTo(t) >= 0) ? REACHED : MISSED;
        }
        java.math.BigDecimal attainment = v.subtract(b).divide(t.subtract(b), java.math.MathContext.DECIMAL64);
        if (attainment.compareTo(java.math.BigDecimal.ONE) >= 0) {
            return REACHED;
        }
        if (attainment.compareTo(new java.math.BigDecimal("0.5")) >= 0) {
            return ON_TRACK;
        }
        return attainment.signum() >= 0 ? AT_RISK : MISSED;
    }
}
