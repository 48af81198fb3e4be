package de.integrationsmonitor.reports;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.AreaIds;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.render.FileNames;
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

    /** The areas to write reports for in {@code month}, sorted by name (German collation). */
    public static Selection select(Warehouse warehouse, YearMonth month, List<String> requested, String origin) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_ORG_UNITS).select("org_unit_id", "name", "level").collectAsList()) {
            names.put(row.getString(0), row.getString(1));
            levels.put(row.getString(0), row.getString(2));
        }
        AreaIds.refuseUnknown(requested, names, levels, origin, "gold.dim_org_units");
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
}
