package de.integrationsmonitor.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Germany-sized geography: the real NRW of {@link NrwGeography} plus the other 15 Länder with
 * their real names, AGS Land keys, approximate populations and numbers of Kreise and Gemeinden
 * (about 10,800 Gemeinden in all). Outside NRW the Kreise and Gemeinden are generated: invented
 * but German-sounding, unique names, AGS-style ids (Land, Regierungsbezirk digit, Kreis number
 * 01-49 for kreisfreie Städte and 51-99 for Landkreise, three-digit Gemeinde number), log-normal
 * population sizes that add up to the Land's population. Regierungsbezirke are real where the
 * Land has them; elsewhere a Land has one unit {@code <Land>0} named after the Land, as the AGS
 * writes the missing Regierungsbezirk as 0. Deterministic and independent of the data seed.
 */
final class GermanyGeography {

    /**
     * One Land: AGS key, name, population, Gemeinden, kreisfreie Städte, Landkreise, and the
     * Regierungsbezirke (empty where the Land has none); {@code cityNames} fixes the names of the
     * kreisfreie Städte of the city-states.
     */
    private record Land(String id, String name, long population, int gemeinden, int kreisfreie, int landkreise,
            List<String> bezirke, List<String> cityNames, List<String> postalPrefixes) {}

    private static final List<Land> LAENDER = List.of(
            new Land("01", "Schleswig-Holstein", 2_950_000, 1_106, 4, 11, List.of(), List.of(), List.of("23", "24", "25")),
            new Land("02", "Hamburg", 1_890_000, 1, 1, 0, List.of(), List.of("Hamburg"), List.of("20", "21", "22")),
            new Land("03", "Niedersachsen", 8_100_000, 941, 8, 37, List.of(), List.of(),
                    List.of("26", "27", "29", "30", "31", "37", "38", "49")),
            new Land("04", "Bremen", 680_000, 2, 2, 0, List.of(), List.of("Bremen", "Bremerhaven"), List.of("27", "28")),
            new Land("06", "Hessen", 6_390_000, 421, 5, 21, List.of("Darmstadt", "Gießen", "Kassel"), List.of(),
                    List.of("34", "35", "36", "60", "61", "63", "64", "65")),
            new Land("07", "Rheinland-Pfalz", 4_160_000, 2_301, 12, 24, List.of(), List.of(),
                    List.of("54", "55", "56", "66", "67", "76")),
            new Land("08", "Baden-Württemberg", 11_280_000, 1_101, 9, 35, List.of("Stuttgart", "Karlsruhe", "Freiburg", "Tübingen"),
                    List.of(), List.of("68", "69", "70", "71", "72", "73", "74", "75", "77", "78", "79", "88", "89", "97")),
            new Land("09", "Bayern", 13_370_000, 2_056, 25, 71, List.of("Oberbayern", "Niederbayern", "Oberpfalz", "Oberfranken",
                    "Mittelfranken", "Unterfranken", "Schwaben"), List.of(),
                    List.of("63", "80", "81", "82", "83", "84", "85", "86", "87", "90", "91", "92", "93", "94", "95", "96", "97")),
            new Land("10", "Saarland", 990_000, 52, 0, 6, List.of(), List.of(), List.of("66")),
            new Land("11", "Berlin", 3_760_000, 1, 1, 0, List.of(), List.of("Berlin"), List.of("10", "12", "13", "14")),
            new Land("12", "Brandenburg", 2_570_000, 413, 4, 14, List.of(), List.of(), List.of("03", "14", "15", "16", "19")),
            new Land("13", "Mecklenburg-Vorpommern", 1_630_000, 726, 2, 6, List.of(), List.of(), List.of("17", "18", "19", "23")),
            new Land("14", "Sachsen", 4_090_000, 418, 3, 10, List.of(), List.of(), List.of("01", "02", "04", "08", "09")),
            new Land("15", "Sachsen-Anhalt", 2_190_000, 218, 3, 11, List.of(), List.of(), List.of("06", "29", "38", "39")),
            new Land("16", "Thüringen", 2_130_000, 605, 6, 16, List.of(), List.of(), List.of("04", "07", "36", "37", "96", "98", "99")));

