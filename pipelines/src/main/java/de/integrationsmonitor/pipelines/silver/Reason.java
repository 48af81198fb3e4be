package de.integrationsmonitor.pipelines.silver;

/** The data contract's reason codes for quarantined rows (first that applies wins). */
public final class Reason {
    private Reason() {}

    public static final String MISSING_VALUE = "missing_value";
    public static final String BAD_NUMBER = "bad_number";
    public static final String NEGATIVE_COUNT = "negative_count";
    public static final String BAD_DATE = "bad_date";
    public static final String BAD_PERIOD = "bad_period";
    public static final String UNKNOWN_LABEL = "unknown_label";
    public static final String UNKNOWN_CITY = "unknown_city";
    public static final String UNKNOWN_ORG_UNIT = "unknown_org_unit";
    public static final String UNKNOWN_OFFER = "unknown_offer";
    public static final String UNKNOWN_WORKSHOP = "unknown_workshop";
    public static final String UNKNOWN_PROJECT = "unknown_project";
    public static final String UNKNOWN_INDICATOR = "unknown_indicator";
    public static final String DAVON_EXCEEDS_TOTAL = "davon_exceeds_total";
    public static final String MISSING_PROGRAM_OR_CITY = "missing_program_or_city";
    public static final String DUPLICATE_KEY = "duplicate_key";
    /** Added: an event dated after the day its file was delivered. */
    public static final String FUTURE_DATE = "future_date";
    /** Added: a boundaries feature without a usable polygon or multipolygon. */
    public static final String BAD_GEOMETRY = "bad_geometry";
    /** A case milestone dated before the case's Zuzug (checked after every other reason). */
    public static final String EVENT_BEFORE_START = "event_before_start";
    /** Added: a row with more or fewer fields than the header. */
    public static final String WRONG_FIELD_COUNT = "wrong_field_count";
}
