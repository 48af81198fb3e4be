package de.integrationsmonitor.generator;

import java.util.List;

/**
 * Fictitious but typical providers of integration offers and the places where they meet; names
 * refer to the Gemeinde ({@code {city}}) and its Kreis ({@link KreisInfo}).
 */
final class Providers {

    /** Kinds of providers; each knows how its organisations and venues are usually named. */
    enum Kind { WELFARE, MBE, JMD, VHS, EDUCATION, CITY, KI, JOBCENTER, SPORTS, MIGRANT_ORG, FAMILY, CHURCH, YOUTH, DRK }

    /** A provider with the venue of one offer. */
    record Placement(String provider, String venue) {}

    private static final List<String> WELFARE = List.of(
            "AWO Unterbezirk {awo}", "AWO Ortsverein {city}", "Caritasverband {city} e.V.",
            "Diakonisches Werk im Kirchenkreis {kreisShort}", "DRK-Kreisverband {kreisShort} e.V.",
            "Der Paritätische – Kreisgruppe {kreisShort}");
    private static final List<String> MBE = List.of(
            "Caritasverband {city} e.V. – Migrationsberatung", "AWO Unterbezirk {awo} – Migrationsberatung",
            "Diakonisches Werk im Kirchenkreis {kreisShort} – Migrationsdienst", "DRK-Kreisverband {kreisShort} e.V. – Migrationsberatung");
    private static final List<String> JMD = List.of(
            "Jugendmigrationsdienst {kreis} (AWO)", "Jugendmigrationsdienst {kreis} (IN VIA)");
    private static final List<String> EDUCATION = List.of(
            "Bildungswerk {region} gGmbH", "Sprachschule am Markt GmbH", "Bildungszentrum Emscher-Lippe e.V.", "Lernwerkstatt Ruhr gGmbH");
    private static final List<String> CITY = List.of(
            "Stadt {city}", "Stadt {city} – Integrationsbüro", "Stadt {city} – Fachbereich Jugend und Familie", "Stadt {city} – Sozialamt");
    private static final List<String> SPORTS = List.of(
            "TuS {city} 1912 e.V.", "SV Blau-Weiß {city} e.V.", "Turnverein {city} 1889 e.V.", "DJK Eintracht {city} e.V.",
            "{sportsUnion}", "Schwimmverein {region} {city} e.V.");
    private static final List<String> MIGRANT_ORGS = List.of(
            "Deutsch-Türkischer Kulturverein {city} e.V.", "Syrisch-Deutscher Kulturverein {region} e.V.", "Ukrainische Gemeinschaft {region} e.V.",
            "Afrika-Forum {region} e.V.", "Internationaler Frauentreff {city} e.V.", "Deutsch-Arabischer Elternverein Ruhr e.V.",
            "Albanischer Kulturverein Illyria e.V.", "Kurdisches Kulturzentrum {city} e.V.", "Polnischer Kulturverein {region} e.V.");
    private static final List<String> FAMILY_CENTRES = List.of(
            "Regenbogen", "Sonnenschein", "Kunterbunt", "Pusteblume", "Arche Noah", "St. Marien", "Löwenzahn", "Sternschnuppe");
    private static final List<String> CHURCHES = List.of(
            "Ev. Kirchengemeinde {city}", "Kath. Kirchengemeinde St. Peter {city}", "Kath. Kirchengemeinde St. Josef {city}",
            "Ev. Kirchengemeinde Lutherhaus {city}");
    private static final List<String> SCHOOLS = List.of(
            "Grundschule am Park", "Gesamtschule {district}", "Realschule an der Linde", "Gymnasium {city}", "Hauptschule {district}");
    private static final List<String> MEETING_PLACES = List.of(
            "Begegnungszentrum {district}", "Stadtteilzentrum {district}", "Café International", "Beratungsstelle {city}",
            "Treffpunkt {district}");

    private Providers() {}

    static Placement place(Kind kind, City city, String district, Rand rand) {
        String provider = providerName(kind, city, rand);
        String venue = venue(kind, provider, city, district, rand);
        return new Placement(provider, venue);
    }

    private static String providerName(Kind kind, City city, Rand rand) {
        String template = switch (kind) {
            case WELFARE -> rand.pick(WELFARE);
            case MBE -> rand.pick(MBE);
            case JMD -> rand.pick(JMD);
            case VHS -> "Volkshochschule {city}";
            case EDUCATION -> rand.pick(EDUCATION);
            case CITY -> rand.pick(CITY);
            case KI -> "Kommunales Integrationszentrum {kreis}";
            case JOBCENTER -> "Jobcenter {kreis}";
            case SPORTS -> rand.pick(SPORTS);
            case MIGRANT_ORG -> rand.pick(MIGRANT_ORGS);
            case FAMILY -> "Familienzentrum " + rand.pick(FAMILY_CENTRES);
            case CHURCH -> rand.pick(CHURCHES);
            case YOUTH -> rand.chance(0.5) ? "Jugendzentrum {city}" : "Stadt {city} – Jugendförderung";
            case DRK -> rand.chance(0.5) ? "DRK-Kreisverband {kreisShort} e.V." : "DRK-Ortsverein {city} e.V.";
        };
        return fill(template, city, null);
    }

    private static String venue(Kind kind, String provider, City city, String district, Rand rand) {
        String where = district.isEmpty() ? city.name() : district;
        String template = switch (kind) {
            case VHS -> "Volkshochschule {city}, Raum " + rand.between(1, 3) + rand.between(0, 1) + rand.between(1, 9);
            case EDUCATION, FAMILY -> provider;
            case CITY -> rand.pick(List.of("Rathaus {city}", "Stadtteilbüro {district}", "Stadtbibliothek {city}"));
            case KI -> !city.kreis().kreisfrei() && city.name().equals(city.kreis().shortName()) ? "Kreishaus {kreisShort}" : "Rathaus {city}";
            case JOBCENTER -> "Jobcenter {city}";
            case SPORTS -> rand.pick(List.of("Turnhalle " + rand.pick(SCHOOLS), "Sporthalle {district}", "Hallenbad {city}", "Sportplatz {district}"));
            case MIGRANT_ORG -> rand.chance(0.6) ? "Vereinsräume" : "Kulturzentrum {district}";
            case CHURCH -> rand.chance(0.5) ? "Gemeindehaus" : "Gemeindezentrum {district}";
            case YOUTH -> "Jugendzentrum {district}";
            case DRK -> "DRK-Zentrum {city}";
            case WELFARE, MBE, JMD -> rand.pick(MEETING_PLACES);
        };
        return fill(template, city, where);
    }

    private static String fill(String template, City city, String district) {
        KreisInfo kreis = city.kreis();
        String text = template.replace("{city}", city.name());
        if (text.indexOf('{') >= 0) {
            text = text.replace("{kreisShort}", kreis.shortName()).replace("{kreis}", kreis.name()).replace("{region}", kreis.region())
                    .replace("{awo}", kreis.awoDistrict()).replace("{sportsUnion}", kreis.sportsUnion());
        }
        return district == null ? text : text.replace("{district}", district);
    }
}
