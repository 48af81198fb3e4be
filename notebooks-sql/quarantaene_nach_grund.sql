-- Notebook: Abgewiesene Eingabezeilen (Quarantäne) nach Grund und Datei.
-- Ausführen: ./imon sql --file notebooks-sql/quarantaene_nach_grund.sql
-- Jede abgewiesene Zeile steht mit Datei, Zeile, Grund, Spalte und Wert in silver.quarantine.

-- Anzahl je Grund
SELECT reason AS grund, count(*) AS zeilen
FROM silver.quarantine
GROUP BY reason
ORDER BY zeilen DESC, grund;

-- Einzelne Zeilen mit Datei, Zeile, Spalte und Wert
SELECT source_file AS datei, source_line AS zeile, reason AS grund, column_name AS spalte, value AS wert
FROM silver.quarantine
ORDER BY datei, zeile;
