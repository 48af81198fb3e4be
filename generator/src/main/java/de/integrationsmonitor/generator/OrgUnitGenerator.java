package de.integrationsmonitor.generator;

/** Writes reference/org_units.csv from the {@link Geography}; reference data has no faults. */
final class OrgUnitGenerator {

    static final String PATH = "reference/org_units.csv";

    private OrgUnitGenerator() {}

    static CsvFile generate(Geography geography) {
        CsvFile file = new CsvFile(PATH,
                "org_unit_id", "name", "level", "parent_id", "population", "population_foreign", "newcomers_12m");
        for (OrgUnit unit : geography.orgUnits()) {
            file.add(unit.id(), unit.name(), unit.level(), unit.parentId(), Long.toString(unit.population()),
                    Long.toString(unit.populationForeign()), Long.toString(unit.newcomers12m()));
        }
        return file;
    }
}
