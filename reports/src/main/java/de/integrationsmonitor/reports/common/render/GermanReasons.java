package de.integrationsmonitor.reports.common.render;

import java.util.Locale;
import java.util.Map;

/** Plain German for the quarantine reason codes of the data contract. */
public final class GermanReasons {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("missing_value", "Pflichtangabe fehlt"),
            Map.entry("bad_number", "keine gültige Zahl"),
            Map.entry("negative_count", "negative Anzahl"),
            Map.entry("bad_date", "ungültiges Datum"),
            Map.entry("bad_period", "ungültige Periode"),
            Map.entry("unknown_label", "unbekannter Begriff (nicht im Vokabular)"),
            Map.entry("unknown_city", "unbekannter Ort"),
            Map.entry("unknown_org_unit", "unbekannte Organisationseinheit"),
            Map.entry("unknown_offer", "Angebots-ID in keinem Angebotsstand"),
            Map.entry("unknown_workshop", "unbekannter Workshop"),
            Map.entry("unknown_project", "unbekanntes Projekt"),
            Map.entry("unknown_indicator", "unbekannter Indikator"),
            Map.entry("davon_exceeds_total", "„davon“-Werte größer als die Gesamtzahl"),
            Map.entry("missing_program_or_city", "ohne Angebots-ID, aber ohne Programm oder Stadt"),
            Map.entry("duplicate_key", "doppelt geliefert (erste Zeile übernommen)"),
            Map.entry("wrong_field_count", "falsche Anzahl von Feldern"),
            Map.entry("future_date", "Datum liegt in der Zukunft"));

    private GermanReasons() {}

    public static String label(String reason) {
        return LABELS.getOrDefault(reason, reason);
    }

    /** "2 Zeilen abgewiesen: unbekannter Ort". */
    public static String describe(String reason, long rows) {
        return String.format(Locale.GERMANY, "%,d %s abgewiesen: %s", rows, rows == 1 ? "Zeile" : "Zeilen", label(reason));
    }
}
