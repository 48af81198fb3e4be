-- DuckDB baseline, step 2: the three published marts of the data contract from the accepted rows of
-- refine.sql, for the months in report_months (first covered month and report month) and the gap thresholds
-- in run_parameters.

-- Every month from the earliest snapshot's month up to the report month.
CREATE TABLE covered_months AS
SELECT strftime(m, '%Y-%m') AS month, m AS month_start, last_day(m) AS month_end,
       strftime(m - INTERVAL 1 MONTH, '%Y-%m') AS previous_month, m = first_month AS is_first
FROM (SELECT unnest(generate_series(first_month, report_month, INTERVAL 1 MONTH))::DATE AS m, first_month FROM report_months);

-- "The state of the offers in month M is the latest snapshot dated on or before the last day of M."
CREATE TABLE month_snapshots AS
SELECT m.month, max(s.snapshot_date) AS snapshot_date
FROM covered_months m JOIN (SELECT DISTINCT snapshot_date FROM offers) s ON s.snapshot_date <= m.month_end
GROUP BY m.month;

-- "An offer is active in M if it is in that snapshot, its Beginn is empty or on or before the last day
-- of M, and its Ende is empty or on or after the first day of M."
CREATE TABLE offers_active AS
SELECT m.month, o.offer_id, o.org_unit_id, o.language_mask, o.gender_mask, o.age_group_mask, o.migration_mask
FROM covered_months m
JOIN month_snapshots s USING (month)
JOIN offers o ON o.snapshot_date = s.snapshot_date
WHERE (o.start_date IS NULL OR o.start_date <= m.month_end) AND (o.end_date IS NULL OR o.end_date >= m.month_start);

-- ---- gold.kpi_monthly ------------------------------------------------------------------------------

CREATE TABLE kpi_units AS
SELECT org_unit_id, level, kreis_id FROM org_units WHERE level IN ('gemeinde', 'kreis');

-- What is recorded for each Gemeinde or Kreis itself, per covered month.
CREATE TABLE kpi_own AS
WITH active AS (
    SELECT month, org_unit_id, count(*) AS offers_active FROM offers_active GROUP BY ALL),
new AS (
    -- active in M but not in M-1, by offer id
    SELECT a.month, a.org_unit_id, count(*) AS offers_new
    FROM offers_active a JOIN covered_months m USING (month)
    WHERE NOT EXISTS (SELECT 1 FROM offers_active p WHERE p.month = m.previous_month AND p.offer_id = a.offer_id)
    GROUP BY ALL),
ended AS (
    -- active in M-1 but not in M, by offer id, where it was in M-1
    SELECT m.month, p.org_unit_id, count(*) AS offers_ended
    FROM covered_months m JOIN offers_active p ON p.month = m.previous_month
    WHERE NOT EXISTS (SELECT 1 FROM offers_active a WHERE a.month = m.month AND a.offer_id = p.offer_id)
    GROUP BY ALL),
participation AS (
    -- an event dated in M: its date's month is M (an equi-join, not a range join)
    SELECT m.month, e.org_unit_id, count(*) AS events, sum(e.participants) AS participants,
           sum(coalesce(e.participants_female, 0)) AS participants_female,
           sum(coalesce(e.participants_newcomers, 0)) AS participants_newcomers
    FROM events e JOIN covered_months m ON date_trunc('month', e.event_date) = m.month_start
    GROUP BY ALL),
held AS (
    SELECT m.month, w.org_unit_id, count(*) AS workshops, coalesce(sum(w.participants), 0) AS workshop_participants
    FROM workshops w JOIN covered_months m ON w.workshop_date BETWEEN m.month_start AND m.month_end
    GROUP BY ALL)
