package de.integrationsmonitor.generator;

import java.util.List;
import java.util.Locale;

/**
 * Invented contact persons, phone numbers, e-mail addresses (all at example.org) and street
 * addresses. They exist so the pipeline can prove that personal data never leaves bronze.
 */
final class People {

    /** A contact as the offers export writes it. */
    record Contact(String name, String phone, String email) {}

    private static final List<String> WOMEN = List.of(
            "Anja", "Sabine", "Petra", "Katharina", "Julia", "Aylin", "Fatma", "Elif", "Nadia", "Olena", "Marta", "Claudia",
            "Birgit", "Susanne", "Lena", "Miriam", "Hatice", "Amina", "Iryna", "Monika", "Dörte", "Gülay");
    private static final List<String> MEN = List.of(
            "Thomas", "Michael", "Stefan", "Andreas", "Mehmet", "Ahmet", "Yusuf", "Ali", "Dariusz", "Markus", "Jan", "Frank",
            "Peter", "Omar", "Karim", "Oleksandr", "Uwe", "Jörg", "Björn", "Sven");
    private static final List<String> SURNAMES = List.of(
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch",
            "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange",
            "Werner", "Krause", "Yilmaz", "Kaya", "Demir", "Öztürk", "Kowalski", "Nowak", "Haddad", "Hussein", "Kovalenko",
            "Große-Wilde", "Bußmann", "Köhler", "Jäger", "Günther", "Spengler", "Tenhagen");
    private static final List<String> STREETS = List.of(
            "Hauptstraße", "Bahnhofstraße", "Kirchstraße", "Schulstraße", "Lindenstraße", "Goethestraße", "Schillerstraße",
            "Friedrich-Ebert-Straße", "Am Markt", "Wilhelmstraße", "Bergstraße", "Gartenstraße", "Mühlenweg", "Königstraße",
            "Breite Straße", "Lange Straße", "Ringstraße", "Amselweg", "Westfalenstraße", "Emscherstraße", "Lippestraße",
            "Zechenstraße", "Am Förderturm", "Bergmannsweg", "Kampstraße", "Münsterstraße", "Grüner Weg", "Halterner Straße");

    private People() {}

    /** A contact person; some offers name only a phone number or no contact at all. */
    static Contact contact(City city, Rand rand) {
        double kind = rand.uniform(0, 1);
        if (kind < 0.08) {
            return new Contact("", "", "");
        }
        boolean woman = rand.chance(0.65);
        String first = rand.pick(woman ? WOMEN : MEN);
        String last = rand.pick(SURNAMES);
        String phone = phone(city, rand);
        if (kind < 0.15) {
            return new Contact("", phone, "");
        }
        String email = rand.chance(0.85) ? slug(first) + "." + slug(last) + "@example.org" : "integration." + slug(city.name()) + "@example.org";
        return new Contact((woman ? "Frau " : "Herr ") + first + " " + last, phone, email);
    }

    static String phone(City city, Rand rand) {
        String digits = Integer.toString(rand.between(20_000, 999_999));
        double kind = rand.uniform(0, 1);
        if (kind < 0.1) {
            return "0151 / " + rand.between(100, 999) + " " + rand.between(100, 999) + " " + rand.between(10, 99);
        }
        return kind < 0.5 ? city.areaCode() + " / " + grouped(digits) : kind < 0.85 ? city.areaCode() + " " + digits : city.areaCode() + "-" + digits;
    }

    static String address(City city, Rand rand) {
        return rand.pick(STREETS) + " " + rand.between(1, 120) + ", " + rand.pick(city.postalCodes()) + " " + city.name();
    }

    /** Lower-case ASCII form of a name for e-mail addresses and URLs. */
    static String slug(String text) {
        String ascii = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
    }

    private static String grouped(String digits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 2 == 0) {
                text.append(' ');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }
}
