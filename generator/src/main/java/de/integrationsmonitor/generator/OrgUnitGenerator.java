package de.integrationsmonitor.generator;

/** Writes reference/org_units.csv from the {@link Geography}, with the units' centres where known; reference data has no faults. */
final class OrgUnitGenerator {

    static final String PATH = "reference/org_units.csv";

    private OrgUnitGenerator() {}

    static CsvFile generate(Geography geography) {
        CsvFile file = new CsvFile(PATH,
                "org_unit_id", "name", "level", "parent_id", "population", "population_foreign", "newcomers_12m", "lat", "lon");
        for (OrgUnit unit : geography.orgUnits()) {
            java.util.Optional<Centres.Centre> centre = geography.centre(unit.id());
            file.add(unit.id(), unit.name(), unit.level(), unit.parentId(), Long.toString(unit.population()),
                    Long.toString(unit.populationForeign()), Long.toString(unit.newcomers12m()),
                    centre.map(c -> Centres.format(c.lat())).orElse(""), centre.map(c -> Centres.format(c.lon())).orElse(""));
        }
        return file;
    }
}
