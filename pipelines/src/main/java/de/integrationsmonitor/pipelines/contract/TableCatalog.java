package de.integrationsmonitor.pipelines.contract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;

/**
 * The single source of truth for every table: name, layer, schema, partitioning and meaning.
 * Jobs, tests, notebooks and reports refer to tables through these constants only.
 */
public final class TableCatalog {
    private TableCatalog() {}

    /** Lineage columns every bronze table carries before the raw columns. */
    public static final String BRONZE_LINEAGE = "_source_file STRING, _source_line INT, _file_checksum STRING, "
            + "_ingested_at TIMESTAMP, _run_id STRING, _period STRING";

    private static final Map<Source, TableDef> BRONZE = bronzeTables();

    // ---- silver: validated, normalised, personal data removed -------------------------------

    public static final TableDef SILVER_ORG_UNITS = silver("reference__org_units",
            "org_unit_id STRING NOT NULL, name STRING NOT NULL, level STRING NOT NULL, parent_id STRING, "
                    + "population BIGINT, population_foreign BIGINT, newcomers_12m BIGINT, "
                    + "kreis_id STRING, regierungsbezirk_id STRING, lat DOUBLE, lon DOUBLE, coordinate_issue STRING, "
                    + "source_file STRING, source_line INT",
            "Organisation units Land > Regierungsbezirk > Kreis > Gemeinde > Stadtteil, with their Kreis and Regierungsbezirk "
                    + "and their centre (lat, lon: WGS84 degrees, both or neither; coordinate_issue: why a delivered centre "
                    + "was not usable).")
            .withChecks(
                    QualityCheck.uniqueKey("org_unit_id"),
                    QualityCheck.acceptedValues("level", OrgLevel.codes()),
                    QualityCheck.sql("valid_centre(lat, lon)", QualityCheck.Severity.WARNING,
                            "SELECT concat(source_file, ', Zeile ', source_line, ', ', org_unit_id, ' (', name, '): ', "
                                    + "coordinate_issue) AS detail FROM {table} WHERE coordinate_issue IS NOT NULL",
                            "{n} Organisationseinheiten mit unbrauchbaren Koordinaten (lat;lon); sie bleiben ohne Zentrum "
                                    + "und fehlen in Karten und in der Erreichbarkeit"));

    public static final TableDef SILVER_BOUNDARIES = silver("reference__boundaries",
            "org_unit_id STRING NOT NULL, geometry_wkt STRING NOT NULL, source_file STRING, source_line INT",
            "Unit shapes from reference/boundaries.geojson (WGS84, x = longitude, y = latitude) as WKT polygons, one per known "
                    + "unit; a feature for an unknown unit or without a usable polygon is quarantined.")
            .withChecks(QualityCheck.uniqueKey("org_unit_id"));

    public static final TableDef SILVER_DEMAND = silver("reference__demand",
            "org_unit_id STRING NOT NULL, dimension STRING NOT NULL, value STRING NOT NULL, persons BIGINT NOT NULL, "
                    + "source_file STRING, source_line INT",
            "Residents per org unit and target-group value (normalised code), as delivered (no roll-up).")
            .withChecks(
                    QualityCheck.uniqueKey("org_unit_id", "dimension", "value"),
                    QualityCheck.acceptedValues("dimension", TargetGroup.codes()),
                    QualityCheck.relationship("org_unit_id", SILVER_ORG_UNITS, "org_unit_id",
                            "{n} Bedarfszeilen verweisen auf unbekannte Organisationseinheiten"));

