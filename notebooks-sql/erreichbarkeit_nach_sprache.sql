-- Notebook: Erreichbarkeit nach Sprache. Welche Versorgungslücken schließen Angebote in Nachbarorten, welche bleiben?
-- Ausführen: ./imon sql --file notebooks-sql/erreichbarkeit_nach_sprache.sql
-- Quelle: gold.offer_access (E2SFCA: Angebote im Umkreis access.catchment-km, nach Entfernung gewichtet, auch über
-- Kreisgrenzen) neben gold.coverage_gaps (nur der Ort selbst), jüngster Monat. Erreichbarkeit: erreichbare Angebote
-- je 10.000 Personen mit Bedarf. Gemeinden ohne Koordinaten (lat;lon in reference/org_units.csv) fehlen hier.

-- Sprachen: Lücken am Ort, davon durch Nachbarorte erreichbar, Lücken trotz Nachbarorten und wo
WITH latest AS (
  SELECT max(month) AS month FROM gold.offer_access
)
SELECT a.value AS sprache,
       count(*) AS gemeinden,
       count_if(g.is_gap) AS luecken_am_ort,
       count_if(g.is_gap AND NOT a.is_access_gap) AS davon_durch_nachbarorte_erreichbar,
       count_if(a.is_access_gap) AS luecken_trotz_nachbarorten,
       concat_ws(', ', sort_array(collect_list(CASE WHEN a.is_access_gap THEN o.name END))) AS unterversorgt_in,
       sum(a.demand_persons) AS bedarf_personen,
       round(sum(a.access_per_10k * a.demand_persons) / nullif(sum(a.demand_persons), 0), 1) AS erreichbar_je_10000
FROM gold.offer_access a
JOIN latest l ON a.month = l.month
JOIN gold.coverage_gaps g
  ON g.month = a.month AND g.org_unit_id = a.org_unit_id AND g.dimension = a.dimension AND g.value = a.value
JOIN gold.dim_org_units o ON o.org_unit_id = a.org_unit_id
WHERE a.dimension = 'language'
  AND a.demand_persons > 0
GROUP BY a.value
ORDER BY luecken_trotz_nachbarorten DESC, luecken_am_ort DESC, sprache;
