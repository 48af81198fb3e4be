package de.integrationsmonitor.generator;

import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_COUNSELLING;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_EDUCATION;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_ENCOUNTER;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_FAMILY;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_HEALTH;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_HOUSING;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_LABOUR;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_LEISURE;
import static de.integrationsmonitor.generator.Vocabulary.CATEGORY_SPORT;

import java.util.List;

/**
 * A kind of offer as it occurs again and again in the database: name, categories, typical
 * target groups and providers.
 *
 * @param genders             "" (field empty), "mw" (männlich | weiblich), "w" or "m"
 * @param migration           "open", "mh", "neu" or "mh+neu"
 * @param ageCodes            age-group codes, or just "open"
 * @param multilingual        offered in German plus one to three other languages
 * @param course              runs for a limited time (Beginn and Ende), with a fixed number of places
 * @param weight              relative frequency in the database
 * @param typicalParticipants average participants per session
 * @param sessionsPerMonth    sessions in a normal month when the offer reports participation
 */
record OfferTemplate(
        String name,
        List<String> categories,
        String genders,
        String migration,
        List<String> ageCodes,
        List<Providers.Kind> providers,
        boolean multilingual,
        boolean course,
        int weight,
        int typicalParticipants,
        int sessionsPerMonth) {

    private static final boolean MULTI = true;
    private static final boolean GERMAN_ONLY = false;
    private static final boolean COURSE = true;
    private static final boolean ONGOING = false;

    static final List<OfferTemplate> ALL = List.of(
            t("Sprachcafé", cats(CATEGORY_ENCOUNTER, CATEGORY_EDUCATION), "", "open", ages("open"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.CHURCH, Providers.Kind.CITY), MULTI, ONGOING, 10, 12, 4),
            t("Sprachcafé für Frauen", cats(CATEGORY_ENCOUNTER, CATEGORY_EDUCATION), "w", "mh", ages("18-27", "27-65"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.MIGRANT_ORG, Providers.Kind.FAMILY), MULTI, ONGOING, 6, 10, 4),
            t("Hausaufgabenhilfe", cats(CATEGORY_EDUCATION), "mw", "open", ages("6-12", "12-18"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.CHURCH, Providers.Kind.CITY, Providers.Kind.MIGRANT_ORG), GERMAN_ONLY, ONGOING, 10, 9, 8),
            t("Integrationskurs", cats(CATEGORY_EDUCATION, CATEGORY_LABOUR), "mw", "neu", ages("18-27", "27-65"),
                    kinds(Providers.Kind.VHS, Providers.Kind.EDUCATION), GERMAN_ONLY, COURSE, 8, 16, 8),
            t("Integrationskurs mit Kinderbetreuung", cats(CATEGORY_EDUCATION, CATEGORY_FAMILY), "w", "neu", ages("18-27", "27-65"),
                    kinds(Providers.Kind.VHS, Providers.Kind.EDUCATION), GERMAN_ONLY, COURSE, 4, 14, 8),
            t("Alphabetisierungskurs", cats(CATEGORY_EDUCATION), "mw", "neu", ages("18-27", "27-65", "65+"),
                    kinds(Providers.Kind.VHS, Providers.Kind.EDUCATION), GERMAN_ONLY, COURSE, 4, 10, 8),
            t("Deutsch im Alltag", cats(CATEGORY_EDUCATION), "", "mh", ages("open"),
                    kinds(Providers.Kind.VHS, Providers.Kind.WELFARE), GERMAN_ONLY, ONGOING, 5, 9, 4),
            t("Mama lernt Deutsch", cats(CATEGORY_EDUCATION, CATEGORY_FAMILY), "w", "mh+neu", ages("18-27", "27-65"),
                    kinds(Providers.Kind.VHS, Providers.Kind.FAMILY), GERMAN_ONLY, COURSE, 4, 12, 8),
            t("Beratung für Neuzugewanderte", cats(CATEGORY_COUNSELLING), "mw", "neu", ages("open"),
                    kinds(Providers.Kind.CITY, Providers.Kind.WELFARE, Providers.Kind.KI), MULTI, ONGOING, 8, 5, 6),
            t("Migrationsberatung für Erwachsene (MBE)", cats(CATEGORY_COUNSELLING), "mw", "mh+neu", ages("27-65", "65+"),
                    kinds(Providers.Kind.MBE), MULTI, ONGOING, 6, 4, 8),
            t("Jugendmigrationsdienst", cats(CATEGORY_COUNSELLING, CATEGORY_EDUCATION), "mw", "mh+neu", ages("12-18", "18-27"),
                    kinds(Providers.Kind.JMD), MULTI, ONGOING, 4, 5, 6),
            t("Flüchtlingsberatung", cats(CATEGORY_COUNSELLING), "mw", "neu", ages("open"),
                    kinds(Providers.Kind.WELFARE), MULTI, ONGOING, 5, 5, 8),
            t("Internationaler Kochtreff", cats(CATEGORY_ENCOUNTER, CATEGORY_LEISURE), "", "open", ages("open"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.MIGRANT_ORG, Providers.Kind.CHURCH, Providers.Kind.FAMILY), MULTI, ONGOING, 5, 14, 2),
            t("Fahrradkurs für Frauen", cats(CATEGORY_SPORT, CATEGORY_LEISURE), "w", "mh", ages("18-27", "27-65"),
                    kinds(Providers.Kind.CITY, Providers.Kind.WELFARE, Providers.Kind.SPORTS), GERMAN_ONLY, COURSE, 3, 8, 4),
            t("Schwimmkurs für Frauen", cats(CATEGORY_SPORT), "w", "open", ages("18-27", "27-65"),
                    kinds(Providers.Kind.SPORTS), GERMAN_ONLY, COURSE, 3, 10, 4),
            t("Eltern-Kind-Gruppe Griffbereit", cats(CATEGORY_FAMILY, CATEGORY_EDUCATION), "", "mh", ages("0-1", "1-3"),
                    kinds(Providers.Kind.FAMILY, Providers.Kind.KI), MULTI, ONGOING, 5, 9, 4),
            t("Rucksack KiTa", cats(CATEGORY_FAMILY, CATEGORY_EDUCATION), "w", "mh", ages("3-6"),
                    kinds(Providers.Kind.FAMILY, Providers.Kind.KI), MULTI, COURSE, 4, 9, 4),
            t("Spielgruppe für Kleinkinder", cats(CATEGORY_FAMILY), "", "open", ages("1-3"),
                    kinds(Providers.Kind.FAMILY), GERMAN_ONLY, ONGOING, 3, 8, 4),
            t("Elterncafé", cats(CATEGORY_FAMILY, CATEGORY_ENCOUNTER), "", "open", ages("open"),
                    kinds(Providers.Kind.FAMILY, Providers.Kind.CITY), MULTI, ONGOING, 4, 10, 4),
            t("Bewerbungstraining", cats(CATEGORY_LABOUR), "mw", "open", ages("18-27", "27-65"),
                    kinds(Providers.Kind.JOBCENTER, Providers.Kind.EDUCATION, Providers.Kind.WELFARE), GERMAN_ONLY, COURSE, 4, 10, 4),
            t("Beratung zur Anerkennung ausländischer Berufsabschlüsse", cats(CATEGORY_LABOUR, CATEGORY_COUNSELLING), "mw", "mh+neu",
                    ages("18-27", "27-65"), kinds(Providers.Kind.KI, Providers.Kind.WELFARE, Providers.Kind.EDUCATION), MULTI, ONGOING, 3, 4, 4),
            t("Berufssprachkurs", cats(CATEGORY_LABOUR, CATEGORY_EDUCATION), "mw", "mh+neu", ages("18-27", "27-65"),
                    kinds(Providers.Kind.VHS, Providers.Kind.EDUCATION), GERMAN_ONLY, COURSE, 4, 14, 8),
            t("Ausbildungsberatung für junge Geflüchtete", cats(CATEGORY_LABOUR, CATEGORY_COUNSELLING), "mw", "neu", ages("18-27"),
                    kinds(Providers.Kind.JOBCENTER, Providers.Kind.WELFARE), MULTI, ONGOING, 2, 4, 4),
            t("Frauenfrühstück", cats(CATEGORY_ENCOUNTER), "w", "open", ages("open"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.CHURCH, Providers.Kind.MIGRANT_ORG), MULTI, ONGOING, 4, 15, 2),
            t("Interkultureller Seniorentreff", cats(CATEGORY_ENCOUNTER, CATEGORY_LEISURE), "", "mh", ages("65+"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.CHURCH), MULTI, ONGOING, 3, 12, 4),
            t("Mietführerschein – Wohnen lernen", cats(CATEGORY_HOUSING, CATEGORY_EDUCATION), "mw", "neu", ages("18-27", "27-65"),
                    kinds(Providers.Kind.CITY, Providers.Kind.WELFARE), MULTI, COURSE, 3, 10, 2),
            t("Wohnungssprechstunde", cats(CATEGORY_HOUSING, CATEGORY_COUNSELLING), "", "open", ages("open"),
                    kinds(Providers.Kind.CITY, Providers.Kind.WELFARE), GERMAN_ONLY, ONGOING, 3, 5, 4),
            t("Infoabend Gesundheit – Gesundheitslotsen", cats(CATEGORY_HEALTH), "", "mh", ages("open"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.KI), MULTI, ONGOING, 3, 18, 1),
            t("Gesprächskreis Frauengesundheit", cats(CATEGORY_HEALTH, CATEGORY_ENCOUNTER), "w", "mh", ages("18-27", "27-65", "65+"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.MIGRANT_ORG), MULTI, ONGOING, 3, 10, 2),
            t("Erste-Hilfe-Kurs in einfacher Sprache", cats(CATEGORY_HEALTH, CATEGORY_EDUCATION), "mw", "mh+neu", ages("18-27", "27-65"),
                    kinds(Providers.Kind.DRK), GERMAN_ONLY, COURSE, 2, 12, 1),
            t("Fußball für alle", cats(CATEGORY_SPORT, CATEGORY_LEISURE), "mw", "open", ages("12-18", "18-27"),
                    kinds(Providers.Kind.SPORTS), GERMAN_ONLY, ONGOING, 5, 16, 4),
            t("Badminton", cats(CATEGORY_LEISURE, CATEGORY_SPORT), "mw", "open", ages("open"),
                    kinds(Providers.Kind.SPORTS), GERMAN_ONLY, ONGOING, 3, 12, 4),
            t("Kindersportgruppe", cats(CATEGORY_SPORT), "mw", "open", ages("6-12"),
                    kinds(Providers.Kind.SPORTS), GERMAN_ONLY, ONGOING, 4, 14, 4),
            t("Offener Treff für Jugendliche", cats(CATEGORY_LEISURE, CATEGORY_ENCOUNTER), "mw", "open", ages("12-18"),
                    kinds(Providers.Kind.YOUTH, Providers.Kind.CITY, Providers.Kind.CHURCH), GERMAN_ONLY, ONGOING, 5, 15, 8),
            t("Internationale Tanzgruppe", cats(CATEGORY_LEISURE), "w", "open", ages("12-18", "18-27"),
                    kinds(Providers.Kind.MIGRANT_ORG, Providers.Kind.YOUTH), MULTI, ONGOING, 2, 12, 4),
            t("Theaterprojekt „Angekommen“", cats(CATEGORY_LEISURE, CATEGORY_EDUCATION), "mw", "mh", ages("12-18", "18-27"),
                    kinds(Providers.Kind.YOUTH, Providers.Kind.CITY), GERMAN_ONLY, COURSE, 2, 14, 4),
            t("Nähcafé", cats(CATEGORY_ENCOUNTER, CATEGORY_LEISURE), "w", "open", ages("open"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.FAMILY, Providers.Kind.MIGRANT_ORG), GERMAN_ONLY, ONGOING, 3, 8, 4),
            t("Interkultureller Garten", cats(CATEGORY_ENCOUNTER, CATEGORY_LEISURE), "", "open", ages("open"),
                    kinds(Providers.Kind.WELFARE, Providers.Kind.CHURCH, Providers.Kind.MIGRANT_ORG), GERMAN_ONLY, ONGOING, 2, 10, 2),
            t("Willkommenspaten", cats(CATEGORY_ENCOUNTER), "", "neu", ages("open"),
                    kinds(Providers.Kind.KI, Providers.Kind.WELFARE, Providers.Kind.CHURCH), MULTI, ONGOING, 3, 6, 2),
            t("Ehrenamtsberatung", cats(CATEGORY_ENCOUNTER, CATEGORY_COUNSELLING), "", "open", ages("open"),
                    kinds(Providers.Kind.CITY, Providers.Kind.KI), GERMAN_ONLY, ONGOING, 2, 6, 2),
            t("Lernförderung für Seiteneinsteiger", cats(CATEGORY_EDUCATION), "mw", "neu", ages("6-12", "12-18"),
                    kinds(Providers.Kind.KI, Providers.Kind.CITY, Providers.Kind.WELFARE), MULTI, ONGOING, 3, 8, 8),
            t("Computerkurs für Seniorinnen und Senioren", cats(CATEGORY_EDUCATION, CATEGORY_LEISURE), "mw", "open", ages("65+"),
                    kinds(Providers.Kind.VHS, Providers.Kind.WELFARE), GERMAN_ONLY, COURSE, 2, 8, 4),
            t("Schuldnerberatung", cats(CATEGORY_COUNSELLING), "", "open", ages("18-27", "27-65", "65+"),
                    kinds(Providers.Kind.WELFARE), GERMAN_ONLY, ONGOING, 2, 3, 6),
            t("Sprachmittlerpool", cats(CATEGORY_COUNSELLING), "", "neu", ages("open"),
                    kinds(Providers.Kind.KI), MULTI, ONGOING, 2, 3, 4));

    OfferTemplate {
        categories = List.copyOf(categories);
        ageCodes = List.copyOf(ageCodes);
        providers = List.copyOf(providers);
    }

    private static OfferTemplate t(String name, List<String> categories, String genders, String migration, List<String> ageCodes,
            List<Providers.Kind> providers, boolean multilingual, boolean course, int weight, int typicalParticipants, int sessionsPerMonth) {
        return new OfferTemplate(name, categories, genders, migration, ageCodes, providers, multilingual, course, weight,
                typicalParticipants, sessionsPerMonth);
    }

    private static List<String> cats(String... categories) {
        return List.of(categories);
    }

    private static List<String> ages(String... codes) {
        return List.of(codes);
    }

    private static List<Providers.Kind> kinds(Providers.Kind... kinds) {
        return List.of(kinds);
    }
}
