-- Notebook: Aktive Angebote je Gemeinde und Kategorie im jüngsten Berichtsmonat.
-- Ausführen: ./imon sql --file notebooks-sql/angebote_je_gemeinde_und_kategorie.sql
-- Ein Angebot mit mehreren Kategorien zählt in jeder seiner Kategorien einmal.

-- Aktive Angebote je Gemeinde und Kategorie (jüngster Monat)
WITH latest AS (
  SELECT max(month) AS month FROM gold.fct_offers_active_monthly
)
SELECT a.month,
       o.name AS gemeinde,
       c.code AS kategorie,
       count(DISTINCT a.offer_id) AS aktive_angebote
FROM gold.fct_offers_active_monthly a
JOIN latest l ON a.month = l.month
JOIN silver.offers__codes c ON c.offer_id = a.offer_id AND c.snapshot_date = a.snapshot_date AND c.dimension = 'category'
JOIN silver.reference__org_units o ON o.org_unit_id = a.org_unit_id
GROUP BY a.month, o.name, c.code
ORDER BY gemeinde, kategorie;
