package de.integrationsmonitor.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation units a data set covers and the Gemeinden offers are placed in.
 *
 * <p>{@link #sample()}: NRW, its five Regierungsbezirke, Kreis Recklinghausen with its ten
 * Gemeinden (real AGS) and a few Stadtteile, and the twelve model municipalities of
 * "Einwanderung gestalten NRW" with their Kreise. Populations are rounded, realistic values;
 * for the Land and the Regierungsbezirke they are the real totals, not the sum of the listed
 * units. {@link #nrw()}: all 396 Gemeinden of NRW ({@link NrwGeography}); {@link #germany()}: NRW
 * plus 15 generated Länder ({@link GermanyGeography}).
 */
final class Geography {

    static final String KREIS_RECKLINGHAUSEN_ID = "05562";
    static final String KREIS_RECKLINGHAUSEN = "Kreis Recklinghausen";

    /** The model municipalities of "Einwanderung gestalten NRW", in the order of the programme's description. */
    static final List<String> MODEL_MUNICIPALITIES = List.of("Bielefeld", "Dormagen", "Dortmund", "Hamm", "Köln", "Kreis Lippe",
            "Moers", "Münster", "Rheinisch-Bergischer Kreis", "Rheine", "Wuppertal", "Mülheim an der Ruhr");

    private final List<OrgUnit> orgUnits;
    private final List<City> cities;
    private final List<String> modelMunicipalities;
    private final Map<String, List<OrgUnit>> stadtteile = new HashMap<>();

    Geography(List<OrgUnit> orgUnits, List<City> cities, List<String> modelMunicipalities) {
        List<OrgUnit> sorted = new ArrayList<>(orgUnits);
        sorted.sort(Comparator.comparing(OrgUnit::id));
        this.orgUnits = List.copyOf(sorted);
        this.cities = List.copyOf(cities);
        this.modelMunicipalities = List.copyOf(modelMunicipalities);
        for (OrgUnit unit : this.orgUnits) {
            if (unit.level().equals(OrgUnit.STADTTEIL)) {
                stadtteile.computeIfAbsent(unit.parentId(), id -> new ArrayList<>()).add(unit);
            }
        }
    }

    /** The geography of a scale's region. */
    static Geography of(Scale.Region region) {
        return switch (region) {
            case SAMPLE -> sample();
            case NRW -> nrw();
            case GERMANY -> germany();
        };
    }

    /** All units in org_unit_id order (a parent directly precedes its children). */
    List<OrgUnit> orgUnits() {
        return orgUnits;
    }

    /** The Gemeinden offers are placed in, in AGS order. */
    List<City> cities() {
        return cities;
    }

    City city(String name) {
        return cities.stream().filter(city -> city.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Gemeinde named " + name + " in the geography"));
    }

    List<OrgUnit> stadtteileOf(String gemeindeId) {
        return stadtteile.getOrDefault(gemeindeId, List.of());
    }

    /** A unit's centre for the optional lat;lon columns: real where {@link Centres} knows it, else synthetic in NRW. */
    java.util.Optional<Centres.Centre> centre(String orgUnitId) {
        return Centres.of(orgUnitId);
    }

    /** Names of the Kreise that are not kreisfreie Städte (a name that means the Kreis itself), in AGS order. */
    List<String> landkreisNames() {
        Set<String> names = new LinkedHashSet<>();
        for (City city : cities) {
            if (!city.kreis().kreisfrei()) {
                names.add(city.kreis().name());
            }
        }
        return List.copyOf(names);
    }

    /** Names (as in org_units) of the model municipalities, in the order of the programme's description. */
    List<String> modelMunicipalities() {
        return modelMunicipalities;
    }

    /** All of NRW with real names and AGS; see {@link NrwGeography}. */
    static Geography nrw() {
        return NrwGeography.build();
    }

    /** Germany-sized; see {@link GermanyGeography}. */
    static Geography germany() {
        return GermanyGeography.build();
    }

    static Geography sample() {
        List<OrgUnit> units = new ArrayList<>();
        addLandAndRegierungsbezirke(units);
        List<City> cities = kreisRecklinghausenCities();
        addKreisRecklinghausen(units, cities);
        addModelMunicipalities(units);
        return new Geography(units, cities, MODEL_MUNICIPALITIES);
    }

    private static void addLandAndRegierungsbezirke(List<OrgUnit> units) {
        List<OrgUnit> bezirke = List.of(
                OrgUnit.of("051", "Düsseldorf", OrgUnit.REGIERUNGSBEZIRK, "05", 5_229_000, 168, 16),
                OrgUnit.of("053", "Köln", OrgUnit.REGIERUNGSBEZIRK, "05", 4_521_000, 159, 16),
                OrgUnit.of("055", "Münster", OrgUnit.REGIERUNGSBEZIRK, "05", 2_660_000, 108, 12),
                OrgUnit.of("057", "Detmold", OrgUnit.REGIERUNGSBEZIRK, "05", 2_083_000, 130, 14),
                OrgUnit.of("059", "Arnsberg", OrgUnit.REGIERUNGSBEZIRK, "05", 3_607_000, 148, 15));
        units.add(sumOf("05", "Nordrhein-Westfalen", OrgUnit.LAND, "", bezirke));
        units.addAll(bezirke);
    }

    /** The ten Gemeinden of Kreis Recklinghausen with real AGS, area codes, postal codes and districts. */
    static List<City> kreisRecklinghausenCities() {
        String k = KREIS_RECKLINGHAUSEN_ID;
        return List.of(
                recklinghausen(OrgUnit.of("05562004", "Castrop-Rauxel", OrgUnit.GEMEINDE, k, 73_400, 135, 14), "02305",
                        List.of("44575", "44577", "44579", "44581"),
                        List.of("Habinghorst", "Ickern", "Castrop", "Rauxel", "Schwerin", "Deininghausen", "Henrichenburg")),
                recklinghausen(OrgUnit.of("05562008", "Datteln", OrgUnit.GEMEINDE, k, 34_900, 110, 12), "02363",
                        List.of("45711"), List.of("Innenstadt", "Meckinghoven", "Hagem", "Horneburg", "Ahsen")),
                recklinghausen(OrgUnit.of("05562012", "Dorsten", OrgUnit.GEMEINDE, k, 74_700, 102, 11), "02362",
                        List.of("46282", "46284", "46286"),
                        List.of("Altstadt", "Hervest", "Holsterhausen", "Wulfen", "Barkenberg", "Feldmark", "Hardt")),
                recklinghausen(OrgUnit.of("05562014", "Gladbeck", OrgUnit.GEMEINDE, k, 76_200, 185, 19), "02043",
                        List.of("45964", "45966", "45968"),
                        List.of("Mitte", "Butendorf", "Brauck", "Rentfort", "Zweckel", "Ellinghorst", "Schultendorf")),
                recklinghausen(OrgUnit.of("05562016", "Haltern am See", OrgUnit.GEMEINDE, k, 38_000, 100, 10), "02364",
                        List.of("45721"), List.of("Stadtmitte", "Sythen", "Lippramsdorf", "Hullern", "Flaesheim", "Lavesum")),
                recklinghausen(OrgUnit.of("05562020", "Herten", OrgUnit.GEMEINDE, k, 62_300, 170, 18), "02366",
                        List.of("45699", "45701"),
                        List.of("Mitte", "Westerholt", "Scherlebeck", "Disteln", "Langenbochum", "Paschenberg", "Süd")),
                recklinghausen(OrgUnit.of("05562024", "Marl", OrgUnit.GEMEINDE, k, 85_400, 160, 17), "02365",
                        List.of("45768", "45770", "45772"),
                        List.of("Hüls", "Drewer", "Brassert", "Alt-Marl", "Sinsen-Lenkerbeck", "Polsum", "Hamm")),
                recklinghausen(OrgUnit.of("05562028", "Oer-Erkenschwick", OrgUnit.GEMEINDE, k, 31_300, 115, 12), "02368",
                        List.of("45739"), List.of("Oer", "Erkenschwick", "Rapen", "Klein-Erkenschwick")),
                recklinghausen(OrgUnit.of("05562032", "Recklinghausen", OrgUnit.GEMEINDE, k, 111_400, 165, 18), "02361",
                        List.of("45657", "45659", "45661", "45663", "45665"),
                        List.of("Altstadt", "Hillerheide", "Hochlarmark", "Süd", "Suderwich", "König-Ludwig", "Grullbad",
                                "Paulusviertel", "Hillen")),
                recklinghausen(OrgUnit.of("05562036", "Waltrop", OrgUnit.GEMEINDE, k, 29_300, 105, 10), "02309",
                        List.of("45731"), List.of("Mitte", "Brockenscheidt", "Leveringhausen", "Oberwiese")));
    }

    private static City recklinghausen(OrgUnit unit, String areaCode, List<String> postalCodes, List<String> districts) {
        return new City(unit, areaCode, postalCodes, districts, KreisInfo.RECKLINGHAUSEN);
    }

    private static void addKreisRecklinghausen(List<OrgUnit> units, List<City> cities) {
        List<OrgUnit> gemeinden = cities.stream().map(City::unit).toList();
        units.add(sumOf(KREIS_RECKLINGHAUSEN_ID, KREIS_RECKLINGHAUSEN, OrgUnit.KREIS, "055", gemeinden));
        units.addAll(gemeinden);
        units.addAll(kreisRecklinghausenStadtteile());
    }

    /** The Stadtteile of Castrop-Rauxel, Marl and Recklinghausen that have demand rows of their own. */
    static List<OrgUnit> kreisRecklinghausenStadtteile() {
        return List.of(
                stadtteil("05562004", "habinghorst", "Habinghorst", 10_200, 210, 22),
                stadtteil("05562004", "ickern", "Ickern", 13_700, 150, 15),
                stadtteil("05562024", "huels", "Hüls", 11_300, 170, 18),
                stadtteil("05562024", "drewer", "Drewer", 11_200, 200, 21),
                stadtteil("05562032", "altstadt", "Altstadt", 4_800, 210, 24),
                stadtteil("05562032", "hillerheide", "Hillerheide", 10_900, 230, 26),
                stadtteil("05562032", "hochlarmark", "Hochlarmark", 9_600, 200, 21),
                stadtteil("05562032", "sued", "Süd", 11_800, 190, 20),
                stadtteil("05562032", "suderwich", "Suderwich", 11_500, 90, 9));
    }

    private static void addModelMunicipalities(List<OrgUnit> units) {
        kreisfreieStadt(units, "05711", "Bielefeld", "057", 338_000, 185, 18);
        kreisfreieStadt(units, "05913", "Dortmund", "059", 600_000, 215, 20);
        kreisfreieStadt(units, "05915", "Hamm", "059", 180_000, 175, 17);
        kreisfreieStadt(units, "05315", "Köln", "053", 1_024_000, 210, 19);
        kreisfreieStadt(units, "05117", "Mülheim an der Ruhr", "051", 171_000, 170, 16);
        kreisfreieStadt(units, "05515", "Münster", "055", 322_000, 110, 15);
        kreisfreieStadt(units, "05124", "Wuppertal", "051", 358_000, 210, 19);
        units.add(OrgUnit.of("05162", "Rhein-Kreis Neuss", OrgUnit.KREIS, "051", 455_000, 140, 13));
        units.add(OrgUnit.of("05162004", "Dormagen", OrgUnit.GEMEINDE, "05162", 65_000, 120, 12));
        units.add(OrgUnit.of("05170", "Kreis Wesel", OrgUnit.KREIS, "051", 460_000, 115, 12));
        units.add(OrgUnit.of("05170024", "Moers", OrgUnit.GEMEINDE, "05170", 104_000, 140, 14));
        units.add(OrgUnit.of("05566", "Kreis Steinfurt", OrgUnit.KREIS, "055", 452_000, 90, 11));
        units.add(OrgUnit.of("05566076", "Rheine", OrgUnit.GEMEINDE, "05566", 77_000, 110, 13));
        units.add(OrgUnit.of("05766", "Kreis Lippe", OrgUnit.KREIS, "057", 348_000, 115, 13));
        units.add(OrgUnit.of("05766020", "Detmold", OrgUnit.GEMEINDE, "05766", 75_000, 130, 14));
        units.add(OrgUnit.of("05766044", "Lemgo", OrgUnit.GEMEINDE, "05766", 41_000, 110, 12));
        units.add(OrgUnit.of("05378", "Rheinisch-Bergischer Kreis", OrgUnit.KREIS, "053", 284_000, 110, 12));
        units.add(OrgUnit.of("05378004", "Bergisch Gladbach", OrgUnit.GEMEINDE, "05378", 112_000, 125, 13));
        units.add(OrgUnit.of("05378032", "Wermelskirchen", OrgUnit.GEMEINDE, "05378", 35_000, 90, 10));
    }

    /** A kreisfreie Stadt: a Kreis row plus one Gemeinde child of the same name. */
    private static void kreisfreieStadt(List<OrgUnit> units, String kreisId, String name, String bezirkId,
            long population, int foreignPerMille, int newcomersPerMille) {
        OrgUnit gemeinde = OrgUnit.of(kreisId + "000", name, OrgUnit.GEMEINDE, kreisId, population, foreignPerMille, newcomersPerMille);
        units.add(sumOf(kreisId, name, OrgUnit.KREIS, bezirkId, List.of(gemeinde)));
        units.add(gemeinde);
    }

    private static OrgUnit stadtteil(String gemeindeId, String slug, String name, long population, int foreignPerMille, int newcomersPerMille) {
        return OrgUnit.of(gemeindeId + "-" + slug, name, OrgUnit.STADTTEIL, gemeindeId, population, foreignPerMille, newcomersPerMille);
    }

    static OrgUnit sumOf(String id, String name, String level, String parentId, List<OrgUnit> children) {
        long population = children.stream().mapToLong(OrgUnit::population).sum();
        long foreign = children.stream().mapToLong(OrgUnit::populationForeign).sum();
        long newcomers = children.stream().mapToLong(OrgUnit::newcomers12m).sum();
        return new OrgUnit(id, name, level, parentId, population, foreign, newcomers);
    }
}
