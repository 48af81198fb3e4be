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
}
