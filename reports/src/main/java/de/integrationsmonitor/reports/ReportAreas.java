package de.integrationsmonitor.reports;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.bronze.CsvFileReader;
import de.integrationsmonitor.pipelines.bronze.DeliveredFile;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.render.FileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * The report areas of a run: the Kreise and kreisfreie Städte (level {@code kreis} in reference/org_units.csv), one
 * per Kommunales Integrationszentrum. Each area's reports go into its own folder ({@code out/kreis-recklinghausen/}),
 * the unit a KI receives. Without a selection ({@code --area}, {@code report.areas}) a run reports on every area with
 * data in the report month: an active offer, an event or a workshop. An area without any of them most likely did not
 * deliver; "keine Lieferung" is not a report of zeros.
 */
public final class ReportAreas {
    /** Folder of the reports for the whole Land (next to the areas' folders). */
    public static final String LAND_FOLDER = "land";
    /** Folder of the Modellprojekt-Evaluation: a programme's projects lie in several areas; its readers are the evaluators. */
    public static final String PROGRAMS_FOLDER = "modellprojekte";

    /** A Kreis or kreisfreie Stadt with its folder name. */
    public record Area(String id, String name) {
        public Area {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }

        /** The folder name, e.g. "kreis-recklinghausen". */
        public String slug() {
            return FileNames.slug(name);
        }

        /** The area's report folder below {@code out}. */
        public Path folder(Path out) {
            return out.resolve(slug());
        }

        @Override
        public String toString() {
            return id + " " + name;
        }
    }

    /**
     * The areas of the run: those requested (all of them exist; an id that is no Kreis stops the run), or every area
     * with data in the month; {@code withoutData} lists the requested ones without data, which get no reports.
     */
    public record Selection(List<Area> areas, List<Area> withoutData) {
        public Selection {
            areas = List.copyOf(areas);
            withoutData = List.copyOf(withoutData);
        }
    }

    private ReportAreas() {}

    /**
     * Refuses, before anything is read into the warehouse, a requested id that the delivery's reference/org_units.csv
     * does not list as a Kreis or kreisfreie Stadt, with the list of valid ones. Nothing is checked when the file is
     * missing or cannot be read: the run then checks against the org units in the warehouse ({@link #select}).
     *
     * @param origin how the ids were given, for the message ("--area" or "report.areas")
     */
    public static void checkRequested(List<String> requested, Path input, Path confDir, String origin) {
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
        refuseUnknown(requested, names, levels, origin, "reference/org_units.csv der Lieferung");
    }

    /** The areas to write reports for in {@code month}, sorted by name (German collation). */
    public static Selection select(Warehouse warehouse, YearMonth month, List<String> requested, String origin) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_ORG_UNITS).select("org_unit_id", "name", "level").collectAsList()) {
            names.put(row.getString(0), row.getString(1));
            levels.put(row.getString(0), row.getString(2));
        }
        refuseUnknown(requested, names, levels, origin, "gold.dim_org_units");
        Set<String> withData = new HashSet<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_KPI_MONTHLY)
                .filter(col("month").equalTo(month.toString())
                        .and(col("offers_active").gt(0).or(col("events").gt(0)).or(col("workshops").gt(0))))
                .select("org_unit_id").collectAsList()) {
            withData.add(row.getString(0));
        }
        List<Area> areas = new ArrayList<>();
        List<Area> withoutData = new ArrayList<>();
        List<String> candidates = requested.isEmpty()
                ? levels.entrySet().stream().filter(e -> OrgLevel.KREIS.is(e.getValue())).map(Map.Entry::getKey).toList()
                : requested;
        for (String id : candidates) {
            Area area = new Area(id, names.get(id));
            if (withData.contains(id)) {
                areas.add(area);
            } else if (!requested.isEmpty()) {
                withoutData.add(area);
            }
        }
        Comparator<Area> byName = Comparator.comparing(Area::name, Collator.getInstance(Locale.GERMAN));
        areas.sort(byName);
        withoutData.sort(byName);
        return new Selection(areas, withoutData);
    }

    private static void refuseUnknown(List<String> requested, Map<String, String> names, Map<String, String> levels, String origin,
                                      String source) {
        List<String> problems = new ArrayList<>();
        for (String id : requested) {
            String level = levels.get(id);
            if (level == null) {
                problems.add(id + " ist nicht bekannt");
            } else if (!OrgLevel.KREIS.is(level)) {
                problems.add(id + " (" + names.get(id) + ") ist " + article(level) + ", kein Kreis und keine kreisfreie Stadt");
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        Collator collator = Collator.getInstance(Locale.GERMAN);
        String valid = levels.entrySet().stream().filter(e -> OrgLevel.KREIS.is(e.getValue()))
                .map(e -> e.getKey() + " " + names.get(e.getKey()))
                .sorted(Comparator.comparing(text -> text.substring(text.indexOf(' ') + 1), collator))
                .collect(Collectors.joining(", "));
        throw new UserException(ErrorCategory.USAGE, "Berichtsgebiet (" + origin + "): " + String.join("; ", problems)
                + " in " + source + ". " + (valid.isEmpty() ? "Dort ist kein Kreis und keine kreisfreie Stadt verzeichnet."
                : "Möglich sind: " + valid + "."));
    }

    private static String article(String level) {
        return switch (level) {
            case "land" -> "das Land";
            case "regierungsbezirk" -> "ein Regierungsbezirk";
            case "gemeinde" -> "eine Gemeinde";
            case "stadtteil" -> "ein Stadtteil";
            default -> "von der Ebene '" + level + "'";
        };
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