    private static final List<String> PREFIXES = List.of("Bad ", "Neu", "Alt", "Groß ", "Klein ", "Ober", "Unter", "Nieder", "Hohen",
            "Sankt ", "Kirch", "Wester", "Oster");
    private static final List<String> STEMS = List.of("Ahl", "Asch", "Bach", "Bern", "Birk", "Blum", "Bock", "Brak", "Bühl", "Dann",
            "Dorn", "Dreis", "Eber", "Eich", "Elm", "Erl", "Esch", "Falk", "Fisch", "Fried", "Glad", "Gold", "Gries", "Grün", "Hag",
            "Hald", "Hart", "Hasel", "Heid", "Helm", "Herm", "Hirsch", "Holz", "Horn", "Ilsen", "Kalk", "Karl", "Klee", "Königs",
            "Kron", "Lang", "Lauter", "Lind", "Loh", "Marien", "Mark", "Mühl", "Nord", "Rad", "Ried", "Ritters", "Rosen", "Roth",
            "Salz", "Sand", "Schön", "Sieg", "Stein", "Tann", "Uhl", "Vier", "Wald", "Wals", "Weiden", "Weiß", "Wend", "Wies",
            "Wolf", "Zell", "Buchen", "Ecker", "Fürsten", "Hamm", "Lichten", "Otter", "Rotten", "Seel", "Sulz", "Tiefen", "Wittel");
    private static final List<String> SUFFIXES = List.of("bach", "berg", "burg", "dorf", "feld", "furt", "hagen", "hausen", "heim",
            "hof", "ingen", "kirchen", "rode", "stadt", "stedt", "tal", "au", "beck", "born", "brück", "büttel", "ow", "itz",
            "leben", "lingen", "roda", "weiler", "wald", "werder", "see");

    private GermanyGeography() {}

    static Geography build() {
        NrwGeography.Parts nrw = NrwGeography.parts();
        List<OrgUnit> units = new ArrayList<>(nrw.units());
        List<City> cities = new ArrayList<>(nrw.cities());
        Set<String> usedNames = new HashSet<>();
        nrw.units().forEach(unit -> usedNames.add(unit.name()));
        for (Land land : LAENDER) {
            land.cityNames().forEach(usedNames::add);
        }
        List<OrgUnit> landUnits = new ArrayList<>();
        for (Land land : LAENDER) {
            landUnits.add(addLand(land, units, cities, usedNames));
        }
        cities.sort(Comparator.comparing(City::id));
        units.addAll(landUnits);
        return new Geography(units, cities, Geography.MODEL_MUNICIPALITIES);
    }

    /** Adds the Regierungsbezirke, Kreise and Gemeinden of one Land and returns its Land unit. */
    private static OrgUnit addLand(Land land, List<OrgUnit> units, List<City> cities, Set<String> usedNames) {
        Rand rand = new Rand(0, "germany-" + land.id());
        long[] populations = populations(land, rand);
        List<String> bezirkIds = new ArrayList<>();
        List<String> bezirkNames = new ArrayList<>();
        if (land.bezirke().isEmpty()) {
            bezirkIds.add(land.id() + "0");
            bezirkNames.add(land.name());
        } else {
            for (int i = 0; i < land.bezirke().size(); i++) {
                bezirkIds.add(land.id() + (i + 1));
                bezirkNames.add(land.bezirke().get(i));
            }
        }
        // The largest populations become the kreisfreie Städte; the rest is spread over the Landkreise.
        List<List<OrgUnit>> gemeindenByBezirk = new ArrayList<>();
        List<List<OrgUnit>> kreiseByBezirk = new ArrayList<>();
        for (int i = 0; i < bezirkIds.size(); i++) {
            gemeindenByBezirk.add(new ArrayList<>());
            kreiseByBezirk.add(new ArrayList<>());
        }
        int[] kreisfreieInBezirk = new int[bezirkIds.size()];
        for (int i = 0; i < land.kreisfreie(); i++) {
            int bezirk = i % bezirkIds.size();
            String kreisId = bezirkIds.get(bezirk) + twoDigits(++kreisfreieInBezirk[bezirk]);
            String name = i < land.cityNames().size() ? land.cityNames().get(i) : uniqueName(rand, usedNames);
            KreisInfo info = KreisInfo.of(name, name, true);
            OrgUnit gemeinde = gemeinde(kreisId + "000", name, kreisId, populations[i], rand);
            cities.add(NrwGeography.details(gemeinde, List.of(areaPrefix(land)), land.postalPrefixes(), info, rand));
            kreiseByBezirk.get(bezirk).add(Geography.sumOf(kreisId, name, OrgUnit.KREIS, bezirkIds.get(bezirk), List.of(gemeinde)));
            gemeindenByBezirk.get(bezirk).add(gemeinde);
        }
        int kreisangehoerige = land.gemeinden() - land.kreisfreie();
        int[] sizes = kreisSizes(kreisangehoerige, land.landkreise(), rand);
        List<Long> remaining = new ArrayList<>();
        for (int i = land.kreisfreie(); i < populations.length; i++) {
            remaining.add(populations[i]);
        }
        List<Long> shuffled = rand.shuffled(remaining);
        int next = 0;
        int[] landkreiseInBezirk = new int[bezirkIds.size()];
        for (int k = 0; k < land.landkreise(); k++) {
            int bezirk = k % bezirkIds.size();
            String kreisId = bezirkIds.get(bezirk) + twoDigits(50 + ++landkreiseInBezirk[bezirk]);
            List<String> names = new ArrayList<>();
            List<Long> kreisPopulations = new ArrayList<>();
            for (int g = 0; g < sizes[k]; g++) {
                names.add(uniqueName(rand, usedNames));
                kreisPopulations.add(shuffled.get(next++));
            }
            int largest = 0;
            for (int g = 1; g < sizes[k]; g++) {
                if (kreisPopulations.get(g) > kreisPopulations.get(largest)) {
                    largest = g;
                }
            }
            String kreisName = "Landkreis " + names.get(largest);
            KreisInfo info = KreisInfo.of(kreisName, names.get(largest), false);
            List<OrgUnit> gemeinden = new ArrayList<>();
            for (int g = 0; g < sizes[k]; g++) {
                OrgUnit gemeinde = gemeinde(kreisId + threeDigits(g + 1), names.get(g), kreisId, kreisPopulations.get(g), rand);
                gemeinden.add(gemeinde);
                cities.add(NrwGeography.details(gemeinde, List.of(areaPrefix(land)), land.postalPrefixes(), info, rand));
            }
            kreiseByBezirk.get(bezirk).add(Geography.sumOf(kreisId, kreisName, OrgUnit.KREIS, bezirkIds.get(bezirk), gemeinden));
            gemeindenByBezirk.get(bezirk).addAll(gemeinden);
        }
        List<OrgUnit> bezirkUnits = new ArrayList<>();
        for (int i = 0; i < bezirkIds.size(); i++) {
            units.addAll(gemeindenByBezirk.get(i));
            units.addAll(kreiseByBezirk.get(i));
            bezirkUnits.add(Geography.sumOf(bezirkIds.get(i), bezirkNames.get(i), OrgUnit.REGIERUNGSBEZIRK, land.id(),
                    kreiseByBezirk.get(i)));
        }
        units.addAll(bezirkUnits);
        return Geography.sumOf(land.id(), land.name(), OrgUnit.LAND, "", bezirkUnits);
    }

