package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

/**
 * The Kreis a Gemeinde belongs to, as provider names in the offers export refer to it
 * ("Jobcenter Kreis Recklinghausen", "DRK-Kreisverband Recklinghausen e.V.").
 *
 * @param name        the Kreis as named in org_units, e.g. "Kreis Recklinghausen", or the city of a kreisfreie Stadt
 * @param shortName   the Kreis without "Kreis", e.g. "Recklinghausen"
 * @param region      the landscape local associations are named after, e.g. "Vest"
 * @param awoDistrict the AWO Unterbezirk, e.g. "Münsterland-Recklinghausen"
 * @param kreisfrei   whether the Kreis is a kreisfreie Stadt (one Gemeinde of the same name)
 */
record KreisInfo(String name, String shortName, String region, String awoDistrict, boolean kreisfrei) {

    /** Kreis Recklinghausen as the bundled sample names it. */
    static final KreisInfo RECKLINGHAUSEN = new KreisInfo("Kreis Recklinghausen", "Recklinghausen", "Vest",
            "Münsterland-Recklinghausen", false);

    KreisInfo {
        requireNonNull(name, "name is null");
        requireNonNull(shortName, "shortName is null");
        requireNonNull(region, "region is null");
        requireNonNull(awoDistrict, "awoDistrict is null");
    }

    /** A Kreis whose local associations are named after its short name. */
    static KreisInfo of(String name, String shortName, boolean kreisfrei) {
        return new KreisInfo(name, shortName, shortName, shortName, kreisfrei);
    }

    /** The umbrella organisation of the sports clubs: Kreissportbund or, in a kreisfreie Stadt, Stadtsportbund. */
    String sportsUnion() {
        return (kreisfrei ? "Stadtsportbund " : "Kreissportbund ") + shortName + " e.V.";
    }
}
