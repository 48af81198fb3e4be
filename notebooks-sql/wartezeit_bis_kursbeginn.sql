-- Notebook: Wartezeit bis Kursbeginn. Wie viele Zugewanderte beginnen innerhalb der Grenze (tte.limit-days, 56 Tage)
-- einen Integrationskurs – geschätzt mit Kaplan–Meier, das die noch Wartenden mitzählt, neben dem naiven Anteil, der nur
-- abgeschlossene Wartezeiten zählt?
-- Ausführen: ./imon sql --file notebooks-sql/wartezeit_bis_kursbeginn.sql
-- Quelle: gold.time_to_event (je Projekt, Meilenstein und Kohorte = Quartal des Zuzugs), gold.time_to_event_cases
-- (Fälle ohne Zuzug und außerhalb der Beobachtung), gold.dim_model_projects, gold.dim_org_units. Fallzahlen sind hier
-- ungeschützt (Analyse im Warehouse); Berichte verbergen kleine Fallzahlen.

-- Projekte: Kaplan–Meier-Anteil mit 95-%-Intervall, naiver Anteil und ihre Differenz, Median, Fälle ohne Zuzug
SELECT t.project_id AS projekt,
       o.name AS kommune,
       t.cases AS faelle,
       t.events AS mit_kursbeginn,
       t.censored AS noch_wartend,
       round(100 * t.share_within_limit, 1) AS anteil_km_prozent,
       concat(round(100 * t.share_lower_95, 1), ' – ', round(100 * t.share_upper_95, 1)) AS intervall_95_prozent,
       round(100 * t.naive_share_within_limit, 1) AS anteil_naiv_prozent,
       round(100 * (t.naive_share_within_limit - t.share_within_limit), 1) AS ueberschaetzung_naiv_pp,
       t.median_days AS median_tage,
       t.limit_days AS grenze_tage,
       c.cases_without_start AS ohne_zuzug,
       c.cases_outside_follow_up AS ausserhalb_beobachtung
FROM gold.time_to_event t
JOIN gold.dim_model_projects p ON p.project_id = t.project_id
JOIN gold.dim_org_units o ON o.org_unit_id = p.org_unit_id
LEFT JOIN gold.time_to_event_cases c ON c.project_id = t.project_id
WHERE t.milestone = 'kursbeginn'
  AND t.cohort = 'gesamt'
ORDER BY t.share_within_limit, t.project_id;

-- Kohorten: je Projekt und Quartal des Zuzugs der Anteil mit Kursbeginn innerhalb der Grenze (jüngere Kohorten warten
-- noch: ihr Anteil ist unsicherer, das Intervall breiter)
SELECT t.project_id AS projekt,
       t.cohort AS kohorte,
       t.cases AS faelle,
       t.events AS mit_kursbeginn,
       round(100 * t.share_within_limit, 1) AS anteil_km_prozent,
       round(100 * t.share_lower_95, 1) AS intervall_unten,
       round(100 * t.share_upper_95, 1) AS intervall_oben,
       round(100 * t.naive_share_within_limit, 1) AS anteil_naiv_prozent,
       t.median_days AS median_tage
FROM gold.time_to_event t
WHERE t.milestone = 'kursbeginn'
  AND t.cohort <> 'gesamt'
ORDER BY t.project_id, t.cohort;
