package de.integrationsmonitor.pipelines.contract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivered input files of the data contract: where they lie in the input folder, which columns
 * they carry (by header label) and which bronze table receives them.
 */
public enum Source {
    ORG_UNITS("reference", "reference/org_units\\.csv", "org_units", List.of(
            Column.required("org_unit_id", "org_unit_id"),
            Column.required("name", "name"),
            Column.required("level", "level"),
            Column.required("parent_id", "parent_id"),
            Column.optional("population", "population"),
            Column.optional("population_foreign", "population_foreign"),
            Column.optional("newcomers_12m", "newcomers_12m"),
            Column.optional("lat", "lat"),
            Column.optional("lon", "lon"))),
    /**
     * Optional unit shapes (GeoJSON FeatureCollection, WGS84): one row per feature with the unit's id (property
     * {@code org_unit_id}, else {@code AGS}) and its geometry as GeoJSON text; read by {@code GeoJsonFileReader}.
     */
    BOUNDARIES("reference", "reference/boundaries\\.geojson", "boundaries", List.of(
            Column.required("org_unit_id", "org_unit_id"),
            Column.required("geometry", "geometry"))),
    DEMAND("reference", "reference/demand\\.csv", "demand", List.of(
            Column.required("org_unit_id", "org_unit_id"),
            Column.required("dimension", "dimension"),
            Column.required("value", "value"),
            Column.required("persons", "persons"))),
    OFFERS("offers", "offers/angebote_(\\d{4}-\\d{2}-\\d{2})\\.csv", "snapshots", List.of(
            Column.required("offer_id", "Angebots-ID"),
            Column.required("city", "Stadt"),
            Column.optional("district", "Stadtteil"),
            Column.required("offer_name", "Name des Angebots"),
            Column.required("categories", "Kategorie"),
            Column.optional("languages", "Sprache(n) des Angebots"),
            Column.optional("genders", "Zielgruppe - Geschlecht"),
            Column.optional("migration", "Zielgruppe - Migrationshintergrund"),
            Column.optional("age_groups", "Zielgruppe - Altersgruppe"),
            Column.optional("provider", "Anbieter"),
            Column.optional("venue", "Veranstaltungsort"),
            Column.optional("venue_address", "Adresse des Veranstaltungsorts"),
            Column.personal("contact_person", "Ansprechpartner"),
            Column.personal("phone", "Telefon"),
            Column.personal("email", "E-Mail"),
            Column.optional("homepage", "Homepage"),
            Column.optional("places", "Plätze"),
            Column.optional("start_date", "Beginn"),
            Column.optional("end_date", "Ende"))),
    PARTICIPATION("participation", "participation/teilnahmen_(\\d{4}-\\d{2})\\.csv", "events", List.of(
            Column.required("offer_id", "Angebots-ID"),
            Column.required("event_date", "Datum"),
            Column.required("participants", "Teilnehmende"),
            Column.optional("female", "davon weiblich"),
            Column.optional("male", "davon männlich"),
            Column.optional("diverse", "davon divers"),
            Column.optional("newcomers", "davon neuzugewandert"),
            Column.optional("program", "Programm"),
            Column.optional("city", "Stadt"))),
    WORKSHOPS("workshops", "workshops/workshops\\.csv", "workshops", List.of(
            Column.required("workshop_id", "Workshop-ID"),
            Column.required("title", "Titel"),
            Column.required("field_of_action", "Handlungsfeld"),
            Column.required("workshop_date", "Datum"),
            Column.required("city", "Stadt"),
            Column.optional("venue", "Tagungsort"),
            Column.optional("participants", "Teilnehmende"))),
    STATEMENTS("workshops", "workshops/statements\\.csv", "statements", List.of(
            Column.required("workshop_id", "Workshop-ID"),
            Column.required("weather", "Wetter"),
            Column.required("statement", "Aussage"))),
    PROJECTS("model_projects", "model-projects/projects\\.csv", "projects", List.of(
            Column.required("project_id", "Projekt-ID"),
            Column.required("program", "Programm"),
            Column.required("org_unit", "Org-Einheit"),
            Column.required("title", "Titel"),
            Column.optional("target_group", "Zielgruppe"),
            Column.optional("start_date", "Beginn"),
            Column.optional("end_date", "Ende"))),
    INDICATORS("model_projects", "model-projects/indicators\\.csv", "indicators", List.of(
            Column.required("indicator_id", "Indikator-ID"),
            Column.required("name", "Name"),
            Column.required("unit", "Einheit"),
            Column.required("direction", "Richtung"),
            Column.optional("target", "Zielwert"),
            Column.optional("baseline", "Basiswert"),
            Column.required("period_type", "Periodentyp"),
            Column.optional("description", "Beschreibung"))),
    INDICATOR_VALUES("model_projects", "model-projects/values\\.csv", "values", List.of(
            Column.required("project_id", "Projekt-ID"),
            Column.required("indicator_id", "Indikator-ID"),
            Column.required("period", "Periode"),
            Column.required("value", "Wert"),
            Column.optional("target", "Zielwert"),
            Column.optional("note", "Anmerkung"))),
    /**
     * Optional pseudonymous case milestones of the model municipalities' case management (time-to-event indicators).
     * {@code Fall-ID} never leaves silver: gold, exports and reports hold aggregates only.
     */
    CASE_EVENTS("model_projects", "model-projects/case_events\\.csv", "case_events", List.of(
            Column.required("case_id", "Fall-ID"),
            Column.required("project_id", "Projekt-ID"),
            Column.required("milestone", "Ereignis"),
            Column.required("event_date", "Datum")));

    /** One column of a source: its canonical name, the contract's header label, and its kind. */
    public record Column(String name, String header, boolean required, boolean personal) {
        static Column required(String name, String header) {
            return new Column(name, header, true, false);
        }

        static Column optional(String name, String header) {
            return new Column(name, header, false, false);
        }

        /** Personal data: kept in bronze (raw archive) only, never in silver, gold or any output. */
        static Column personal(String name, String header) {
            return new Column(name, header, false, true);
        }
    }

    private final String sourceName;
    private final Pattern filePattern;
    private final String entities;
    private final List<Column> columns;

    Source(String sourceName, String filePattern, String entities, List<Column> columns) {
        this.sourceName = sourceName;
        this.filePattern = Pattern.compile(filePattern);
        this.entities = entities;
        this.columns = List.copyOf(columns);
    }

    /** The source system, e.g. {@code offers}; header aliases in conf/ are keyed by it. */
    public String sourceName() {
        return sourceName;
    }

    /** The bronze/silver table name, {@code <source>__<entities>}. */
    public String tableName() {
        return sourceName + "__" + entities;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The period a file delivers (snapshot date or month) when its name carries one. */
    public Optional<String> periodOf(String relativePath) {
        Matcher matcher = filePattern.matcher(relativePath);
        if (!matcher.matches() || matcher.groupCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }

    public boolean matches(String relativePath) {
        return filePattern.matcher(relativePath).matches();
    }

    public static Optional<Source> forFile(String relativePath) {
        for (Source source : values()) {
            if (source.matches(relativePath)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