    public static final TableDef SILVER_OFFERS = silver("offers__snapshots", List.of("snapshot_date"),
            "snapshot_date DATE NOT NULL, offer_id STRING NOT NULL, org_unit_id STRING NOT NULL, district STRING, "
                    + "offer_name STRING NOT NULL, provider STRING, venue STRING, venue_address STRING, homepage STRING, "
                    + "places INT, start_date DATE, end_date DATE, "
                    + "is_open_to_all_genders BOOLEAN NOT NULL, is_open_to_all_age_groups BOOLEAN NOT NULL, "
                    + "is_open_to_all_migration BOOLEAN NOT NULL, source_file STRING, source_line INT",
            "One row per offer and snapshot of the offers database; contact person, phone and e-mail removed.")
            .withChecks(
                    QualityCheck.notNull("snapshot_date", "offer_id", "org_unit_id", "offer_name"),
                    QualityCheck.uniqueKey("snapshot_date", "offer_id"),
                    QualityCheck.relationship("org_unit_id", SILVER_ORG_UNITS, "org_unit_id",
                            "{n} Angebote verweisen auf unbekannte Gemeinden"));

    public static final TableDef SILVER_OFFER_HISTORY = silver("offers__history",
            "offer_id STRING NOT NULL, version INT NOT NULL, valid_from DATE NOT NULL, valid_to DATE, snapshot_date DATE NOT NULL, "
                    + "org_unit_id STRING NOT NULL, district STRING, offer_name STRING NOT NULL, provider STRING, venue STRING, "
                    + "venue_address STRING, homepage STRING, places INT, start_date DATE, end_date DATE, "
                    + "is_open_to_all_genders BOOLEAN NOT NULL, is_open_to_all_age_groups BOOLEAN NOT NULL, "
                    + "is_open_to_all_migration BOOLEAN NOT NULL",
            "Type-2 history of each offer: valid from the snapshot where it appeared or changed up to (excluding) the "
                    + "snapshot where it is gone or different (valid_to null = still in the latest snapshot). "
                    + "snapshot_date names the snapshot whose bridge rows hold the version's codes.");

    /**
     * Every coded field of an offer in one table, one row per offer, snapshot, dimension and code: {@code category},
     * and the target-group dimensions {@code language} (empty and 'Sprache nicht festgelegt' count as de),
     * {@code gender}, {@code age_group} and {@code migration} (explicitly named; an offer open to all has no rows for
     * that dimension). One table instead of one per dimension: a snapshot's codes are one write and one commit.
     */
    public static final TableDef SILVER_OFFER_CODES = silver("offers__codes", List.of("snapshot_date"),
            "snapshot_date DATE NOT NULL, offer_id STRING NOT NULL, dimension STRING NOT NULL, code STRING NOT NULL",
            "Offer x code per snapshot for each coded field (dimension: category, language, gender, age_group, migration).");

    public static final TableDef SILVER_EVENTS = silver("participation__events", List.of("source_file"),
            "event_date DATE NOT NULL, offer_id STRING, program STRING, org_unit_id STRING NOT NULL, "
                    + "participants BIGINT NOT NULL, participants_female BIGINT, participants_male BIGINT, "
                    + "participants_diverse BIGINT, participants_newcomers BIGINT, source_file STRING, source_line INT",
            "One row per event (session) with its participants, attributed to the offer's Gemeinde or the named Stadt.")
            .withChecks(
                    QualityCheck.notNull("event_date", "org_unit_id", "participants"),
                    QualityCheck.relationship("offer_id", SILVER_OFFERS, "offer_id",
                            "{n} Veranstaltungen verweisen auf Angebote, die in keinem Angebotsstand vorkommen"),
                    QualityCheck.relationship("org_unit_id", SILVER_ORG_UNITS, "org_unit_id",
                            "{n} Veranstaltungen verweisen auf unbekannte Organisationseinheiten"));

    public static final TableDef SILVER_WORKSHOPS = silver("workshops__workshops",
            "workshop_id STRING NOT NULL, title STRING NOT NULL, field_of_action STRING NOT NULL, workshop_date DATE NOT NULL, "
                    + "org_unit_id STRING NOT NULL, venue STRING, participants BIGINT, source_file STRING, source_line INT",
            "Workshops (e.g. Klimakonferenz workshops of an integration concept).");

    public static final TableDef SILVER_STATEMENTS = silver("workshops__statements",
            "workshop_id STRING NOT NULL, weather STRING NOT NULL, statement STRING NOT NULL, source_file STRING, source_line INT",
            "Statements collected in workshops, by Klimakonferenz category (sonne, wolke, gewitter, wind).");

