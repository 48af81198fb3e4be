package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

/**
 * One finding of the "Datenqualität" section in plain German: its kind ("Fehler", "Hinweis",
 * "Quarantäne", "Datei abgelehnt"), the sentence, and a few examples (may be null).
 */
public record QualityNote(String kind, String message, String examples) {
    public QualityNote {
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
    }
}