    /**
     * Gemeinde populations, largest first, adding up to the Land's population: log-normal sizes;
     * the largest become the kreisfreie Städte, the others are capped at 40 times the median so
     * that no Landkreis holds a city of several hundred thousand; at least 150 inhabitants each.
     */
    private static long[] populations(Land land, Rand rand) {
        double[] weights = new double[land.gemeinden()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(1.5 * rand.gaussian());
        }
        Arrays.sort(weights);
        double cap = 40 * weights[weights.length / 2];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (i < weights.length - land.kreisfreie()) {
                weights[i] = Math.min(weights[i], cap);
            }
            total += weights[i];
        }
        long[] populations = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double share = weights[weights.length - 1 - i] / total;
            populations[i] = Math.max(150, Math.round(land.population() * share / 10.0) * 10);
        }
        return populations;
    }

    /** How many Gemeinden each Landkreis gets: random shares, at least one each, adding up to {@code gemeinden}. */
    private static int[] kreisSizes(int gemeinden, int landkreise, Rand rand) {
        int[] sizes = new int[landkreise];
        if (landkreise == 0) {
            return sizes;
        }
        double[] weights = new double[landkreise];
        double total = 0;
        for (int k = 0; k < landkreise; k++) {
            weights[k] = rand.uniform(0.5, 1.5);
            total += weights[k];
        }
        int assigned = 0;
        for (int k = 0; k < landkreise; k++) {
            sizes[k] = Math.max(1, (int) Math.floor((gemeinden - landkreise) * weights[k] / total) + 1);
            assigned += sizes[k];
        }
        for (int k = 0; assigned < gemeinden; k = (k + 1) % landkreise) {
            sizes[k]++;
            assigned++;
        }
        return sizes;
    }

    private static OrgUnit gemeinde(String id, String name, String kreisId, long population, Rand rand) {
        int foreign = NrwGeography.foreignPerMille(population, rand);
        int newcomers = (int) Math.round(foreign * rand.uniform(0.085, 0.11));
        return OrgUnit.of(id, name, OrgUnit.GEMEINDE, kreisId, population, foreign, newcomers);
    }

    /** An invented place name not used before (also not a real NRW name or a city-state's name). */
    static String uniqueName(Rand rand, Set<String> usedNames) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String stem = rand.pick(STEMS);
            String suffix = rand.pick(SUFFIXES);
            String name = stem + suffix;
            if (rand.chance(0.2)) {
                String prefix = rand.pick(PREFIXES);
                name = prefix.endsWith(" ") ? prefix + name : prefix + name.toLowerCase(Locale.ROOT);
            }
            if (usedNames.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no unused place name left after 10,000 attempts");
    }

    private static String areaPrefix(Land land) {
        return "0" + land.postalPrefixes().get(0).charAt(0);
    }

    private static String twoDigits(int number) {
        return String.format(Locale.ROOT, "%02d", number);
    }

    private static String threeDigits(int number) {
        return String.format(Locale.ROOT, "%03d", number);
    }
}
