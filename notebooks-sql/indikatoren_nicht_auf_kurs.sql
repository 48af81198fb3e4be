-- Notebook: Welche Indikatoren der Modellprojekte sind in ihrer jüngsten Periode nicht auf Kurs?
-- Ausführen: ./imon sql --file notebooks-sql/indikatoren_nicht_auf_kurs.sql
-- Quelle: gold.indicator_attainment (Status nach Datenvertrag: erreicht, auf Kurs, gefährdet, verfehlt,
-- keine Daten, ohne Ziel); jüngste Periode = die letzte Periode im Projektzeitraum bis zum Berichtsmonat.

WITH latest AS (
  SELECT project_id, indicator_id, max(period_start) AS period_start
  FROM gold.indicator_attainment
  GROUP BY project_id, indicator_id
)
SELECT a.project_id AS projekt,
       p.title AS titel,
       o.name AS kommune,
       a.indicator_id AS indikator,
       i.name AS indikatorname,
       a.period AS periode,
       a.status,
       a.value AS wert,
       a.baseline AS basiswert,
       a.target AS zielwert,
       round(a.attainment, 2) AS zielerreichung
FROM gold.indicator_attainment a
JOIN latest l ON l.project_id = a.project_id AND l.indicator_id = a.indicator_id AND l.period_start = a.period_start
JOIN silver.model_projects__projects p ON p.project_id = a.project_id
JOIN silver.model_projects__indicators i ON i.indicator_id = a.indicator_id
LEFT JOIN silver.reference__org_units o ON o.org_unit_id = p.org_unit_id
WHERE a.status IN ('verfehlt', 'gefährdet', 'keine Daten')
ORDER BY CASE a.status WHEN 'verfehlt' THEN 1 WHEN 'gefährdet' THEN 2 ELSE 3 END, projekt, indikator;
