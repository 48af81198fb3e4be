package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

/** One row of reference/org_units.csv. {@code parentId} is "" for the Land. */
record OrgUnit(String id, String name, String level, String parentId, long population, long populationForeign, long newcomers12m) {

    static final String LAND = "land";
    static final String REGIERUNGSBEZIRK = "regierungsbezirk";
    static final String KREIS = "kreis";
    static final String GEMEINDE = "gemeinde";
    static final String STADTTEIL = "stadtteil";

    OrgUnit {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(level, "level is null");
        requireNonNull(parentId, "parentId is null");
        if (populationForeign > population || newcomers12m > population) {
            throw new IllegalArgumentException("population parts exceed the population of " + id);
        }
    }

    /**
     * Builds a unit from its population and the foreign and newcomer shares in per mille
     * (e.g. 135 for 13.5 %), rounded to whole persons.
     */
    static OrgUnit of(String id, String name, String level, String parentId, long population, int foreignPerMille, int newcomersPerMille) {
        return new OrgUnit(id, name, level, parentId, population,
                Math.round(population * foreignPerMille / 1000.0), Math.round(population * newcomersPerMille / 1000.0));
    }
}
