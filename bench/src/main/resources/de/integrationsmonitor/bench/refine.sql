-- DuckDB baseline, step 1: the delivered rows that the data contract accepts, parsed and normalised.
-- Written from ../shared/data-contract.md. Input: the raw_* tables (every column VARCHAR, one row per
-- data line in file order, so rowid orders the rows of a file), conf_vocabularies, conf_city_aliases
-- and run_parameters. A row the contract rejects (any reason code) is left out here; which reason
-- applies does not matter for the marts, only that the row does not count.

-- ---- parsing rules shared by every file ------------------------------------------------------------

-- A value is trimmed; empty means missing.
CREATE MACRO txt(x) AS nullif(trim(x), '');
-- Decimal comma and decimal point are both accepted.
CREATE MACRO num(x) AS TRY_CAST(replace(txt(x), ',', '.') AS DECIMAL(38, 10));
-- A count is a whole number; 12,0 is 12, 12,5 is not a count.
CREATE MACRO cnt(x) AS CASE WHEN num(x) = floor(num(x)) THEN TRY_CAST(num(x) AS BIGINT) END;
-- Dates YYYY-MM-DD or DD.MM.YYYY; impossible dates (31.02.2026) are not dates.
CREATE MACRO dt(x) AS coalesce(TRY_STRPTIME(txt(x), '%Y-%m-%d'), TRY_STRPTIME(txt(x), '%d.%m.%Y'))::DATE;
CREATE MACRO missing(x) AS txt(x) IS NULL;
CREATE MACRO bad_number(x) AS coalesce(txt(x) IS NOT NULL AND num(x) IS NULL, false);
CREATE MACRO bad_count(x) AS coalesce(txt(x) IS NOT NULL AND cnt(x) IS NULL, false);
CREATE MACRO negative(x) AS coalesce(num(x) < 0, false);
CREATE MACRO bad_date(x) AS coalesce(txt(x) IS NOT NULL AND dt(x) IS NULL, false);
-- Multi-valued fields: ' | ' between values, spaces optional, empty parts ignored.
CREATE MACRO labels(x) AS list_filter(list_transform(string_split(coalesce(x, ''), '|'), s -> trim(s)), s -> s <> '');
-- Labels and names match ignoring case and surrounding space.
CREATE MACRO name_key(x) AS lower(trim(x));
-- The first day of a period written YYYY-MM, YYYY-Qn or YYYY.
CREATE MACRO period_start(p) AS CASE
    WHEN regexp_full_match(p, '[0-9]{4}-Q[1-4]') THEN make_date(substr(p, 1, 4)::INT, (substr(p, 7, 1)::INT - 1) * 3 + 1, 1)
    WHEN regexp_full_match(p, '[0-9]{4}') THEN make_date(p::INT, 1, 1)
    ELSE (p || '-01')::DATE END;

-- ---- conf/: vocabularies and city aliases (the first line for a label or alias wins) -------------

CREATE TABLE vocabulary AS
SELECT trim(dimension) AS dimension, name_key(label) AS label, trim(code) AS code
FROM conf_vocabularies
QUALIFY row_number() OVER (PARTITION BY trim(dimension), name_key(label) ORDER BY rowid) = 1;

-- Every code of a dimension: what an offer open to all serves. '*' marks the "für alle offen" label.
CREATE TABLE dimension_codes AS
SELECT DISTINCT dimension, code FROM vocabulary WHERE code <> '*';

CREATE TABLE city_aliases AS
SELECT name_key(alias) AS alias_key, name_key(name) AS name_key
FROM conf_city_aliases
QUALIFY row_number() OVER (PARTITION BY name_key(alias) ORDER BY rowid) = 1;

-- ---- reference/org_units.csv --------------------------------------------------------------------

CREATE TABLE org_units_checked AS
SELECT txt(org_unit_id) AS org_unit_id, txt(name) AS name, lower(txt(level)) AS level, txt(parent_id) AS parent_id
FROM raw_reference__org_units
WHERE NOT (missing(org_unit_id) OR missing(name) OR missing(level)
        OR bad_count(population) OR bad_count(population_foreign) OR bad_count(newcomers_12m)
        OR negative(population) OR negative(population_foreign) OR negative(newcomers_12m)
        OR lower(txt(level)) NOT IN ('land', 'regierungsbezirk', 'kreis', 'gemeinde', 'stadtteil'))