    public static final TableDef SILVER_PROJECTS = silver("model_projects__projects",
            "project_id STRING NOT NULL, program STRING NOT NULL, org_unit_id STRING NOT NULL, title STRING NOT NULL, "
                    + "target_group STRING, start_date DATE, end_date DATE, source_file STRING, source_line INT",
            "Model projects (e.g. 'Einwanderung gestalten NRW') and the org unit running them.");

    public static final TableDef SILVER_INDICATORS = silver("model_projects__indicators",
            "indicator_id STRING NOT NULL, name STRING NOT NULL, unit STRING NOT NULL, direction STRING NOT NULL, "
                    + "target DOUBLE, baseline DOUBLE, period_type STRING NOT NULL, description STRING, "
                    + "source_file STRING, source_line INT",
            "Indicator definitions: unit (Anteil, Anzahl, Tage), direction, target, baseline, period type.");

    public static final TableDef SILVER_INDICATOR_VALUES = silver("model_projects__values",
            "project_id STRING NOT NULL, indicator_id STRING NOT NULL, period STRING NOT NULL, value DOUBLE NOT NULL, "
                    + "target DOUBLE, note STRING, source_file STRING, source_line INT",
            "Indicator values per project and period (YYYY-MM, YYYY-Qn or YYYY), with an optional target override.");

    public static final TableDef SILVER_CASE_EVENTS = silver("model_projects__case_events",
            "case_id STRING NOT NULL, project_id STRING NOT NULL, milestone STRING NOT NULL, event_date DATE NOT NULL, "
                    + "source_file STRING, source_line INT",
            "Pseudonymous case milestones of the model projects (milestone: zuzug, erstberatung, kursanmeldung, kursbeginn, "
                    + "arbeitsaufnahme), one per case, project and milestone. case_id (Fall-ID) never leaves silver.")
            .withChecks(QualityCheck.uniqueKey("case_id", "project_id", "milestone"),
                    QualityCheck.acceptedValues("milestone", Milestone.codes()));

    public static final TableDef SILVER_QUARANTINE = silver("quarantine",
            "source_file STRING NOT NULL, source_line INT NOT NULL, reason STRING NOT NULL, column_name STRING, "
                    + "value STRING, run_id STRING NOT NULL",
            "Every rejected input row: the first reason found, the column and value, source file and line.");

    // ---- gold: dimensions (the silver reference data without lineage, for reports and notebooks) ----

    public static final TableDef GOLD_ORG_UNITS = gold("dim_org_units",
            "org_unit_id STRING NOT NULL, name STRING NOT NULL, level STRING NOT NULL, parent_id STRING, "
                    + "population BIGINT, population_foreign BIGINT, newcomers_12m BIGINT, kreis_id STRING, regierungsbezirk_id STRING, "
                    + "lat DOUBLE, lon DOUBLE",
            "Organisation units Land > Regierungsbezirk > Kreis > Gemeinde > Stadtteil (level: land, regierungsbezirk, kreis, "
                    + "gemeinde, stadtteil) with residents, their Kreis and Regierungsbezirk and their centre (lat, lon in "
                    + "WGS84 degrees, null where not delivered); rewritten whole every run.");

    public static final TableDef GOLD_ORG_UNIT_SHAPES = gold("dim_org_unit_shapes",
            "org_unit_id STRING NOT NULL, geometry_wkt STRING NOT NULL",
            "Delivered unit shapes for maps (WKT, WGS84: x = longitude, y = latitude); empty without "
                    + "reference/boundaries.geojson; rewritten whole every run.");

    public static final TableDef GOLD_MODEL_PROJECTS = gold("dim_model_projects",
            "project_id STRING NOT NULL, program STRING NOT NULL, org_unit_id STRING NOT NULL, title STRING NOT NULL, "
                    + "target_group STRING, start_date DATE, end_date DATE",
            "Model projects (e.g. 'Einwanderung gestalten NRW'), the org unit running them, target group, Beginn and Ende; "
                    + "rewritten whole every run.");

