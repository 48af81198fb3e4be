-- Notebook: Wo fehlen Angebote in welcher Sprache? Sprachen nach Fehlbedarf im jüngsten Monat, über alle Gemeinden.
-- Ausführen: ./imon sql --file notebooks-sql/luecken_nach_sprache.sql
-- Quelle: gold.coverage_gaps (Methode und Schwellen: Datenvertrag und Methodenseite des Berichts "Versorgungslücken").
-- Fehlbedarf zählt nur, wo weniger Angebote aktiv sind als erwartet; Deckungsgrad = Angebote / erwartete Angebote.

-- Sprachen nach Fehlbedarf, mit den Gemeinden, in denen eine Versorgungslücke besteht
SELECT g.value AS sprache,
       count_if(g.is_gap) AS gemeinden_mit_luecke,
       concat_ws(', ', sort_array(collect_list(CASE WHEN g.is_gap THEN o.name END))) AS luecken_in,
       sum(g.demand_persons) AS bedarf_personen,
       sum(g.offers_active) AS aktive_angebote,
       round(sum(g.expected_offers), 1) AS erwartete_angebote,
       round(sum(greatest(g.shortfall, 0)), 1) AS fehlbedarf,
       round(sum(g.offers_active) / nullif(sum(g.expected_offers), 0), 2) AS deckungsgrad_gesamt
FROM gold.coverage_gaps g
JOIN silver.reference__org_units o ON o.org_unit_id = g.org_unit_id
WHERE g.dimension = 'language'
  AND g.month = (SELECT max(month) FROM gold.coverage_gaps)
  AND g.demand_persons > 0
GROUP BY g.value
ORDER BY fehlbedarf DESC, gemeinden_mit_luecke DESC, sprache
LIMIT 20;