QUALIFY row_number() OVER (PARTITION BY txt(org_unit_id) ORDER BY rowid) = 1;

-- A unit whose parent is not in the file (unknown_org_unit) is left out; every unit gets its Kreis and
-- Regierungsbezirk (the nearest ancestor of that level, itself included).
CREATE TABLE org_units AS
WITH RECURSIVE ancestors(org_unit_id, ancestor_id, depth) AS (
    SELECT org_unit_id, org_unit_id, 0 FROM org_units_checked
    UNION ALL
    SELECT a.org_unit_id, u.parent_id, a.depth + 1
    FROM ancestors a JOIN org_units_checked u ON u.org_unit_id = a.ancestor_id
    WHERE a.depth < 9 AND u.parent_id IS NOT NULL),
levels AS (
    SELECT a.org_unit_id,
           arg_min(a.ancestor_id, a.depth) FILTER (WHERE x.level = 'kreis') AS kreis_id,
           arg_min(a.ancestor_id, a.depth) FILTER (WHERE x.level = 'regierungsbezirk') AS regierungsbezirk_id
    FROM ancestors a JOIN org_units_checked x ON x.org_unit_id = a.ancestor_id
    GROUP BY a.org_unit_id)
SELECT u.org_unit_id, u.name, u.level, u.parent_id, l.kreis_id, l.regierungsbezirk_id
FROM org_units_checked u LEFT JOIN levels l USING (org_unit_id)
WHERE u.level = 'land' OR u.parent_id IN (SELECT org_unit_id FROM org_units_checked);

-- Which names mean which unit, for three purposes: offers name a Gemeinde ('gemeinde'); participation
-- without offer id and workshops name a Gemeinde or else a Kreis ('place': a shared name means the
-- Gemeinde); model projects name any unit ('any'). An alias from conf/ means what its name means.
CREATE TABLE unit_names AS
WITH preferences(purpose, level, preference) AS (
    VALUES ('gemeinde', 'gemeinde', 1),
           ('place', 'gemeinde', 1), ('place', 'kreis', 2),
           ('any', 'gemeinde', 1), ('any', 'kreis', 2), ('any', 'regierungsbezirk', 3), ('any', 'land', 4), ('any', 'stadtteil', 5)),
named AS (
    SELECT p.purpose, name_key(u.name) AS name_key, u.org_unit_id
    FROM org_units u JOIN preferences p ON p.level = u.level
    QUALIFY row_number() OVER (PARTITION BY p.purpose, name_key(u.name) ORDER BY p.preference, u.org_unit_id) = 1)
SELECT purpose, name_key, org_unit_id FROM named
UNION ALL
SELECT n.purpose, a.alias_key, n.org_unit_id
FROM city_aliases a JOIN named n ON n.name_key = a.name_key
WHERE NOT EXISTS (SELECT 1 FROM named x WHERE x.purpose = n.purpose AND x.name_key = a.alias_key);

-- ---- reference/demand.csv -----------------------------------------------------------------------

-- value is a label or its code (never the "für alle offen" label); key (org_unit_id, dimension, code).
CREATE TABLE demand AS
SELECT txt(d.org_unit_id) AS org_unit_id, lower(txt(d.dimension)) AS dimension, v.code AS value, cnt(d.persons) AS persons
FROM raw_reference__demand d
LEFT JOIN vocabulary v ON v.dimension = lower(txt(d.dimension)) AND v.label = name_key(d.value) AND v.code <> '*'
WHERE NOT (missing(d.org_unit_id) OR missing(d.dimension) OR missing(d.value) OR missing(d.persons)
        OR bad_count(d.persons) OR negative(d.persons)
        OR lower(txt(d.dimension)) NOT IN ('language', 'age_group', 'gender', 'migration')
        OR v.code IS NULL
        OR txt(d.org_unit_id) NOT IN (SELECT org_unit_id FROM org_units))
QUALIFY row_number() OVER (PARTITION BY txt(d.org_unit_id), lower(txt(d.dimension)), v.code ORDER BY d.rowid) = 1;

-- ---- offers/angebote_YYYY-MM-DD.csv -------------------------------------------------------------