    public static final TableDef GOLD_INDICATORS = gold("dim_indicators",
            "indicator_id STRING NOT NULL, name STRING NOT NULL, unit STRING NOT NULL, direction STRING NOT NULL, "
                    + "target DOUBLE, baseline DOUBLE, period_type STRING NOT NULL, description STRING",
            "Indicator definitions of the model projects: unit (Anteil, Anzahl, Tage), direction, target, baseline, "
                    + "period type; rewritten whole every run.");

    // ---- gold: facts and published marts ---------------------------------------------------

    public static final TableDef GOLD_OFFERS_ACTIVE = monthlyGold("fct_offers_active_monthly",
            "month STRING NOT NULL, offer_id STRING NOT NULL, org_unit_id STRING NOT NULL, snapshot_date DATE NOT NULL",
            "Offers active in a month: the version valid on the month's last day (= latest snapshot on or before it), "
                    + "begun and not ended; snapshot_date names the snapshot holding that version's attributes.");

    public static final TableDef GOLD_EVENTS = monthlyGold("fct_participation_events",
            "month STRING NOT NULL, event_date DATE NOT NULL, org_unit_id STRING NOT NULL, offer_id STRING, program STRING, "
                    + "participants BIGINT NOT NULL, participants_female BIGINT NOT NULL, participants_newcomers BIGINT NOT NULL",
            "Valid participation events in covered months (missing 'davon' counts as 0).");

    public static final TableDef GOLD_EVENTS_BY_CATEGORY = monthlyGold("fct_events_by_category",
            "month STRING NOT NULL, org_unit_id STRING NOT NULL, offer_status STRING NOT NULL, category STRING, "
                    + "events BIGINT NOT NULL, participants BIGINT NOT NULL",
            "Events and participants per month, org unit and category of the event's offer (the version active in the "
                    + "month; an event of an offer with several categories counts in each). offer_status: active (category "
                    + "null only if the version has none), not_active (the offer is not in the month's offers state) or "
                    + "no_offer (event without an offer, e.g. a programme's own event); category null unless active.");

    public static final TableDef GOLD_DATA_AS_OF = monthlyGold("fct_data_as_of",
            "month STRING NOT NULL, offers_snapshot_date DATE, latest_event_date DATE",
            "What each month's figures rest on: the offers snapshot that describes the month (the latest on or before its "
                    + "last day) and the date of the latest valid event in it (null: no events).");

    public static final TableDef GOLD_KPI_MONTHLY = monthlyGold("kpi_monthly",
            "month STRING NOT NULL, org_unit_id STRING NOT NULL, offers_active BIGINT NOT NULL, offers_new BIGINT, "
                    + "offers_ended BIGINT, events BIGINT NOT NULL, participants BIGINT NOT NULL, "
                    + "participants_female BIGINT NOT NULL, participants_newcomers BIGINT NOT NULL, "
                    + "workshops BIGINT NOT NULL, workshop_participants BIGINT NOT NULL",
            "Published mart: key figures per month and org unit (every Gemeinde and Kreis), as the data contract defines them.")
            .withChecks(
                    QualityCheck.uniqueKey("month", "org_unit_id"),
                    QualityCheck.sql("freshness(participation)", QualityCheck.Severity.WARNING,
                            "SELECT o.name AS detail FROM {table} k JOIN silver.reference__org_units o ON o.org_unit_id = k.org_unit_id "
                                    + "WHERE o.level = '" + OrgLevel.GEMEINDE.code() + "' AND k.month = (SELECT max(month) FROM {table}) "
                                    + "AND k.offers_active > 0 AND k.events = 0",
                            "{n} Gemeinden haben aktive Angebote, aber für den Berichtsmonat keine gemeldete Teilnahme"),
                    QualityCheck.sql("volume_anomaly(participants)", QualityCheck.Severity.WARNING,
                            "WITH run AS (SELECT max(month) AS month FROM {table}), "
                                    + "current AS (SELECT k.org_unit_id, k.participants FROM {table} k JOIN run ON k.month = run.month), "
                                    + "previous AS (SELECT k.org_unit_id, avg(k.participants) AS mean, stddev_samp(k.participants) AS sd, "
                                    + "count(*) AS months FROM {table} k JOIN run ON k.month < run.month "
                                    + "AND k.month >= date_format(add_months(to_date(run.month || '-01'), -12), 'yyyy-MM') "
                                    + "GROUP BY k.org_unit_id) "
                                    + "SELECT concat(o.name, ': ', c.participants, ' Teilnehmende, sonst im Mittel ', "
                                    + "cast(round(p.mean) AS BIGINT)) AS detail "
                                    + "FROM current c JOIN previous p ON p.org_unit_id = c.org_unit_id "
                                    + "JOIN silver.reference__org_units o ON o.org_unit_id = c.org_unit_id "
                                    + "WHERE o.level = '" + OrgLevel.GEMEINDE.code() + "' AND p.months >= 6 "
                                    + "AND abs(c.participants - p.mean) > greatest(3 * coalesce(p.sd, 0), 10)",
                            "{n} Gemeinden mit ungewöhnlich vielen oder wenigen Teilnehmenden im Berichtsmonat "
                                    + "(mehr als drei Standardabweichungen vom Mittel der letzten zwölf Monate)"));

