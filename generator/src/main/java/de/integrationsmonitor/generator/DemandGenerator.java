package de.integrationsmonitor.generator;

import de.integrationsmonitor.pipelines.contract.TargetGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes reference/demand.csv: residents per Gemeinde (or Stadtteil) and target-group value.
 * Language, age group and gender count the foreign population (the target population of
 * integration offers); migration counts residents with migration background and newcomers.
 *
 * <p>Special cases: Recklinghausen has language demand only on its Stadtteile (roll-up);
 * Castrop-Rauxel has Gemeinde rows and Stadtteil rows for the same languages (the Gemeinde row
 * wins) and Stadtteil-only languages (rolled up); a few rows use codes or capitalised labels;
 * exactly one key is given twice.
 */
final class DemandGenerator {

    static final String PATH = "reference/demand.csv";

    private static final String ROLL_UP_ONLY_CITY = "Recklinghausen";
    private static final String MIXED_LEVEL_CITY = "Castrop-Rauxel";
    private static final Set<String> STADTTEIL_ONLY_LANGUAGES = Set.of("bulgarisch", "rumänisch");
    private static final String DUPLICATE_CITY = "Waltrop";
    private static final String DUPLICATE_LANGUAGE = "türkisch";

    /** Share of the foreign population per language; {@code true} where every Gemeinde has it. */
    private record LanguageShare(String label, double share, boolean everywhere) {}

    private static final List<LanguageShare> LANGUAGES = List.of(
            new LanguageShare("türkisch", 0.24, true), new LanguageShare("arabisch", 0.17, true),
            new LanguageShare("ukrainisch", 0.09, true), new LanguageShare("polnisch", 0.08, true),
            new LanguageShare("deutsch", 0.10, true), new LanguageShare("rumänisch", 0.06, false),
            new LanguageShare("kurdisch", 0.05, false), new LanguageShare("russisch", 0.05, false),
            new LanguageShare("albanisch", 0.04, false), new LanguageShare("bulgarisch", 0.04, false),
            new LanguageShare("italienisch", 0.03, false), new LanguageShare("griechisch", 0.02, false),
            new LanguageShare("serbisch", 0.02, false), new LanguageShare("bosnisch", 0.02, false),
            new LanguageShare("farsi", 0.02, false), new LanguageShare("englisch", 0.02, false),
            new LanguageShare("dari", 0.01, false), new LanguageShare("tigrinya", 0.005, false));

    /** Share of the foreign population per age group (code order of the vocabulary). */
    private static final Map<String, Double> AGE_SHARES = ageShares();

    /** Rows written with the normalised code instead of the label (the contract allows both). */
    private static final Map<String, String> CODE_INSTEAD_OF_LABEL = Map.of(
            "Gladbeck|language|arabisch", "ar",
            "Herten|gender|weiblich", "w",
            "Marl|age_group|Schulkinder (6 - unter 12 Jahren)", "6-12",
            "Dorsten|migration|insbesondere für Neuzugewanderte", "neu",
            "Datteln|language|türkisch", "Türkisch");

    static final List<String> HEADER = List.of("org_unit_id", "dimension", "value", "persons");

    private final Geography geography;
    private final Rand rand;
    private final CsvSink file;

    private DemandGenerator(Geography geography, Rand rand, CsvSink file) {
        this.geography = geography;
        this.rand = rand;
        this.file = file;
    }

    static CsvFile generate(Geography geography, long seed) {
        CsvFile file = new CsvFile(PATH, HEADER);
        generate(geography, seed, file);
        return file;
    }

    /** Writes demand rows for every Gemeinde of the geography into {@code file}. */
    static void generate(Geography geography, long seed, CsvSink file) {
        DemandGenerator generator = new DemandGenerator(geography, new Rand(seed, "demand"), file);
        for (City city : geography.cities()) {
            generator.addCity(city);
        }
    }

    private void addCity(City city) {
        OrgUnit gemeinde = city.unit();
        Map<String, Long> languages = languagesFor(gemeinde.populationForeign(), true);
        if (city.name().equals(ROLL_UP_ONLY_CITY)) {
            addStadtteilLanguages(city, Set.of(), "language demand only on Stadtteile: the Gemeinde value is their sum");
        } else if (city.name().equals(MIXED_LEVEL_CITY)) {
            languages.keySet().removeAll(STADTTEIL_ONLY_LANGUAGES);
            addLanguages(city, gemeinde.id(), languages);
            addStadtteilLanguages(city, STADTTEIL_ONLY_LANGUAGES, null);
        } else {
            addLanguages(city, gemeinde.id(), languages);
        }
        addAgeGroups(city);
        addGenders(city);
        addMigration(city);
        if (city.name().equals(DUPLICATE_CITY)) {
            addDuplicate(city, languages);
        }
    }

