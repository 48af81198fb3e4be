package de.integrationsmonitor.generator;

import java.util.Map;
import java.util.Optional;

/**
 * Centres of units for the optional lat;lon columns. Real ones (WGS84 degrees, to about 1 km: the town hall or historic
 * centre) of the Gemeinden and Stadtteile the sample uses: the ten Gemeinden of Kreis Recklinghausen with their Stadtteile, and the model municipalities, among
 * them Dortmund, which borders Castrop-Rauxel and Waltrop. For the other Gemeinden of NRW (scale M and the NRW part of
 * L) synthetic positions inside their Kreis ({@link #of}). Any other unit gets empty columns (no centre), as the contract
 * allows.
 */
final class Centres {
    /** A centre in WGS84 degrees. */
    record Centre(double lat, double lon) {}

    private static final Map<String, Centre> KNOWN = Map.ofEntries(
            // Kreis Recklinghausen
            Map.entry("05562004", new Centre(51.555, 7.311)), // Castrop-Rauxel
            Map.entry("05562004-habinghorst", new Centre(51.579, 7.285)),
            Map.entry("05562004-ickern", new Centre(51.594, 7.341)),
            Map.entry("05562008", new Centre(51.653, 7.342)), // Datteln
            Map.entry("05562012", new Centre(51.660, 6.965)), // Dorsten
            Map.entry("05562014", new Centre(51.572, 6.986)), // Gladbeck
            Map.entry("05562016", new Centre(51.743, 7.186)), // Haltern am See
            Map.entry("05562020", new Centre(51.595, 7.141)), // Herten
            Map.entry("05562024", new Centre(51.656, 7.090)), // Marl
            Map.entry("05562024-huels", new Centre(51.668, 7.117)),
            Map.entry("05562024-drewer", new Centre(51.644, 7.098)),
            Map.entry("05562028", new Centre(51.642, 7.251)), // Oer-Erkenschwick
            Map.entry("05562032", new Centre(51.614, 7.197)), // Recklinghausen
            Map.entry("05562032-altstadt", new Centre(51.614, 7.197)),
            Map.entry("05562032-hillerheide", new Centre(51.598, 7.213)),
            Map.entry("05562032-hochlarmark", new Centre(51.585, 7.180)),
            Map.entry("05562032-sued", new Centre(51.593, 7.195)),
            Map.entry("05562032-suderwich", new Centre(51.615, 7.258)),
            Map.entry("05562036", new Centre(51.623, 7.401)), // Waltrop
            // the model municipalities and the other Gemeinden of their Kreise
            Map.entry("05117000", new Centre(51.427, 6.883)), // Mülheim an der Ruhr
            Map.entry("05124000", new Centre(51.256, 7.151)), // Wuppertal
            Map.entry("05162004", new Centre(51.096, 6.840)), // Dormagen
            Map.entry("05170024", new Centre(51.451, 6.626)), // Moers
            Map.entry("05315000", new Centre(50.938, 6.957)), // Köln
            Map.entry("05378004", new Centre(50.992, 7.136)), // Bergisch Gladbach
            Map.entry("05378032", new Centre(51.139, 7.216)), // Wermelskirchen
            Map.entry("05515000", new Centre(51.962, 7.626)), // Münster
            Map.entry("05566076", new Centre(52.280, 7.440)), // Rheine
            Map.entry("05711000", new Centre(52.021, 8.532)), // Bielefeld
            Map.entry("05766020", new Centre(51.938, 8.879)), // Detmold
            Map.entry("05766044", new Centre(52.028, 8.901)), // Lemgo
            Map.entry("05913000", new Centre(51.514, 7.466)), // Dortmund
            Map.entry("05915000", new Centre(51.681, 7.817))); // Hamm

    /** A Kreis's approximate centre and, for a Landkreis, the radius (km) of a disc about its size (0: kreisfreie Stadt). */
    private record KreisArea(double lat, double lon, double radiusKm) {}

    private static final Map<String, KreisArea> NRW_KREISE = readKreise();
    private static final double KM_PER_DEGREE = Math.PI * 6371.0088 / 180.0;

    private Centres() {}

    /** The real centre of a unit, where this class knows it. */
    static Optional<Centre> known(String orgUnitId) {
        return Optional.ofNullable(KNOWN.get(orgUnitId));
    }

    /**
     * The centre the generator writes for a unit: the real one where known, else for a Gemeinde of NRW (AGS of 8 digits
     * starting with 05) a synthetic one: a kreisfreie Stadt's Gemeinde at the city's centre, any other at a position
     * derived from its AGS within 80 % of its Kreis's radius around the Kreis's approximate centre (nrw-kreis-centres.csv).
     * Other units get none.
     */
    static Optional<Centre> of(String orgUnitId) {
        Optional<Centre> known = known(orgUnitId);
        if (known.isPresent() || !orgUnitId.matches("05\\d{6}")) {
            return known;
        }
        KreisArea kreis = NRW_KREISE.get(orgUnitId.substring(0, 5));
        if (kreis == null) {
            return Optional.empty();
        }
        if (kreis.radiusKm() == 0) {
            return Optional.of(new Centre(kreis.lat(), kreis.lon()));
        }
        // a fixed position per AGS: angle and radius (uniform over the disc) from two halves of a hash
        long hash = orgUnitId.hashCode() * 0x9E3779B97F4A7C15L;
        double angle = ((hash >>> 32) & 0xFFFFFFFFL) / (double) 0x100000000L * 2 * Math.PI;
        double distance = Math.sqrt((hash & 0xFFFFFFFFL) / (double) 0x100000000L) * 0.8 * kreis.radiusKm();
        double lat = kreis.lat() + distance * Math.sin(angle) / KM_PER_DEGREE;
        double lon = kreis.lon() + distance * Math.cos(angle) / (KM_PER_DEGREE * Math.cos(Math.toRadians(kreis.lat())));
        return Optional.of(new Centre(lat, lon));
    }

    private static Map<String, KreisArea> readKreise() {
        Map<String, KreisArea> kreise = new java.util.HashMap<>();
        try (java.io.InputStream in = Centres.class.getResourceAsStream("nrw-kreis-centres.csv")) {
            if (in == null) {
                throw new IllegalStateException("resource nrw-kreis-centres.csv is missing");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                kreise.put(fields[0], new KreisArea(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                        fields[3].isBlank() ? 0 : Double.parseDouble(fields[3])));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.copyOf(kreise);
    }

    /** {@code 51.614}: degrees with a decimal point, three places (about 100 m). */
    static String format(double degrees) {
        return String.format(java.util.Locale.ROOT, "%.3f", degrees);
    }
}