CREATE TABLE offer_rows AS
SELECT rowid AS row_id, TRY_CAST(_period AS DATE) AS snapshot_date, * EXCLUDE (_period)
FROM raw_offers__snapshots;

-- Every label of the multi-valued fields with its code (null: a label no vocabulary knows).
CREATE TABLE offer_labels AS
WITH fields AS (
    SELECT row_id, 'category' AS dimension, labels(categories) AS labels FROM offer_rows
    UNION ALL SELECT row_id, 'language', labels(languages) FROM offer_rows
    UNION ALL SELECT row_id, 'gender', labels(genders) FROM offer_rows
    UNION ALL SELECT row_id, 'migration', labels(migration) FROM offer_rows
    UNION ALL SELECT row_id, 'age_group', labels(age_groups) FROM offer_rows),
parts AS (
    SELECT row_id, dimension, unnest(labels) AS label FROM fields)
SELECT p.row_id, p.dimension, v.code
FROM parts p LEFT JOIN vocabulary v ON v.dimension = p.dimension AND v.label = name_key(p.label);

-- Accepted offer rows, one per offer id and snapshot (the first). An empty target-group field or the
-- "für alle offen" label means open to every value of that dimension. Stadt must name a Gemeinde.
CREATE TABLE offers AS
WITH label_summary AS (
    SELECT row_id,
           bool_or(code IS NULL) AS has_unknown_label,
           count(*) FILTER (WHERE dimension = 'gender') AS genders,
           coalesce(bool_or(code = '*') FILTER (WHERE dimension = 'gender'), false) AS genders_open,
           count(*) FILTER (WHERE dimension = 'age_group') AS age_groups,
           coalesce(bool_or(code = '*') FILTER (WHERE dimension = 'age_group'), false) AS age_groups_open,
           count(*) FILTER (WHERE dimension = 'migration') AS migration,
           coalesce(bool_or(code = '*') FILTER (WHERE dimension = 'migration'), false) AS migration_open
    FROM offer_labels GROUP BY row_id)
SELECT o.row_id, o.snapshot_date, txt(o.offer_id) AS offer_id, c.org_unit_id, dt(o.start_date) AS start_date,
       dt(o.end_date) AS end_date,
       coalesce(l.genders, 0) = 0 OR coalesce(l.genders_open, false) AS is_open_to_all_genders,
       coalesce(l.age_groups, 0) = 0 OR coalesce(l.age_groups_open, false) AS is_open_to_all_age_groups,
       coalesce(l.migration, 0) = 0 OR coalesce(l.migration_open, false) AS is_open_to_all_migration
FROM offer_rows o
LEFT JOIN label_summary l USING (row_id)
LEFT JOIN unit_names c ON c.purpose = 'gemeinde' AND c.name_key = name_key(o.city)
WHERE NOT (missing(o.offer_id) OR missing(o.city) OR missing(o.offer_name) OR missing(o.categories)
        OR bad_count(o.places) OR negative(o.places) OR bad_date(o.start_date) OR bad_date(o.end_date)
        OR coalesce(l.has_unknown_label, false)
        OR c.org_unit_id IS NULL)
QUALIFY row_number() OVER (PARTITION BY txt(o.offer_id), o.snapshot_date ORDER BY o.row_id) = 1;

-- Which (dimension, value) each accepted offer row serves: its codes; every code of a dimension it is open
-- to all in; an empty language field (or 'Sprache nicht festgelegt', a label of de) counts as deutsch.
CREATE TABLE offer_serves AS
SELECT DISTINCT l.row_id, l.dimension, l.code AS value
FROM offer_labels l JOIN offers o USING (row_id)
WHERE l.dimension IN ('language', 'age_group', 'gender', 'migration') AND l.code <> '*'
UNION
SELECT o.row_id, 'language', 'de'
FROM offers o
WHERE NOT EXISTS (SELECT 1 FROM offer_labels l WHERE l.row_id = o.row_id AND l.dimension = 'language')
UNION
SELECT o.row_id, d.dimension, d.code
FROM offers o JOIN dimension_codes d
  ON (d.dimension = 'gender' AND o.is_open_to_all_genders)
  OR (d.dimension = 'age_group' AND o.is_open_to_all_age_groups)
  OR (d.dimension = 'migration' AND o.is_open_to_all_migration);