    private Map<String, Long> languagesFor(long foreignPopulation, boolean optionalLanguagesByChance) {
        Map<String, Long> persons = new LinkedHashMap<>();
        for (LanguageShare language : LANGUAGES) {
            if (language.everywhere() || !optionalLanguagesByChance || rand.chance(0.7)) {
                persons.put(language.label(), Math.max(5, Math.round(foreignPopulation * language.share() * rand.uniform(0.8, 1.2))));
            }
        }
        return persons;
    }

    private void addLanguages(City city, String orgUnitId, Map<String, Long> languages) {
        languages.forEach((label, persons) -> addRow(city, orgUnitId, TargetGroup.LANGUAGE, label, persons, null));
    }

    /**
     * Language rows for every Stadtteil. Where the Gemeinde has rows of its own
     * ({@code rollUpNote} is null), Stadtteil rows for the same language are overridden and only
     * the {@code stadtteilOnly} languages are rolled up. The first row of each kind is noted.
     */
    private void addStadtteilLanguages(City city, Set<String> stadtteilOnly, String rollUpNote) {
        boolean gemeindeHasRows = rollUpNote == null;
        Set<String> noted = new HashSet<>();
        for (OrgUnit stadtteil : geography.stadtteileOf(city.id())) {
            Map<String, Long> languages = languagesFor(stadtteil.populationForeign(), !gemeindeHasRows);
            if (gemeindeHasRows) {
                languages.keySet().retainAll(Set.of("arabisch", "türkisch", "bulgarisch", "rumänisch"));
            }
            for (Map.Entry<String, Long> language : languages.entrySet()) {
                String kind = !gemeindeHasRows ? "roll-up" : stadtteilOnly.contains(language.getKey()) ? "stadtteil-only" : "overridden";
                Note note = null;
                if (noted.add(kind)) {
                    note = switch (kind) {
                        case "roll-up" -> Note.edgeCase("org_unit_id", stadtteil.id(), city.name() + " has " + rollUpNote);
                        case "stadtteil-only" -> Note.edgeCase("value", language.getKey(),
                                "language only on Stadtteile of " + city.name() + ": rolled up into the Gemeinde");
                        default -> Note.edgeCase("value", language.getKey(),
                                "the " + city.name() + " Gemeinde row for this language wins over the Stadtteil rows");
                    };
                }
                addRow(city, stadtteil.id(), TargetGroup.LANGUAGE, language.getKey(), language.getValue(), note);
            }
        }
    }

    private void addAgeGroups(City city) {
        long foreign = city.unit().populationForeign();
        AGE_SHARES.forEach((code, share) -> addRow(city, city.id(), TargetGroup.AGE_GROUP, Vocabulary.ageLabel(code),
                Math.round(foreign * share * rand.uniform(0.9, 1.1)), null));
    }

    private void addGenders(City city) {
        long foreign = city.unit().populationForeign();
        long diverse = rand.between(3, 25);
        long female = Math.round(foreign * rand.uniform(0.45, 0.49));
        addRow(city, city.id(), TargetGroup.GENDER, Vocabulary.FEMALE, female, null);
        addRow(city, city.id(), TargetGroup.GENDER, Vocabulary.MALE, foreign - female - diverse, null);
        addRow(city, city.id(), TargetGroup.GENDER, Vocabulary.DIVERSE, diverse, null);
    }

    private void addMigration(City city) {
        OrgUnit unit = city.unit();
        addRow(city, city.id(), TargetGroup.MIGRATION, Vocabulary.MIGRATION_BACKGROUND, Math.round(unit.population() * rand.uniform(0.28, 0.38)), null);
        addRow(city, city.id(), TargetGroup.MIGRATION, Vocabulary.NEWCOMERS, unit.newcomers12m(), null);
    }

    private void addDuplicate(City city, Map<String, Long> languages) {
        long original = languages.get(DUPLICATE_LANGUAGE);
        file.add(List.of(city.id(), TargetGroup.LANGUAGE.code(), DUPLICATE_LANGUAGE, Long.toString(original + rand.between(20, 90))),
                Note.fault("duplicate_key", "value", DUPLICATE_LANGUAGE,
                        "second row for (" + city.id() + ", language, tr); the first row is kept"));
    }

    private void addRow(City city, String orgUnitId, TargetGroup dimension, String label, long persons, Note note) {
        String value = label;
        String variant = CODE_INSTEAD_OF_LABEL.get(city.name() + "|" + dimension.code() + "|" + label);
        if (variant != null && orgUnitId.equals(city.id())) {
            value = variant;
            note = Note.edgeCase("value", variant, variant.equals("Türkisch")
                    ? "label with different capitalisation; matching ignores case"
                    : "normalised code instead of the German label");
        }
        file.add(List.of(orgUnitId, dimension.code(), value, Long.toString(persons)), note);
    }

    private static Map<String, Double> ageShares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        double[] values = {0.012, 0.025, 0.04, 0.08, 0.07, 0.14, 0.55, 0.083};
        List<String> codes = new ArrayList<>(Vocabulary.AGE_GROUPS.keySet());
        for (int i = 0; i < codes.size(); i++) {
            shares.put(codes.get(i), values[i]);
        }
        return shares;
    }
}