    public static final TableDef GOLD_COVERAGE_GAPS = monthlyGold("coverage_gaps",
            "month STRING NOT NULL, org_unit_id STRING NOT NULL, dimension STRING NOT NULL, value STRING NOT NULL, "
                    + "demand_persons BIGINT NOT NULL, offers_active BIGINT NOT NULL, expected_offers DOUBLE NOT NULL, "
                    + "coverage_index DOUBLE, shortfall DOUBLE NOT NULL, is_gap BOOLEAN NOT NULL",
            "Published mart: per month, Gemeinde, dimension and value the demand, the active offers serving it, the "
                    + "offers expected at the reference area's rate, shortfall, coverage index and is_gap (data contract).")
            .withChecks(QualityCheck.uniqueKey("month", "org_unit_id", "dimension", "value"));

    public static final TableDef GOLD_OFFER_ACCESS = monthlyGold("offer_access",
            "month STRING NOT NULL, org_unit_id STRING NOT NULL, dimension STRING NOT NULL, value STRING NOT NULL, "
                    + "demand_persons BIGINT NOT NULL, access_per_10k DOUBLE NOT NULL, region_access_per_10k DOUBLE, "
                    + "access_ratio DOUBLE, is_access_gap BOOLEAN NOT NULL",
            "Published mart: offers reachable across municipal borders (E2SFCA, Gaussian weight within access.catchment-km) "
                    + "per month, Gemeinde with a centre, dimension and value, per 10,000 persons in demand, beside the "
                    + "reference area's demand-weighted mean; is_access_gap by the gap thresholds (data contract).")
            .withChecks(QualityCheck.uniqueKey("month", "org_unit_id", "dimension", "value"));

    public static final TableDef GOLD_COVERAGE_GAPS_DISTRICTS = monthlyGold("coverage_gaps_districts",
            "month STRING NOT NULL, org_unit_id STRING NOT NULL, gemeinde_id STRING NOT NULL, dimension STRING NOT NULL, "
                    + "value STRING NOT NULL, demand_persons BIGINT NOT NULL, offers_active BIGINT NOT NULL, "
                    + "expected_offers DOUBLE NOT NULL, coverage_index DOUBLE, shortfall DOUBLE NOT NULL, is_gap BOOLEAN NOT NULL",
            "The coverage_gaps measures for Stadtteile with known demand: offers whose Stadtteil field names the Stadtteil, "
                    + "expected offers at the rate of the Gemeinde's reference area.")
            .withChecks(QualityCheck.uniqueKey("month", "org_unit_id", "dimension", "value"));

