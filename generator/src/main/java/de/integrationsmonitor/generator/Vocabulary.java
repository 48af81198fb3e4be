package de.integrationsmonitor.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The German labels of the data contract's vocabularies, as the offers database writes them. */
final class Vocabulary {

    static final String FEMALE = "weiblich";
    static final String MALE = "männlich";
    static final String DIVERSE = "divers";

    static final String MIGRATION_OPEN = "keine bestimmte Zielgruppe / für alle offen";
    static final String MIGRATION_BACKGROUND = "insbesondere für Menschen mit Migrationshintergrund";
    static final String NEWCOMERS = "insbesondere für Neuzugewanderte";

    static final String AGE_OPEN = "keine bestimmte Altersgruppe / für alle offen";

    static final String CATEGORY_LABOUR = "Arbeitsmarkt / Fortbildung";
    static final String CATEGORY_ENCOUNTER = "Begegnung";
    static final String CATEGORY_COUNSELLING = "Beratung";
    static final String CATEGORY_EDUCATION = "Bildung / Sprachförderung";
    static final String CATEGORY_FAMILY = "Familie";
    static final String CATEGORY_LEISURE = "Freizeit / Kultur";
    static final String CATEGORY_HEALTH = "Gesundheit";
    static final String CATEGORY_SPORT = "Sport";
    static final String CATEGORY_HOUSING = "Wohnen";

    static final String GERMAN = "deutsch";
    static final String LANGUAGE_NOT_SET = "Sprache nicht festgelegt";

    /** Age-group code to label, youngest first. */
    static final Map<String, String> AGE_GROUPS = ageGroups();

    /** Languages offered besides German with their relative frequency in the offers database, most frequent first. */
    static final Map<String, Double> OFFER_LANGUAGE_WEIGHTS = offerLanguageWeights();

    /** The keys of {@link #OFFER_LANGUAGE_WEIGHTS}, most frequent first. */
    static final List<String> OFFER_LANGUAGES = List.copyOf(OFFER_LANGUAGE_WEIGHTS.keySet());

    private Vocabulary() {}

    static String ageLabel(String code) {
        String label = AGE_GROUPS.get(code);
        if (label == null) {
            throw new IllegalArgumentException("unknown age-group code: " + code);
        }
        return label;
    }

    private static Map<String, String> ageGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("0-1", "Babys (0 - unter 1 Jahr)");
        groups.put("1-3", "Kleinkinder (1 - unter 3 Jahren)");
        groups.put("3-6", "Kinder (3 - unter 6 Jahren)");
        groups.put("6-12", "Schulkinder (6 - unter 12 Jahren)");
        groups.put("12-18", "Jugendliche (12 - unter 18 Jahren)");
        groups.put("18-27", "junge Erwachsene (18 - unter 27 Jahren)");
        groups.put("27-65", "Erwachsene (27 - unter 65 Jahren)");
        groups.put("65+", "Senioren (ab 65 Jahren)");
        return Collections.unmodifiableMap(groups);
    }

    private static Map<String, Double> offerLanguageWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        Object[][] pairs = {
            {"arabisch", 20.0}, {"türkisch", 18.0}, {"ukrainisch", 14.0}, {"russisch", 10.0}, {"englisch", 10.0},
            {"polnisch", 7.0}, {"kurdisch", 7.0}, {"farsi", 6.0}, {"albanisch", 4.0}, {"rumänisch", 4.0},
            {"bulgarisch", 4.0}, {"französisch", 4.0}, {"dari", 3.0}, {"serbisch", 2.0}, {"bosnisch", 2.0},
            {"tigrinya", 2.0}, {"somali", 1.5}, {"paschtu", 1.5}, {"italienisch", 1.5}, {"griechisch", 1.5},
            {"spanisch", 1.5}, {"afrikanische Sprachen", 1.5}, {"urdu", 1.0},
        };
        for (Object[] pair : pairs) {
            weights.put((String) pair[0], (Double) pair[1]);
        }
        return Collections.unmodifiableMap(weights);
    }
}
