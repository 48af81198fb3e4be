-- Notebook: Gemeinden ohne ein einziges aktives Angebot für eine Zielgruppe, für die Bedarf gemeldet ist (jüngster Monat).
-- Ausführen: ./imon sql --file notebooks-sql/gemeinden_ohne_angebot_fuer_zielgruppe.sql
-- Quelle: gold.coverage_gaps; ein Angebot "für alle offen" zählt für jeden Wert seines Merkmals.
-- versorgungsluecke = ja, wenn der Bedarf die Mindestgrenze (gaps.min-demand) erreicht.

SELECT o.name AS gemeinde,
       g.dimension AS merkmal,
       g.value AS wert,
       g.demand_persons AS bedarf_personen,
       round(g.expected_offers, 1) AS erwartete_angebote,
       CASE WHEN g.is_gap THEN 'ja' ELSE 'nein' END AS versorgungsluecke
FROM gold.coverage_gaps g
JOIN silver.reference__org_units o ON o.org_unit_id = g.org_unit_id
WHERE g.month = (SELECT max(month) FROM gold.coverage_gaps)
  AND g.demand_persons > 0
  AND g.offers_active = 0
ORDER BY g.demand_persons DESC, gemeinde, merkmal, wert;
