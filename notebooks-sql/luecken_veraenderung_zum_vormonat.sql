-- Notebook: Wie haben sich die Versorgungslücken gegenüber dem Vormonat verändert?
-- Ausführen: ./imon sql --file notebooks-sql/luecken_veraenderung_zum_vormonat.sql
-- Quelle: gold.coverage_gaps (jeder Monat mit dem Angebotsstand, der damals galt).
-- Zeigt jede Gemeinde, jedes Merkmal und jeden Wert, die in einem der beiden Monate eine Lücke waren.

WITH months AS (
  SELECT max(month) AS aktuell,
         date_format(add_months(to_date(concat(max(month), '-01')), -1), 'yyyy-MM') AS vormonat
  FROM gold.coverage_gaps
),
now AS (SELECT g.* FROM gold.coverage_gaps g JOIN months m ON g.month = m.aktuell),
before AS (SELECT g.* FROM gold.coverage_gaps g JOIN months m ON g.month = m.vormonat)
SELECT o.name AS gemeinde,
       coalesce(n.dimension, b.dimension) AS merkmal,
       coalesce(n.value, b.value) AS wert,
       CASE WHEN coalesce(n.is_gap, false) AND NOT coalesce(b.is_gap, false) THEN 'neu'
            WHEN NOT coalesce(n.is_gap, false) AND coalesce(b.is_gap, false) THEN 'geschlossen'
            ELSE 'besteht weiter' END AS status,
       b.offers_active AS angebote_vormonat,
       n.offers_active AS angebote_aktuell,
       round(b.shortfall, 1) AS fehlbedarf_vormonat,
       round(n.shortfall, 1) AS fehlbedarf_aktuell
FROM now n
FULL OUTER JOIN before b ON b.org_unit_id = n.org_unit_id AND b.dimension = n.dimension AND b.value = n.value
JOIN silver.reference__org_units o ON o.org_unit_id = coalesce(n.org_unit_id, b.org_unit_id)
WHERE coalesce(n.is_gap, false) OR coalesce(b.is_gap, false)
ORDER BY CASE status WHEN 'neu' THEN 1 WHEN 'geschlossen' THEN 2 ELSE 3 END, gemeinde, merkmal, wert;