    public static final TableDef GOLD_SUPPLY_MATRIX = monthlyGold("supply_matrix",
            "month STRING NOT NULL, org_unit_id STRING NOT NULL, category STRING NOT NULL, offers_active BIGINT NOT NULL, "
                    + "population BIGINT, offers_per_10k DOUBLE, reference_area_id STRING NOT NULL, area_median_per_10k DOUBLE",
            "Active offers per month, Gemeinde and category (every category, zeros explicit), per 10,000 residents, and the "
                    + "median of that rate over the Gemeinden of the reference area (Kreis; Regierungsbezirk for a kreisfreie Stadt).")
            .withChecks(QualityCheck.uniqueKey("month", "org_unit_id", "category"));

    public static final TableDef GOLD_WORKSHOP_EVALUATION = gold("workshop_evaluation",
            "workshop_id STRING NOT NULL, title STRING NOT NULL, field_of_action STRING NOT NULL, workshop_date DATE NOT NULL, "
                    + "org_unit_id STRING NOT NULL, venue STRING, participants BIGINT, weather STRING NOT NULL, "
                    + "statements BIGINT NOT NULL",
            "Per workshop held up to the report month and Klimakonferenz category (sonne, wolke, gewitter, wind): the number "
                    + "of statements, zeros explicit; with the workshop's field of action, date, place and participants.")
            .withChecks(QualityCheck.uniqueKey("workshop_id", "weather"));

    public static final TableDef GOLD_WORKSHOP_STATEMENTS = gold("fct_workshop_statements",
            "workshop_id STRING NOT NULL, field_of_action STRING NOT NULL, workshop_date DATE NOT NULL, org_unit_id STRING NOT NULL, "
                    + "weather STRING NOT NULL, statement STRING NOT NULL, statement_order INT",
            "Statements of workshops held up to the report month with their field of action (statement_order: line in the "
                    + "delivered file, to keep the order in which they were written down).");

    public static final TableDef GOLD_INDICATOR_ATTAINMENT = gold("indicator_attainment",
            "project_id STRING NOT NULL, indicator_id STRING NOT NULL, period STRING NOT NULL, value DOUBLE, baseline DOUBLE, "
                    + "target DOUBLE, attainment DOUBLE, status STRING NOT NULL, period_type STRING NOT NULL, period_start DATE NOT NULL",
            "Published mart: per project, reported indicator and period of its type within the project span (up to the run "
                    + "month) the value, baseline, target, attainment and status (data contract); periods without a value: "
                    + "status 'keine Daten'.")
            .withChecks(QualityCheck.uniqueKey("project_id", "indicator_id", "period"),
                    QualityCheck.acceptedValues("status", AttainmentStatus.labels()));

    public static final TableDef GOLD_PROJECT_COMPLETENESS = gold("project_completeness",
            "project_id STRING NOT NULL, expected_periods BIGINT NOT NULL, delivered_periods BIGINT NOT NULL, "
                    + "completeness DOUBLE, missing_periods STRING",
            "Per model project: periods expected over its reported indicators, periods delivered, the share delivered and "
                    + "the missing ones ('IND-01 2026-03, ...').")
            .withChecks(QualityCheck.uniqueKey("project_id"));

    public static final TableDef GOLD_INDICATOR_TREND = gold("indicator_trend",
            "project_id STRING NOT NULL, indicator_id STRING NOT NULL, latest_period STRING, latest_value DOUBLE, "
                    + "latest_status STRING, previous_value DOUBLE, change DOUBLE, trend STRING NOT NULL",
            "Per project and indicator: the latest period with a value, its value and status, the change since the period "
                    + "before, and the trend over the last four periods in the indicator's direction (verbessert, "
                    + "verschlechtert, unverändert, keine Daten).")
            .withChecks(QualityCheck.uniqueKey("project_id", "indicator_id"));

    public static final TableDef GOLD_TIME_TO_EVENT = gold("time_to_event",
            "project_id STRING NOT NULL, milestone STRING NOT NULL, cohort STRING NOT NULL, cases BIGINT NOT NULL, "
                    + "events BIGINT NOT NULL, censored BIGINT NOT NULL, share_within_limit DOUBLE NOT NULL, share_lower_95 DOUBLE, "
                    + "share_upper_95 DOUBLE, median_days INT, naive_share_within_limit DOUBLE, limit_days INT NOT NULL",
            "Published mart: per project with cases, milestone (kursbeginn, erstberatung, arbeitsaufnahme) and cohort (gesamt, "
                    + "or the quarter of Zuzug) the Kaplan-Meier share reaching the milestone within limit_days of Zuzug "
                    + "(tte.limit-days), its 95 % log-log Greenwood interval, the median days and the naive completed-waits "
                    + "share (data contract).")
            .withChecks(QualityCheck.uniqueKey("project_id", "milestone", "cohort"));

