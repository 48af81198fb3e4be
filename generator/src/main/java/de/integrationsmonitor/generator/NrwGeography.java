package de.integrationsmonitor.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All of North Rhine-Westphalia: the five Regierungsbezirke, the 31 Kreise and 22 kreisfreie
 * Städte and their 396 Gemeinden with real names and AGS, read from {@code nrw-gemeinden.csv}.
 * Populations there are rounded approximations. Kreis Recklinghausen (with its Stadtteile) and the
 * model municipalities keep the values of the bundled sample; for every other Gemeinde the foreign
 * and newcomer shares, telephone area code, postal codes and district names are derived
 * deterministically from its AGS and population (plausible, not real).
 */
final class NrwGeography {

    static final String RESOURCE = "nrw-gemeinden.csv";
    static final String LAND_ID = "05";
    static final String LAND_NAME = "Nordrhein-Westfalen";

    /** Short names of the Kreise whose name is not "Kreis X". */
    private static final Map<String, String> SHORT_NAMES = Map.of(
            "Rhein-Kreis Neuss", "Neuss", "Städteregion Aachen", "Aachen", "Rhein-Erft-Kreis", "Rhein-Erft",
            "Oberbergischer Kreis", "Oberberg", "Rheinisch-Bergischer Kreis", "Rhein-Berg", "Rhein-Sieg-Kreis", "Rhein-Sieg",
            "Ennepe-Ruhr-Kreis", "Ennepe-Ruhr", "Hochsauerlandkreis", "Hochsauerland", "Märkischer Kreis", "Märkischer Kreis");

    /** First three digits of the telephone area codes per Regierungsbezirk. */
    private static final Map<String, List<String>> AREA_CODE_PREFIXES = Map.of(
            "051", List.of("021", "028"), "053", List.of("022", "024"), "055", List.of("023", "025"),
            "057", List.of("052", "057"), "059", List.of("023", "029"));

    /** First two digits of the postal codes per Regierungsbezirk. */
    private static final Map<String, List<String>> POSTAL_PREFIXES = Map.of(
            "051", List.of("40", "41", "42", "46", "47"), "053", List.of("50", "51", "52", "53"),
            "055", List.of("45", "46", "48"), "057", List.of("32", "33"), "059", List.of("44", "57", "58", "59"));

    static final List<String> GENERIC_DISTRICTS = List.of("Mitte", "Innenstadt", "Nord", "Süd", "Ost", "West", "Altstadt",
            "Neustadt", "Bahnhofsviertel", "Kirchdorf", "Oberdorf", "Heide", "Feldmark", "Bruch", "Busch", "Am Berg", "Hardt",
            "Hof", "Mühlenviertel", "Lindenviertel");

    /** One line of the resource. */
    private record Entry(String id, String name, Long population, Integer foreignPerMille, Integer newcomersPerMille) {}

    private NrwGeography() {}

    static Geography build() {
        Parts parts = parts();
        return new Geography(parts.units(), parts.cities(), Geography.MODEL_MUNICIPALITIES);
    }

    /** The units (Land first) and cities of NRW, for this geography and as one Land of {@link GermanyGeography}. */
    record Parts(List<OrgUnit> units, List<City> cities) {}

    static Parts parts() {
        List<Entry> entries = read();
        Map<String, City> sampleCities = new LinkedHashMap<>();
        for (City city : Geography.kreisRecklinghausenCities()) {
            sampleCities.put(city.id(), city);
        }
        Map<String, String> bezirke = new LinkedHashMap<>();
        Map<String, Entry> kreise = new LinkedHashMap<>();
        Map<String, List<OrgUnit>> gemeindenByKreis = new LinkedHashMap<>();
        List<City> cities = new ArrayList<>();
        for (Entry entry : entries) {
            switch (entry.id().length()) {
                case 3 -> bezirke.put(entry.id(), entry.name());
                case 5 -> {
                    kreise.put(entry.id(), entry);
                    gemeindenByKreis.put(entry.id(), new ArrayList<>());
                    if (entry.population() != null) {
                        Entry gemeinde = new Entry(entry.id() + "000", entry.name(), entry.population(), entry.foreignPerMille(),
                                entry.newcomersPerMille());
                        addGemeinde(gemeinde, kreise, gemeindenByKreis, sampleCities, cities);
                    }
                }
                case 8 -> addGemeinde(entry, kreise, gemeindenByKreis, sampleCities, cities);
                default -> throw new IllegalStateException(RESOURCE + ": unexpected id " + entry.id());
            }
        }
        List<OrgUnit> units = new ArrayList<>();
        List<OrgUnit> bezirkUnits = new ArrayList<>();
        for (Map.Entry<String, String> bezirk : bezirke.entrySet()) {
            List<OrgUnit> kreisUnits = new ArrayList<>();
            for (Entry kreis : kreise.values()) {
                if (kreis.id().startsWith(bezirk.getKey())) {
                    List<OrgUnit> gemeinden = gemeindenByKreis.get(kreis.id());
                    kreisUnits.add(Geography.sumOf(kreis.id(), kreis.name(), OrgUnit.KREIS, bezirk.getKey(), gemeinden));
                    units.addAll(gemeinden);
                }
            }
            units.addAll(kreisUnits);
            bezirkUnits.add(Geography.sumOf(bezirk.getKey(), bezirk.getValue(), OrgUnit.REGIERUNGSBEZIRK, LAND_ID, kreisUnits));
        }
        units.addAll(bezirkUnits);
        units.add(Geography.sumOf(LAND_ID, LAND_NAME, OrgUnit.LAND, "", bezirkUnits));
        units.addAll(Geography.kreisRecklinghausenStadtteile());
        return new Parts(units, cities);
    }

