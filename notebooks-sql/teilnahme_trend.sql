-- Notebook: Entwicklung der Teilnahme je Monat, für jeden Kreis und jede kreisfreie Stadt.
-- Ausführen: ./imon sql --file notebooks-sql/teilnahme_trend.sql
-- Quelle: gold.kpi_monthly (Kreiszeilen = Summe der Gemeinden plus Einträge für den Kreis selbst).

-- Teilnahme je Monat und Kreis
SELECT k.month,
       o.name AS kreis,
       k.events AS veranstaltungen,
       k.participants AS teilnehmende,
       k.participants_female AS davon_weiblich,
       k.participants_newcomers AS davon_neuzugewandert,
       round(100.0 * k.participants_female / nullif(k.participants, 0), 1) AS anteil_frauen_prozent,
       k.participants - lag(k.participants) OVER (PARTITION BY k.org_unit_id ORDER BY k.month) AS veraenderung_zum_vormonat
FROM gold.kpi_monthly k
JOIN silver.reference__org_units o ON o.org_unit_id = k.org_unit_id
WHERE o.level = 'kreis'
ORDER BY kreis, k.month;