    public static final TableDef GOLD_TIME_TO_EVENT_CURVE = gold("time_to_event_curve",
            "project_id STRING NOT NULL, milestone STRING NOT NULL, cohort STRING NOT NULL, day INT NOT NULL, at_risk BIGINT NOT NULL, "
                    + "events BIGINT NOT NULL, censored BIGINT NOT NULL, share_reached DOUBLE NOT NULL, share_lower_95 DOUBLE, "
                    + "share_upper_95 DOUBLE",
            "The Kaplan-Meier curves behind gold.time_to_event: per project, milestone and cohort one row per day since Zuzug "
                    + "with an event or a censoring, the cases at risk, events and censorings that day, the share reached "
                    + "(1 - S(day)) and its 95 % log-log Greenwood interval; the charts of the Modellprojekt-Evaluation.")
            .withChecks(QualityCheck.uniqueKey("project_id", "milestone", "cohort", "day"));

    public static final TableDef GOLD_TIME_TO_EVENT_CASES = gold("time_to_event_cases",
            "project_id STRING NOT NULL, cases_delivered BIGINT NOT NULL, cases_without_start BIGINT NOT NULL, "
                    + "cases_outside_follow_up BIGINT NOT NULL, cases_counted BIGINT NOT NULL, follow_up_end DATE NOT NULL",
            "Per model project with delivered case milestones: the cases delivered, those without a valid Zuzug (ohne Zuzug, "
                    + "left out of every time-to-event figure), those whose Zuzug lies after the follow-up end (the project's "
                    + "Ende or the run month's end, whichever is earlier; left out), and those counted in gold.time_to_event.");

    public static final TableDef GOLD_QUARANTINE_SUMMARY = gold("fct_quarantine_summary",
            "source_file STRING NOT NULL, reason STRING NOT NULL, quarantined_rows BIGINT NOT NULL, examples ARRAY<STRING> NOT NULL",
            "Rows of silver.quarantine per input file and reason, with the three alphabetically first references "
                    + "'<file> Zeile <line>' as examples (what the reports say about rejected rows; no values).");

    // ---- ops: what runs record about themselves (bookkeeping, not gold) ------------------------

    public static final TableDef OPS_DQ_RESULTS = ops("dq_results",
            "check_name STRING NOT NULL, table_name STRING NOT NULL, severity STRING NOT NULL, failing_rows BIGINT NOT NULL, "
                    + "run_id STRING NOT NULL, message STRING NOT NULL, examples STRING, checked_at TIMESTAMP NOT NULL",
            "Results of the data-quality checks declared in this catalog, one row per check and run "
                    + "(failing_rows = 0 means passed); message is the German sentence shown in the Monatsbericht.");

    public static final TableDef OPS_RUN_LOG = ops("run_log",
            "run_id STRING NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, status STRING NOT NULL, "
                    + "arguments STRING, report_month STRING, message STRING, mode STRING, settings_fingerprint STRING",
            "One row per pipeline run: when, with which arguments, for which month, and how it ended (message: the error of a "
                    + "failed run; for a run that computed case milestones their summary with the cases without Zuzug per project); "
                    + "mode: full or "
                    + "incremental (and why full); settings_fingerprint: hash of conf/ the run used (a change forces a full run).");

    public static final TableDef OPS_RUN_TABLES = ops("run_tables",
            "run_id STRING NOT NULL, table_name STRING NOT NULL, version_read BIGINT, version_written BIGINT, rows_written BIGINT",
            "Per run and table: the Delta version the run read first, the version it left, and the rows it wrote; "
                    + "a report of that run can be re-created by time travel to these versions.");

