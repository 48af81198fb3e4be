package de.integrationsmonitor.reports.monthly;

import de.integrationsmonitor.reports.disclosure.SmallCounts;
import de.integrationsmonitor.reports.render.GermanFormat;

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
