package de.integrationsmonitor.reports.monthly;

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

    private KeyFigureLine(KeyFigure figure) {
        this.label = figure.label();
        this.value = GermanFormat.count(figure.value());
        this.previousMonth = GermanFormat.count(figure.previousMonth());
        this.changeToPreviousMonth = GermanFormat.change(figure.value(), figure.previousMonth());
        this.previousYear = GermanFormat.count(figure.previousYear());
        this.changeToPreviousYear = GermanFormat.change(figure.value(), figure.previousYear());
    }

    static KeyFigureLine of(KeyFigure figure) {
        return new KeyFigureLine(figure);
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
