package de.integrationsmonitor.reports.monthly;

/** One row of the Datenqualität table. A JavaBean because Jasper reads table fields through getters. */
public final class QualityLine {
    private final String kind;
    private final String message;
    private final String examples;

    private QualityLine(QualityNote note) {
        this.kind = note.kind();
        this.message = note.message();
        this.examples = note.examples() == null ? "" : note.examples();
    }

    static QualityLine of(QualityNote note) {
        return new QualityLine(note);
    }

    public String getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public String getExamples() {
        return examples;
    }
}