    public static final TableDef OPS_FILE_LOG = ops("file_log",
            "run_id STRING NOT NULL, source_file STRING NOT NULL, file_checksum STRING, status STRING NOT NULL, "
                    + "rows_in BIGINT NOT NULL, rows_accepted BIGINT NOT NULL, rows_quarantined BIGINT NOT NULL, message STRING",
            "Row accounting per input file and run: rows in = rows accepted + rows quarantined; rejected files with the reason.");

    private static final List<TableDef> ALL = all0();

    public static TableDef bronze(Source source) {
        return BRONZE.get(source);
    }

    public static List<TableDef> all() {
        return ALL;
    }

    private static Map<Source, TableDef> bronzeTables() {
        Map<Source, TableDef> tables = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            String raw = source.columns().stream().map(c -> "`" + c.name() + "` STRING").collect(Collectors.joining(", "));
            tables.put(source, new TableDef(Layer.BRONZE, source.tableName(),
                    StructType.fromDDL(BRONZE_LINEAGE + ", " + raw + ", _extra_columns MAP<STRING, STRING>"),
                    List.of("_source_file"), "Raw rows of " + source.tableName()
                    + " files as delivered (all values text), append-only with lineage; one partition per delivered file."));
        }
        return tables;
    }

    private static List<TableDef> all0() {
        List<TableDef> tables = new ArrayList<>(BRONZE.values());
        tables.addAll(List.of(SILVER_ORG_UNITS, SILVER_BOUNDARIES, SILVER_DEMAND, SILVER_OFFERS, SILVER_OFFER_HISTORY, SILVER_OFFER_CODES, SILVER_EVENTS, SILVER_WORKSHOPS,
                SILVER_STATEMENTS, SILVER_PROJECTS, SILVER_INDICATORS, SILVER_INDICATOR_VALUES, SILVER_CASE_EVENTS, SILVER_QUARANTINE,
                GOLD_ORG_UNITS, GOLD_ORG_UNIT_SHAPES, GOLD_MODEL_PROJECTS, GOLD_INDICATORS,
                GOLD_OFFERS_ACTIVE, GOLD_EVENTS, GOLD_EVENTS_BY_CATEGORY, GOLD_DATA_AS_OF, GOLD_KPI_MONTHLY, GOLD_COVERAGE_GAPS, GOLD_COVERAGE_GAPS_DISTRICTS, GOLD_OFFER_ACCESS,
                GOLD_SUPPLY_MATRIX, GOLD_WORKSHOP_EVALUATION, GOLD_WORKSHOP_STATEMENTS,
                GOLD_INDICATOR_ATTAINMENT, GOLD_PROJECT_COMPLETENESS, GOLD_INDICATOR_TREND, GOLD_TIME_TO_EVENT, GOLD_TIME_TO_EVENT_CURVE,
                GOLD_TIME_TO_EVENT_CASES, GOLD_QUARANTINE_SUMMARY, OPS_DQ_RESULTS, OPS_RUN_LOG, OPS_RUN_TABLES, OPS_FILE_LOG));
        return List.copyOf(tables);
    }

    private static TableDef silver(String name, String ddl, String description) {
        return silver(name, List.of(), ddl, description);
    }

    /** A silver table partitioned so an incremental run can replace one snapshot's or one file's rows. */
    private static TableDef silver(String name, List<String> partitionColumns, String ddl, String description) {
        return new TableDef(Layer.SILVER, name, StructType.fromDDL(ddl), partitionColumns, description);
    }

    /** A gold table with one partition per month, so an incremental run rewrites only the months it recomputes. */
    private static TableDef monthlyGold(String name, String ddl, String description) {
        return new TableDef(Layer.GOLD, name, StructType.fromDDL(ddl), List.of("month"), description);
    }

    private static TableDef ops(String name, String ddl, String description) {
        return new TableDef(Layer.OPS, name, StructType.fromDDL(ddl), List.of(), description);
    }

    private static TableDef gold(String name, String ddl, String description) {
        return new TableDef(Layer.GOLD, name, StructType.fromDDL(ddl), List.of(), description);
    }
}