-- ---- participation/teilnahmen_YYYY-MM.csv -------------------------------------------------------

-- An event with an offer id belongs to that offer's Gemeinde (as of the latest snapshot on or before
-- the event, else the earliest); its id must appear in some snapshot. Without an offer id the event
-- needs Programm and Stadt (a Gemeinde or a Kreis). Events dated after the delivery are not counted.
CREATE TABLE events AS
WITH e AS (
    SELECT rowid AS row_id, *, txt(offer_id) AS event_offer_id, dt(event_date) AS event_day
    FROM raw_participation__events),
-- Each offer's snapshots shrink to the periods with one Gemeinde (the same plan as the pipeline's, so that
-- both sides are compared with an equally good algorithm): an event matches exactly one period, the one
-- holding its date, or the first period when it is dated before it (or undated).
changes AS (
    SELECT offer_id, snapshot_date, org_unit_id,
           row_number() OVER w = 1 AS is_first,
           lag(org_unit_id) OVER w AS previous
    FROM offers
    WINDOW w AS (PARTITION BY offer_id ORDER BY snapshot_date)),
periods AS (
    SELECT offer_id, org_unit_id, is_first, snapshot_date AS place_from,
           lead(snapshot_date) OVER (PARTITION BY offer_id ORDER BY snapshot_date) AS place_until
    FROM changes
    WHERE is_first OR previous <> org_unit_id),
offer_places AS (
    SELECT e.row_id, p.org_unit_id
    FROM e JOIN periods p ON p.offer_id = e.event_offer_id
     AND ((e.event_day >= p.place_from AND (p.place_until IS NULL OR e.event_day < p.place_until))
          OR (p.is_first AND (e.event_day IS NULL OR e.event_day < p.place_from))))
SELECT e.event_day AS event_date, e.event_offer_id AS offer_id, coalesce(p.org_unit_id, c.org_unit_id) AS org_unit_id,
       cnt(e.participants) AS participants, cnt(e.female) AS participants_female,
       cnt(e.newcomers) AS participants_newcomers
FROM e
LEFT JOIN offer_places p USING (row_id)
LEFT JOIN unit_names c ON c.purpose = 'place' AND c.name_key = name_key(e.city)
WHERE NOT (missing(e.event_date) OR missing(e.participants)
        OR bad_count(e.participants) OR bad_count(e.female) OR bad_count(e.male) OR bad_count(e.diverse)
        OR bad_count(e.newcomers)
        OR negative(e.participants) OR negative(e.female) OR negative(e.male) OR negative(e.diverse)
        OR negative(e.newcomers)
        OR bad_date(e.event_date)
        OR coalesce(e.event_day > (SELECT ingested_on FROM run_parameters), false)
        OR (e.event_offer_id IS NULL AND txt(e.city) IS NOT NULL AND c.org_unit_id IS NULL)
        OR (e.event_offer_id IS NOT NULL AND p.org_unit_id IS NULL)
        OR coalesce(coalesce(cnt(e.female), 0) + coalesce(cnt(e.male), 0) + coalesce(cnt(e.diverse), 0) > cnt(e.participants), false)
        OR coalesce(cnt(e.newcomers) > cnt(e.participants), false)
        OR (e.event_offer_id IS NULL AND (txt(e.program) IS NULL OR txt(e.city) IS NULL)));

-- ---- workshops/workshops.csv ----------------------------------------------------------------------

CREATE TABLE workshops AS
SELECT txt(w.workshop_id) AS workshop_id, dt(w.workshop_date) AS workshop_date, c.org_unit_id,
       cnt(w.participants) AS participants
FROM raw_workshops__workshops w
LEFT JOIN unit_names c ON c.purpose = 'place' AND c.name_key = name_key(w.city)
WHERE NOT (missing(w.workshop_id) OR missing(w.title) OR missing(w.field_of_action) OR missing(w.workshop_date)
        OR missing(w.city) OR bad_count(w.participants) OR negative(w.participants) OR bad_date(w.workshop_date)
        OR c.org_unit_id IS NULL)
QUALIFY row_number() OVER (PARTITION BY txt(w.workshop_id) ORDER BY w.rowid) = 1;

