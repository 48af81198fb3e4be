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
-- A count is a whole number; 12,0 is 12, 12,5 is not a count. whole() takes a number parsed by num() already
-- (the big tables parse each field once and test the parsed value).
CREATE MACRO whole(n) AS CASE WHEN n = floor(n) THEN TRY_CAST(n AS BIGINT) END;
CREATE MACRO cnt(x) AS whole(num(x));
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

-- The set of values an offer serves in a target-group dimension is kept as a bit mask (one BIGINT per
-- dimension): every code of the dimension gets a bit. 'de' always has one (an empty language field means de).
CREATE TABLE code_bits AS
SELECT dimension, value, (row_number() OVER (PARTITION BY dimension ORDER BY value) - 1)::INTEGER AS bit
FROM (SELECT dimension, code AS value FROM dimension_codes WHERE dimension IN ('language', 'age_group', 'gender', 'migration')
      UNION SELECT 'language', 'de');

CREATE TABLE code_bits_fit AS
SELECT CASE WHEN max(bit) > 62 THEN error('code_bits: more than 63 codes in one dimension') END AS fits FROM code_bits;

-- The multi-valued fields repeat a few hundred distinct texts over millions of rows: each distinct text is
-- split into labels and looked up once. Per (dimension, text): whether a label is unknown, the number of
-- labels, and the values served: its codes; every code where it is open to all (empty, or the "für alle
-- offen" label; gender, age group, migration); de for an empty language field ('Sprache nicht festgelegt'
-- is a label of de).
CREATE TABLE offer_fields AS
WITH texts AS (
    SELECT DISTINCT 'category' AS dimension, coalesce(categories, '') AS field FROM raw_offers__snapshots
    UNION ALL SELECT DISTINCT 'language', coalesce(languages, '') FROM raw_offers__snapshots
    UNION ALL SELECT DISTINCT 'gender', coalesce(genders, '') FROM raw_offers__snapshots
    UNION ALL SELECT DISTINCT 'migration', coalesce(migration, '') FROM raw_offers__snapshots
    UNION ALL SELECT DISTINCT 'age_group', coalesce(age_groups, '') FROM raw_offers__snapshots),
parts AS (
    SELECT dimension, field, unnest(labels(field)) AS label FROM texts),
coded AS (
    SELECT p.dimension, p.field, v.code
    FROM parts p LEFT JOIN vocabulary v ON v.dimension = p.dimension AND v.label = name_key(p.label)),
summary AS (
    SELECT c.dimension, c.field, bool_or(c.code IS NULL) AS has_unknown_label, count(*) AS labels,
           bool_or(c.code = '*') AS is_open, coalesce(bit_or(1::BIGINT << b.bit), 0) AS codes_mask
    FROM coded c LEFT JOIN code_bits b ON b.dimension = c.dimension AND b.value = c.code
    GROUP BY ALL),
all_codes AS (
    SELECT dimension, bit_or(1::BIGINT << bit) AS mask FROM code_bits GROUP BY dimension)
SELECT t.dimension, t.field, coalesce(s.has_unknown_label, false) AS has_unknown_label,
       CASE WHEN t.dimension = 'language' AND coalesce(s.labels, 0) = 0 THEN (SELECT 1::BIGINT << bit FROM code_bits WHERE dimension = 'language' AND value = 'de')
            WHEN t.dimension IN ('gender', 'age_group', 'migration') AND (coalesce(s.labels, 0) = 0 OR s.is_open) THEN a.mask
            ELSE coalesce(s.codes_mask, 0) END AS serves
FROM texts t
LEFT JOIN summary s USING (dimension, field)
LEFT JOIN all_codes a USING (dimension);

-- Number and date fields repeat a few thousand distinct texts over millions of rows: each distinct text is
-- parsed once, into a lookup from the delivered text to its value (given: not empty after trimming). An empty
-- field (NULL) is looked up as '', so that every row finds its text (inner joins, built on the lookup).
CREATE TABLE offer_texts AS
SELECT raw, txt(raw) IS NOT NULL AS given, num(raw) AS number, cnt(raw) AS whole_number, dt(raw) AS day
FROM (SELECT coalesce(places, '') AS raw FROM raw_offers__snapshots
      UNION SELECT coalesce(start_date, '') FROM raw_offers__snapshots
      UNION SELECT coalesce(end_date, '') FROM raw_offers__snapshots);

