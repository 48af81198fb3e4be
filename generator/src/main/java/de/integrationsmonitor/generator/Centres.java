package de.integrationsmonitor.generator;

import java.util.Map;
import java.util.Optional;

/**
 * Real centres (WGS84 degrees, to about 1 km: the town hall or historic centre) of the Gemeinden and Stadtteile the
 * sample uses: the ten Gemeinden of Kreis Recklinghausen with their Stadtteile, and the model municipalities, among
 * them Dortmund, which borders Castrop-Rauxel and Waltrop. Written to the optional {@code lat;lon} columns of
 * reference/org_units.csv; a unit not listed here gets empty columns (no centre), as the contract allows.
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

    private Centres() {}

    /** The real centre of a unit, where this class knows it. */
    static Optional<Centre> known(String orgUnitId) {
        return Optional.ofNullable(KNOWN.get(orgUnitId));
    }

    /** {@code 51.614}: degrees with a decimal point, three places (about 100 m). */
    static String format(double degrees) {
        return String.format(java.util.Locale.ROOT, "%.3f", degrees);
    }
}