    private static void addGemeinde(Entry entry, Map<String, Entry> kreise, Map<String, List<OrgUnit>> gemeindenByKreis,
            Map<String, City> sampleCities, List<City> cities) {
        String kreisId = entry.id().substring(0, 5);
        City sample = sampleCities.get(entry.id());
        if (sample != null) {
            gemeindenByKreis.get(kreisId).add(sample.unit());
            cities.add(sample);
            return;
        }
        Entry kreis = kreise.get(kreisId);
        boolean kreisfrei = kreis.population() != null;
        Rand rand = new Rand(0, "nrw-" + entry.id());
        long population = entry.population();
        int foreign = entry.foreignPerMille() != null ? entry.foreignPerMille() : foreignPerMille(population, rand);
        int newcomers = entry.newcomersPerMille() != null ? entry.newcomersPerMille()
                : (int) Math.round(foreign * rand.uniform(0.085, 0.11));
        OrgUnit unit = OrgUnit.of(entry.id(), entry.name(), OrgUnit.GEMEINDE, kreisId, population, foreign, newcomers);
        gemeindenByKreis.get(kreisId).add(unit);
        String bezirk = entry.id().substring(0, 3);
        KreisInfo info = KreisInfo.of(kreis.name(), shortName(kreis.name()), kreisfrei);
        cities.add(details(unit, AREA_CODE_PREFIXES.get(bezirk), POSTAL_PREFIXES.get(bezirk), info, rand));
    }

    /** Foreign residents per mille: higher in large cities, with some spread. */
    static int foreignPerMille(long population, Rand rand) {
        double base = 80 + 45 * Math.log10(Math.max(1, population) / 10_000.0);
        return (int) Math.round(Math.max(45, Math.min(240, base + rand.uniform(-25, 25))));
    }

    /** A Gemeinde with a generated area code, postal codes and district names. */
    static City details(OrgUnit unit, List<String> areaCodePrefixes, List<String> postalPrefixes, KreisInfo kreis, Rand rand) {
        String areaCode = rand.pick(areaCodePrefixes) + rand.between(0, 9) + rand.between(0, 9);
        int postalCount = (int) Math.min(6, 1 + unit.population() / 40_000);
        int postal = Integer.parseInt(rand.pick(postalPrefixes)) * 1000 + rand.between(0, 900);
        List<String> postalCodes = new ArrayList<>();
        for (int i = 0; i < postalCount; i++) {
            postalCodes.add(String.format(Locale.ROOT, "%05d", postal));
            postal += rand.between(2, 9);
        }
        int districtCount = (int) Math.min(9, 3 + unit.population() / 20_000);
        List<String> districts = rand.sample(GENERIC_DISTRICTS, districtCount);
        return new City(unit, areaCode, postalCodes, districts, kreis);
    }

    static String shortName(String kreisName) {
        String shortName = SHORT_NAMES.get(kreisName);
        if (shortName != null) {
            return shortName;
        }
        return kreisName.startsWith("Kreis ") ? kreisName.substring("Kreis ".length()) : kreisName;
    }

    private static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = NrwGeography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                entries.add(new Entry(fields[0], fields[1], fields[2].isEmpty() ? null : Long.valueOf(fields[2]),
                        fields[3].isEmpty() ? null : Integer.valueOf(fields[3]), fields[4].isEmpty() ? null : Integer.valueOf(fields[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return entries;
    }
}