-- Accepted offer rows, one per offer id and snapshot (the first). Stadt must name a Gemeinde. Places and
-- dates come parsed from offer_texts, the label checks from offer_fields.
CREATE TABLE offers AS
WITH o AS (
    SELECT rowid AS row_id, TRY_CAST(_period AS DATE) AS snapshot_date, txt(offer_id) AS offer_id, txt(city) AS city,
           txt(offer_name) AS offer_name, txt(categories) AS category_text, coalesce(categories, '') AS categories,
           coalesce(languages, '') AS languages, coalesce(genders, '') AS genders, coalesce(migration, '') AS migration,
           coalesce(age_groups, '') AS age_groups, coalesce(places, '') AS places, coalesce(start_date, '') AS start_date,
           coalesce(end_date, '') AS end_date
    FROM raw_offers__snapshots),
accepted AS (
    SELECT o.row_id, o.snapshot_date, o.offer_id, c.org_unit_id, s.day AS start_date, e.day AS end_date,
           fl.serves AS language_mask, fg.serves AS gender_mask, fa.serves AS age_group_mask, fm.serves AS migration_mask
    FROM o
    JOIN offer_fields fk ON fk.dimension = 'category' AND fk.field = o.categories
    JOIN offer_fields fl ON fl.dimension = 'language' AND fl.field = o.languages
    JOIN offer_fields fg ON fg.dimension = 'gender' AND fg.field = o.genders
    JOIN offer_fields fm ON fm.dimension = 'migration' AND fm.field = o.migration
    JOIN offer_fields fa ON fa.dimension = 'age_group' AND fa.field = o.age_groups
    JOIN offer_texts p ON p.raw = o.places
    JOIN offer_texts s ON s.raw = o.start_date
    JOIN offer_texts e ON e.raw = o.end_date
    LEFT JOIN unit_names c ON c.purpose = 'gemeinde' AND c.name_key = lower(o.city)
    WHERE o.offer_id IS NOT NULL AND o.city IS NOT NULL AND o.offer_name IS NOT NULL AND o.category_text IS NOT NULL
      AND NOT ((p.given AND p.whole_number IS NULL) OR coalesce(p.number < 0, false)
            OR (s.given AND s.day IS NULL) OR (e.given AND e.day IS NULL)
            OR fk.has_unknown_label OR fl.has_unknown_label OR fg.has_unknown_label OR fm.has_unknown_label OR fa.has_unknown_label
            OR c.org_unit_id IS NULL)),
-- an id given twice in a snapshot is rare: only those keys are looked at (no window over every row)
duplicates AS (
    SELECT offer_id, snapshot_date, min(row_id) AS first_row FROM accepted GROUP BY ALL HAVING count(*) > 1)
SELECT * FROM accepted a
WHERE NOT EXISTS (SELECT 1 FROM duplicates d
                  WHERE d.offer_id = a.offer_id AND d.snapshot_date IS NOT DISTINCT FROM a.snapshot_date AND d.first_row <> a.row_id);

-- ---- participation/teilnahmen_YYYY-MM.csv -------------------------------------------------------

-- The count and date fields of the events, each distinct text parsed once (as offer_texts); whether a date
-- lies after the delivery is decided here too.
CREATE TABLE event_texts AS
SELECT raw, txt(raw) IS NOT NULL AS given, num(raw) AS number, cnt(raw) AS whole_number, dt(raw) AS day,
       coalesce(dt(raw) > (SELECT ingested_on FROM run_parameters), false) AS after_delivery
FROM (SELECT coalesce(event_date, '') AS raw FROM raw_participation__events
      UNION SELECT coalesce(participants, '') FROM raw_participation__events
      UNION SELECT coalesce(female, '') FROM raw_participation__events
      UNION SELECT coalesce(male, '') FROM raw_participation__events
      UNION SELECT coalesce(diverse, '') FROM raw_participation__events
      UNION SELECT coalesce(newcomers, '') FROM raw_participation__events);

-- Every event with its fields parsed and checked, except the checks of where it belongs. Rejected: a required
-- field empty, a count that is not a whole number or negative, a bad date or one after the delivery, davon
-- columns above the total.
CREATE TABLE events_checked AS
SELECT r.rowid AS row_id, txt(r.offer_id) AS offer_id, d.day AS event_day, p.whole_number AS participants,
       f.whole_number AS participants_female, n.whole_number AS participants_newcomers,
       txt(r.program) AS program, txt(r.city) AS city, name_key(r.city) AS city_key