SELECT m.month, u.org_unit_id, u.level, u.kreis_id,
       coalesce(a.offers_active, 0) AS offers_active, coalesce(n.offers_new, 0) AS offers_new,
       coalesce(x.offers_ended, 0) AS offers_ended, coalesce(p.events, 0) AS events,
       coalesce(p.participants, 0) AS participants, coalesce(p.participants_female, 0) AS participants_female,
       coalesce(p.participants_newcomers, 0) AS participants_newcomers, coalesce(h.workshops, 0) AS workshops,
       coalesce(h.workshop_participants, 0) AS workshop_participants
FROM covered_months m CROSS JOIN kpi_units u
LEFT JOIN active a ON a.month = m.month AND a.org_unit_id = u.org_unit_id
LEFT JOIN new n ON n.month = m.month AND n.org_unit_id = u.org_unit_id
LEFT JOIN ended x ON x.month = m.month AND x.org_unit_id = u.org_unit_id
LEFT JOIN participation p ON p.month = m.month AND p.org_unit_id = u.org_unit_id
LEFT JOIN held h ON h.month = m.month AND h.org_unit_id = u.org_unit_id;

-- "A Kreis row is the sum of its Gemeinden's rows plus what is recorded for the Kreis itself."
-- offers_new and offers_ended are null in the first covered month.
CREATE TABLE kpi_monthly AS
WITH contributions AS (
    SELECT org_unit_id AS target_id, * EXCLUDE (org_unit_id, level, kreis_id) FROM kpi_own
    UNION ALL
    SELECT kreis_id AS target_id, * EXCLUDE (org_unit_id, level, kreis_id) FROM kpi_own
    WHERE level = 'gemeinde' AND kreis_id IS NOT NULL)
SELECT c.month, c.target_id AS org_unit_id,
       sum(c.offers_active)::BIGINT AS offers_active,
       CASE WHEN m.is_first THEN NULL ELSE sum(c.offers_new)::BIGINT END AS offers_new,
       CASE WHEN m.is_first THEN NULL ELSE sum(c.offers_ended)::BIGINT END AS offers_ended,
       sum(c.events)::BIGINT AS events, sum(c.participants)::BIGINT AS participants,
       sum(c.participants_female)::BIGINT AS participants_female,
       sum(c.participants_newcomers)::BIGINT AS participants_newcomers,
       sum(c.workshops)::BIGINT AS workshops, sum(c.workshop_participants)::BIGINT AS workshop_participants
FROM contributions c
JOIN kpi_units u ON u.org_unit_id = c.target_id
JOIN covered_months m USING (month)
GROUP BY c.month, c.target_id, m.is_first;

-- ---- gold.coverage_gaps ----------------------------------------------------------------------------

CREATE TABLE gemeinden AS
SELECT org_unit_id, kreis_id, regierungsbezirk_id FROM org_units WHERE level = 'gemeinde';

-- Demand per Gemeinde: its own rows; the sum of its Stadtteile only where it has no row of its own for
-- that dimension and value.
CREATE TABLE demand_gemeinden AS
WITH own AS (
    SELECT d.org_unit_id, d.dimension, d.value, d.persons
    FROM demand d JOIN gemeinden g USING (org_unit_id)),
from_stadtteile AS (
    SELECT u.parent_id AS org_unit_id, d.dimension, d.value, sum(d.persons)::BIGINT AS persons
    FROM demand d JOIN org_units u USING (org_unit_id)
    WHERE u.level = 'stadtteil' AND u.parent_id IN (SELECT org_unit_id FROM gemeinden)
    GROUP BY ALL)
SELECT * FROM own
UNION ALL
SELECT * FROM from_stadtteile s
WHERE NOT EXISTS (SELECT 1 FROM own o WHERE o.org_unit_id = s.org_unit_id AND o.dimension = s.dimension AND o.value = s.value);

