-- Notebook: Welche Modellprojekte haben Werte nicht geliefert? Anteil gelieferter Perioden je Projekt.
-- Ausführen: ./imon sql --file notebooks-sql/projekte_mit_fehlenden_lieferungen.sql
-- Quelle: gold.project_completeness (erwartet: jede Periode im Projektzeitraum bis zum Berichtsmonat für
-- jeden Indikator, den das Projekt mindestens einmal meldet).

SELECT c.project_id AS projekt,
       p.title AS titel,
       o.name AS kommune,
       c.expected_periods AS erwartete_perioden,
       c.delivered_periods AS gelieferte_perioden,
       round(100 * c.completeness, 1) AS vollstaendigkeit_prozent,
       c.missing_periods AS fehlende_perioden
FROM gold.project_completeness c
JOIN silver.model_projects__projects p ON p.project_id = c.project_id
LEFT JOIN silver.reference__org_units o ON o.org_unit_id = p.org_unit_id
WHERE c.delivered_periods < c.expected_periods
ORDER BY c.completeness, projekt;
