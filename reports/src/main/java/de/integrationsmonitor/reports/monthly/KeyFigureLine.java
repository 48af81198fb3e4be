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

    private KeyFigureLine(KeyFigure figure, SmallCounts smallCounts) {
        this.label = figure.label();
        this.value = count(figure, figure.value(), smallCounts);
        this.previousMonth = count(figure, figure.previousMonth(), smallCounts);
        this.changeToPreviousMonth = change(figure, figure.value(), figure.previousMonth(), smallCounts);
        this.previousYear = count(figure, figure.previousYear(), smallCounts);
        this.changeToPreviousYear = change(figure, figure.value(), figure.previousYear(), smallCounts);
    }

    /** The figure's line; a count of persons from 1 to k−1 is shown as "•", and so is a change computed from one. */
    static KeyFigureLine of(KeyFigure figure, SmallCounts smallCounts) {
        return new KeyFigureLine(figure, smallCounts);
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
     * whole is a small count (the share would give it away).
     */
    static KeyFigureLine share(String label, KeyFigure part, KeyFigure whole, SmallCounts smallCounts) {
        Double now = share(part.value(), whole.value());
        Double previous = share(part.previousMonth(), whole.previousMonth());
        Double lastYear = share(part.previousYear(), whole.previousYear());
        boolean hideNow = hidden(part, part.value(), smallCounts) || hidden(whole, whole.value(), smallCounts);
        boolean hidePrevious = hidden(part, part.previousMonth(), smallCounts) || hidden(whole, whole.previousMonth(), smallCounts);
        boolean hideYear = hidden(part, part.previousYear(), smallCounts) || hidden(whole, whole.previousYear(), smallCounts);
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

    private static boolean hidden(KeyFigure figure, Long value, SmallCounts smallCounts) {
        return figure.persons() && value != null && smallCounts.isSmall(value);
    }

    private static String count(KeyFigure figure, Long value, SmallCounts smallCounts) {
        return hidden(figure, value, smallCounts) ? SmallCounts.MARK : GermanFormat.count(value);
    }

    private static String change(KeyFigure figure, Long value, Long base, SmallCounts smallCounts) {
        if (hidden(figure, value, smallCounts) || hidden(figure, base, smallCounts)) {
            return SmallCounts.MARK;
        }
        return GermanFormat.change(value, base);
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
