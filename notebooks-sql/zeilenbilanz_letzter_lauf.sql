-- Notebook: Zeilenbilanz je gelieferter Datei im jüngsten erfolgreichen Lauf, der Silber berechnet hat
-- (eingelesen = übernommen + Quarantäne; abgelehnte Dateien mit Grund). Ein Lauf ohne neue Dateien
-- (mode 'up to date') rechnet nichts und führt keine eigene Zeilenbilanz.
-- Ausführen: ./imon sql --file notebooks-sql/zeilenbilanz_letzter_lauf.sql

-- Zeilenbilanz je Datei
WITH last_run AS (
  SELECT run_id FROM ops.run_log
  WHERE status = 'succeeded' AND coalesce(mode, '') <> 'up to date'
  ORDER BY started_at DESC LIMIT 1
)
SELECT f.source_file AS datei, f.status, f.rows_in AS eingelesen, f.rows_accepted AS uebernommen,
       f.rows_quarantined AS quarantaene, f.message AS hinweis
FROM ops.file_log f
JOIN last_run r ON f.run_id = r.run_id
ORDER BY datei;
