package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

/**
 * One key figure of the Monatsbericht with its comparison values. A null value means no data
 * was delivered for that month and is shown as "keine Daten" (not as 0).
 *
 * @param label German label as shown, e.g. "Teilnehmende"
 * @param value the value in the report month
 * @param previousMonth the value in the month before
 * @param previousYear the value in the same month one year before
 * @param persons whether the figure counts persons (then small counts are protected when shown)
 */
public record KeyFigure(String label, Long value, Long previousMonth, Long previousYear, boolean persons) {
    public static final String PARTICIPANTS = de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.PARTICIPANTS;
    public static final String FEMALE = "davon weiblich";
    public static final String NEWCOMERS = "davon neuzugewandert";
    public static final String WORKSHOP_PARTICIPANTS = de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.WORKSHOP_PARTICIPANTS;

    public KeyFigure {
        requireNonNull(label, "label is null");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label is blank");
        }
    }
}
