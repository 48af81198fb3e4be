package de.integrationsmonitor.pipelines.run;

import de.integrationsmonitor.pipelines.bronze.CsvFileReader;
import de.integrationsmonitor.pipelines.bronze.DeliveredFile;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.AreaIds;
import de.integrationsmonitor.pipelines.contract.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report areas a run is asked for, checked against the delivery before anything is read into the warehouse. */
public final class RequestedAreas {
    private RequestedAreas() {}

    /**
     * Refuses, before anything is read into the warehouse, a requested id that the delivery's reference/org_units.csv
     * does not list as a Kreis or kreisfreie Stadt, with the list of valid ones. Nothing is checked when the file is
     * missing or cannot be read: the run then checks against the org units in the warehouse, after gold.
     *
     * @param origin how the ids were given, for the message and the exit code ("--area", or "report.areas in …")
     */
    public static void check(List<String> requested, Path input, Path confDir, String origin) {
        if (requested.isEmpty()) {
            return;
        }
        Path file = input.resolve("reference/org_units.csv");
        if (!Files.isRegularFile(file)) {
            return;
        }
        DeliveredFile delivered = CsvFileReader.read(file, "reference/org_units.csv", Source.ORG_UNITS, Aliases.load(confDir));
        if (!(delivered instanceof DeliveredFile.Accepted accepted)) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        for (DeliveredFile.RawRow row : accepted.rows()) {
            String id = strip(row.values().get(0));
            if (id != null) {
                names.put(id, strip(row.values().get(1)));
                String level = strip(row.values().get(2));
                levels.put(id, level == null ? "" : level.toLowerCase(Locale.ROOT));
            }
        }
        AreaIds.refuseUnknown(requested, names, levels, origin, "reference/org_units.csv der Lieferung");
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