-- offers_active(c, d, v): active offers in Gemeinde c that serve value v of dimension d. A month's active
-- offers come from one snapshot, which has one row per offer id: counting rows counts offers. They are
-- counted per served set (bit mask) first, and each distinct mask is expanded to its values once.
CREATE TABLE offers_serving AS
WITH by_mask AS (
    SELECT month, org_unit_id, 'language' AS dimension, language_mask AS mask, count(*) AS offers FROM offers_active GROUP BY ALL
    UNION ALL SELECT month, org_unit_id, 'gender', gender_mask, count(*) FROM offers_active GROUP BY ALL
    UNION ALL SELECT month, org_unit_id, 'age_group', age_group_mask, count(*) FROM offers_active GROUP BY ALL
    UNION ALL SELECT month, org_unit_id, 'migration', migration_mask, count(*) FROM offers_active GROUP BY ALL),
mask_values AS (
    SELECT m.dimension, m.mask, b.value
    FROM (SELECT DISTINCT dimension, mask FROM by_mask) m
    JOIN code_bits b ON b.dimension = m.dimension AND (m.mask >> b.bit) & 1 = 1)
SELECT a.month, a.org_unit_id, a.dimension, v.value, sum(a.offers)::BIGINT AS offers_active
FROM by_mask a JOIN mask_values v USING (dimension, mask)
GROUP BY ALL;

-- A row for every (Gemeinde, dimension, value) with demand or at least one active offer in M: both sides
-- have one row per key, so a full outer join gives each key once.
CREATE TABLE gap_rows AS
WITH demand_by_month AS (
    SELECT m.month, d.* FROM covered_months m CROSS JOIN demand_gemeinden d)
SELECT month, org_unit_id, dimension, value, coalesce(d.persons, 0) AS demand_persons,
       coalesce(o.offers_active, 0) AS offers_active
FROM demand_by_month d
FULL OUTER JOIN offers_serving o USING (month, org_unit_id, dimension, value)
JOIN gemeinden g USING (org_unit_id);

-- "The reference area of a Gemeinde is its Kreis; for a Kreis with a single Gemeinde (kreisfreie Stadt)
-- it is the Regierungsbezirk."
CREATE TABLE reference_areas AS
SELECT g.org_unit_id, CASE WHEN k.gemeinden = 1 THEN g.regierungsbezirk_id ELSE g.kreis_id END AS area_id
FROM gemeinden g JOIN (SELECT kreis_id, count(*) AS gemeinden FROM gemeinden GROUP BY kreis_id) k USING (kreis_id);

-- rate(d, v) of an area = its Gemeinden's active offers over their demand; every Gemeinde belongs to
-- the area of its Kreis and that of its Regierungsbezirk.
CREATE TABLE area_rates AS
SELECT r.month, a.area_id, r.dimension, r.value, sum(r.offers_active)::BIGINT AS area_offers,
       sum(r.demand_persons)::BIGINT AS area_demand
FROM gap_rows r
JOIN (SELECT org_unit_id, kreis_id AS area_id FROM gemeinden
      UNION ALL SELECT org_unit_id, regierungsbezirk_id FROM gemeinden) a USING (org_unit_id)
GROUP BY ALL;

-- expected_offers = demand_persons × rate (0 where the area has no demand for (d, v)), computed as
-- demand × area offers / area demand; shortfall = expected − active; coverage_index = active / expected
-- (null where expected is 0); is_gap = demand ≥ gaps.min-demand and (no active offer or coverage index
-- below gaps.coverage-index-limit).
CREATE TABLE coverage_gaps AS
WITH measured AS (
    SELECT r.*,
           CASE WHEN coalesce(t.area_demand, 0) > 0 THEN r.demand_persons * t.area_offers::DOUBLE / t.area_demand::DOUBLE
                ELSE 0.0 END AS expected_offers
    FROM gap_rows r
    JOIN reference_areas a USING (org_unit_id)
    LEFT JOIN area_rates t ON t.month = r.month AND t.area_id = a.area_id AND t.dimension = r.dimension AND t.value = r.value)