FROM raw_participation__events r
JOIN event_texts d ON d.raw = coalesce(r.event_date, '')
JOIN event_texts p ON p.raw = coalesce(r.participants, '')
JOIN event_texts f ON f.raw = coalesce(r.female, '')
JOIN event_texts m ON m.raw = coalesce(r.male, '')
JOIN event_texts x ON x.raw = coalesce(r.diverse, '')
JOIN event_texts n ON n.raw = coalesce(r.newcomers, '')
WHERE NOT (NOT d.given OR NOT p.given
        OR (p.given AND p.whole_number IS NULL) OR (f.given AND f.whole_number IS NULL)
        OR (m.given AND m.whole_number IS NULL) OR (x.given AND x.whole_number IS NULL)
        OR (n.given AND n.whole_number IS NULL)
        OR coalesce(p.number < 0, false) OR coalesce(f.number < 0, false) OR coalesce(m.number < 0, false)
        OR coalesce(x.number < 0, false) OR coalesce(n.number < 0, false)
        OR (d.given AND d.day IS NULL)
        OR d.after_delivery
        OR coalesce(coalesce(f.whole_number, 0) + coalesce(m.whole_number, 0) + coalesce(x.whole_number, 0) > p.whole_number, false)
        OR coalesce(n.whole_number > p.whole_number, false));

-- An event with an offer id belongs to that offer's Gemeinde (as of the latest snapshot on or before
-- the event, else the earliest); its id must appear in some snapshot. Without an offer id the event
-- needs Programm and Stadt (a Gemeinde or a Kreis). Events dated after the delivery are not counted.
CREATE TABLE events AS
-- Each offer's snapshots shrink to the periods with one Gemeinde (the same plan as the pipeline's, so that
-- both sides are compared with an equally good algorithm): an event matches exactly one period, the one
-- holding its date, or the first period when it is dated before it (or undated). An event whose offer has
-- no period (no snapshot) is left out by the inner join.
WITH changes AS (
    SELECT offer_id, snapshot_date, org_unit_id,
           row_number() OVER w = 1 AS is_first,
           lag(org_unit_id) OVER w AS previous
    FROM offers
    WINDOW w AS (PARTITION BY offer_id ORDER BY snapshot_date)),
periods AS (
    SELECT offer_id, org_unit_id, is_first, snapshot_date AS place_from,
           lead(snapshot_date) OVER (PARTITION BY offer_id ORDER BY snapshot_date) AS place_until
    FROM changes
    WHERE is_first OR previous <> org_unit_id)
SELECT e.event_day AS event_date, e.offer_id, p.org_unit_id, e.participants, e.participants_female, e.participants_newcomers
FROM events_checked e
JOIN periods p ON p.offer_id = e.offer_id
 AND ((e.event_day >= p.place_from AND (p.place_until IS NULL OR e.event_day < p.place_until))
      OR (p.is_first AND (e.event_day IS NULL OR e.event_day < p.place_from)))
UNION ALL
-- without an offer id: Programm and Stadt given, Stadt a Gemeinde or a Kreis
SELECT e.event_day, e.offer_id, c.org_unit_id, e.participants, e.participants_female, e.participants_newcomers
FROM events_checked e
JOIN unit_names c ON c.purpose = 'place' AND c.name_key = e.city_key
WHERE e.offer_id IS NULL AND e.program IS NOT NULL AND e.city IS NOT NULL;

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
-- (The big tables are reduced to their distinct months before formatting them.)
CREATE TABLE delivered_months AS
SELECT (SELECT strftime(min(snapshot_date), '%Y-%m') FROM offers) AS first_month,
       (SELECT max(month) FROM (
            SELECT strftime(d, '%Y-%m') AS month FROM (SELECT DISTINCT snapshot_date AS d FROM offers)
            UNION ALL SELECT DISTINCT _period FROM raw_participation__events
            UNION ALL SELECT strftime(d, '%Y-%m') FROM (SELECT DISTINCT date_trunc('month', event_date) AS d FROM events)
            UNION ALL SELECT strftime(workshop_date, '%Y-%m') FROM workshops
            UNION ALL SELECT strftime(period_start(period), '%Y-%m') FROM indicator_values)) AS latest_month;