-- ---- model-projects/*.csv -------------------------------------------------------------------------

-- Org-Einheit is a unit's name (or alias) or its id.
CREATE TABLE projects AS
SELECT txt(p.project_id) AS project_id, dt(p.start_date) AS start_date, dt(p.end_date) AS end_date
FROM raw_model_projects__projects p
LEFT JOIN unit_names c ON c.purpose = 'any' AND c.name_key = name_key(p.org_unit)
WHERE NOT (missing(p.project_id) OR missing(p.program) OR missing(p.org_unit) OR missing(p.title)
        OR bad_date(p.start_date) OR bad_date(p.end_date)
        OR (c.org_unit_id IS NULL AND txt(p.org_unit) NOT IN (SELECT org_unit_id FROM org_units)))
QUALIFY row_number() OVER (PARTITION BY txt(p.project_id) ORDER BY p.rowid) = 1;

CREATE TABLE indicators AS
SELECT txt(indicator_id) AS indicator_id, lower(txt(direction)) AS direction, num(target) AS target,
       num(baseline) AS baseline,
       CASE lower(txt(period_type)) WHEN 'monat' THEN 'Monat' WHEN 'quartal' THEN 'Quartal' ELSE 'Jahr' END AS period_type
FROM raw_model_projects__indicators
WHERE NOT (missing(indicator_id) OR missing(name) OR missing(unit) OR missing(direction) OR missing(period_type)
        OR bad_number(target) OR bad_number(baseline)
        OR lower(txt(unit)) NOT IN ('anteil', 'anzahl', 'tage')
        OR lower(txt(direction)) NOT IN ('höher ist besser', 'niedriger ist besser')
        OR lower(txt(period_type)) NOT IN ('monat', 'quartal', 'jahr'))
QUALIFY row_number() OVER (PARTITION BY txt(indicator_id) ORDER BY rowid) = 1;

-- Periode must be written as the indicator's period type (2018-03, 2018-Q1, 2018); key
-- (Projekt-ID, Indikator-ID, Periode).
CREATE TABLE indicator_values AS
WITH v AS (
    SELECT rowid AS row_id, *, upper(txt(period)) AS written_period FROM raw_model_projects__values)
SELECT txt(v.project_id) AS project_id, txt(v.indicator_id) AS indicator_id, v.written_period AS period,
       num(v.value) AS value, num(v.target) AS target
FROM v LEFT JOIN indicators i ON i.indicator_id = txt(v.indicator_id)
WHERE NOT (missing(v.project_id) OR missing(v.indicator_id) OR missing(v.period) OR missing(v.value)
        OR bad_number(v.value) OR bad_number(v.target)
        OR NOT regexp_full_match(v.written_period, '[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?')
        OR NOT coalesce(regexp_full_match(v.written_period, CASE i.period_type WHEN 'Monat' THEN '[0-9]{4}-(0[1-9]|1[0-2])'
                WHEN 'Quartal' THEN '[0-9]{4}-Q[1-4]' WHEN 'Jahr' THEN '[0-9]{4}' END), true)
        OR txt(v.project_id) NOT IN (SELECT project_id FROM projects)
        OR i.indicator_id IS NULL)
QUALIFY row_number() OVER (PARTITION BY txt(v.project_id), txt(v.indicator_id), v.written_period ORDER BY v.row_id) = 1;

-- ---- months ----------------------------------------------------------------------------------------

-- The first covered month is the earliest snapshot's; the default report month is the latest month among
-- snapshot dates, participation file months, event dates, workshop dates and reported indicator
-- periods (a quarter or year by its first month).
CREATE TABLE delivered_months AS
SELECT (SELECT strftime(min(snapshot_date), '%Y-%m') FROM offers) AS first_month,
       (SELECT max(month) FROM (
            SELECT strftime(snapshot_date, '%Y-%m') AS month FROM offers
            UNION ALL SELECT _period FROM raw_participation__events
            UNION ALL SELECT strftime(event_date, '%Y-%m') FROM events
            UNION ALL SELECT strftime(workshop_date, '%Y-%m') FROM workshops
            UNION ALL SELECT strftime(period_start(period), '%Y-%m') FROM indicator_values)) AS latest_month;