SELECT month, org_unit_id, dimension, value, demand_persons, offers_active, expected_offers,
       CASE WHEN expected_offers = 0 THEN NULL ELSE offers_active / expected_offers END AS coverage_index,
       expected_offers - offers_active AS shortfall,
       demand_persons >= p.min_demand
           AND (offers_active = 0 OR coalesce(offers_active / nullif(expected_offers, 0) < p.coverage_index_limit, false)) AS is_gap
FROM measured CROSS JOIN run_parameters p;

-- ---- gold.indicator_attainment ---------------------------------------------------------------------

-- Every period of the indicator's type overlapping the project's span (Beginn, or the first reported
-- period where Beginn is empty, up to Ende or the end of the report month, whichever is earlier), for
-- every indicator the project reports at least once; baseline = Basiswert; target = the value row's
-- Zielwert, else the indicator's; attainment = (value − baseline) / (target − baseline). The status
-- compares value − baseline with the share of target − baseline exactly, in decimals.
CREATE TABLE indicator_attainment AS
WITH reported AS (
    SELECT project_id, indicator_id, min(period_start(period)) AS first_reported
    FROM indicator_values GROUP BY ALL),
spans AS (
    SELECT r.project_id, r.indicator_id, i.period_type, i.direction, i.target AS indicator_target, i.baseline,
           coalesce(p.start_date, r.first_reported) AS span_start,
           least(coalesce(p.end_date, last_day(m.report_month)), last_day(m.report_month)) AS span_end
    FROM reported r
    JOIN projects p USING (project_id)
    JOIN indicators i USING (indicator_id)
    CROSS JOIN report_months m),
periods AS (
    SELECT s.*, unnest(generate_series(
               date_trunc(CASE period_type WHEN 'Monat' THEN 'month' WHEN 'Quartal' THEN 'quarter' ELSE 'year' END, span_start),
               span_end,
               CASE period_type WHEN 'Monat' THEN INTERVAL 1 MONTH WHEN 'Quartal' THEN INTERVAL 3 MONTH ELSE INTERVAL 1 YEAR END
           ))::DATE AS period_start
    FROM spans s
    WHERE span_start <= span_end),
labelled AS (
    SELECT *, CASE period_type WHEN 'Monat' THEN strftime(period_start, '%Y-%m')
                               WHEN 'Quartal' THEN year(period_start) || '-Q' || quarter(period_start)
                               ELSE year(period_start)::VARCHAR END AS period
    FROM periods),
valued AS (
    SELECT l.project_id, l.indicator_id, l.period, l.direction, v.value, l.baseline,
           coalesce(v.target, l.indicator_target) AS target
    FROM labelled l
    LEFT JOIN indicator_values v USING (project_id, indicator_id, period))
SELECT project_id, indicator_id, period, value::DOUBLE AS value, baseline::DOUBLE AS baseline, target::DOUBLE AS target,
       CASE WHEN value IS NULL OR target IS NULL OR baseline IS NULL OR target = baseline THEN NULL
            ELSE (value - baseline)::DOUBLE / (target - baseline)::DOUBLE END AS attainment,
       CASE WHEN value IS NULL THEN 'keine Daten'
            WHEN target IS NULL OR baseline IS NULL THEN 'ohne Ziel'
            WHEN target = baseline THEN
                CASE WHEN (direction = 'niedriger ist besser' AND value <= target)
                       OR (direction <> 'niedriger ist besser' AND value >= target) THEN 'erreicht' ELSE 'verfehlt' END
            -- attainment ≥ 1, ≥ 0.5, ≥ 0, for target above or below the baseline
            WHEN (target > baseline AND value - baseline >= target - baseline)
              OR (target < baseline AND value - baseline <= target - baseline) THEN 'erreicht'
            WHEN (target > baseline AND 2 * (value - baseline) >= target - baseline)
              OR (target < baseline AND 2 * (value - baseline) <= target - baseline) THEN 'auf Kurs'
            WHEN (target > baseline AND value >= baseline)
              OR (target < baseline AND value <= baseline) THEN 'gefährdet'
            ELSE 'verfehlt' END AS status
FROM valued;
