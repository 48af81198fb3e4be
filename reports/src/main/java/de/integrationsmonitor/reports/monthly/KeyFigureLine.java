package de.integrationsmonitor.reports.monthly;

import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.common.render.GermanFormat;

/**
 * One row of the key-figure table, already formatted in German. A JavaBean because Jasper reads
 * table fields through getters.
 */
public final class KeyFigureLine {
    private final String label;
    private final String value;
    private final String previousMonth;
    private final String changeToPreviousMonth;
    private final String previousYear;
    private final String changeToPreviousYear;

    /** Which of a figure's three values the run's disclosure plan hides. */
    record Hidden(boolean now, boolean previousMonth, boolean previousYear) {
        static final Hidden NONE = new Hidden(false, false, false);
    }

    /** The figure's line; a hidden count of persons is shown as "•", and so is a change computed from one. */
    static KeyFigureLine of(KeyFigure figure, Hidden hidden) {
        return new KeyFigureLine(figure.label(), count(figure.value(), hidden.now()), count(figure.previousMonth(), hidden.previousMonth()),
                change(figure.value(), figure.previousMonth(), hidden.now() || hidden.previousMonth()),
                count(figure.previousYear(), hidden.previousYear()),
                change(figure.value(), figure.previousYear(), hidden.now() || hidden.previousYear()));
    }

    private KeyFigureLine(String label, String value, String previousMonth, String changeToPreviousMonth, String previousYear,
                          String changeToPreviousYear) {
        this.label = label;
        this.value = value;
        this.previousMonth = previousMonth;
        this.changeToPreviousMonth = changeToPreviousMonth;
        this.previousYear = previousYear;
        this.changeToPreviousYear = changeToPreviousYear;
    }

    /**
     * A share such as "Anteil Frauen" = part / whole in percent ("45,6 %"), its change in percentage
     * points ("+1,5 Pp."); "keine Daten" without data or without any participant; "•" where part or
     * whole is hidden (the share would give it away).
     */
    static KeyFigureLine share(String label, KeyFigure part, Hidden partHidden, KeyFigure whole, Hidden wholeHidden) {
        Double now = share(part.value(), whole.value());
        Double previous = share(part.previousMonth(), whole.previousMonth());
        Double lastYear = share(part.previousYear(), whole.previousYear());
        boolean hideNow = partHidden.now() || wholeHidden.now();
        boolean hidePrevious = partHidden.previousMonth() || wholeHidden.previousMonth();
        boolean hideYear = partHidden.previousYear() || wholeHidden.previousYear();
        return new KeyFigureLine(label,
                hideNow ? SmallCounts.MARK : percent(now),
                hidePrevious ? SmallCounts.MARK : percent(previous),
                hideNow || hidePrevious ? SmallCounts.MARK : points(now, previous),
                hideYear ? SmallCounts.MARK : percent(lastYear),
                hideNow || hideYear ? SmallCounts.MARK : points(now, lastYear));
    }

    private static Double share(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : 100.0 * part / whole;
    }

    private static String percent(Double value) {
        return value == null ? GermanFormat.NO_DATA : GermanFormat.decimal(value, 1) + " %";
    }

    private static String points(Double now, Double base) {
        if (now == null || base == null) {
            return GermanFormat.NO_DATA;
        }
        double difference = Math.round((now - base) * 10) / 10.0;
        String magnitude = GermanFormat.decimal(Math.abs(difference), 1) + " Pp.";
        return difference > 0 ? "+" + magnitude : difference < 0 ? "-" + magnitude : magnitude;
    }

    private static String count(Long value, boolean hidden) {
        return hidden ? SmallCounts.MARK : GermanFormat.count(value);
    }

    private static String change(Long value, Long base, boolean hidden) {
        return hidden ? SmallCounts.MARK : GermanFormat.change(value, base);
    }

    public String getLabel() {
        return label;
    }

    public String getValue() {
        return value;
    }

    public String getPreviousMonth() {
        return previousMonth;
    }

    public String getChangeToPreviousMonth() {
        return changeToPreviousMonth;
    }

    public String getPreviousYear() {
        return previousYear;
    }

    public String getChangeToPreviousYear() {
        return changeToPreviousYear;
    }
}
