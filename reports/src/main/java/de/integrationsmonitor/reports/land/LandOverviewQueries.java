package de.integrationsmonitor.reports.land;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.AttainmentStatus;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.text.Collator;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Reads what the Landesübersicht shows from the gold tables: one query per table, for all areas at once. */
public final class LandOverviewQueries {
    /** How many areas of similar population an area is compared with. */
    public static final int PEERS = 4;
    private static final List<TableDef> TABLES = List.of(TableCatalog.GOLD_KPI_MONTHLY, TableCatalog.GOLD_COVERAGE_GAPS,
            TableCatalog.GOLD_ORG_UNITS, TableCatalog.GOLD_MODEL_PROJECTS, TableCatalog.GOLD_INDICATOR_TREND);

    private final Warehouse warehouse;

    public LandOverviewQueries(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    /** A unit of gold.dim_org_units. */
    private record Unit(String id, String name, String level, String kreisId, String regierungsbezirkId, Long population) {}

    /**
     * @param areaIds the areas of the run; empty: every Kreis and kreisfreie Stadt in gold.dim_org_units
     * @param languageLabels German label per language code (conf/vocabularies.csv)
     */
    public LandOverviewData load(YearMonth month, List<String> areaIds, Map<String, String> languageLabels, String runId,
                                 Instant generatedAt) {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_ORG_UNITS)
                .select("org_unit_id", "name", "level", "kreis_id", "regierungsbezirk_id", "population").collectAsList()) {
            units.put(row.getString(0), new Unit(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.isNullAt(5) ? null : row.getLong(5)));
        }
        List<Unit> areas = (areaIds.isEmpty()
                ? units.values().stream().filter(unit -> OrgLevel.KREIS.is(unit.level())).toList()
                : areaIds.stream().map(units::get).filter(java.util.Objects::nonNull).toList());
        Map<String, Row> now = kpis(month);
        Map<String, Row> before = kpis(month.minusMonths(1));
        // per area: gap rows and their summed shortfall; an area with coverage rows but no gap has an entry of zeros
        Map<String, Long> gapCounts = new HashMap<>();
        Map<String, Double> shortfalls = new HashMap<>();
        Map<String, Map<String, Double>> languageShortfall = new HashMap<>();
        for (Row row : warehouse.scan(TableCatalog.GOLD_COVERAGE_GAPS).filter(col("month").equalTo(month.toString()))
                .select("org_unit_id", "dimension", "value", "shortfall", "is_gap").collectAsList()) {
            Unit gemeinde = units.get(row.getString(0));
            if (gemeinde == null || gemeinde.kreisId() == null) {
                continue;
            }
            boolean gap = row.getBoolean(4);
            gapCounts.merge(gemeinde.kreisId(), gap ? 1L : 0L, Long::sum);
            shortfalls.merge(gemeinde.kreisId(), gap ? row.getDouble(3) : 0.0, Double::sum);
            if (gap && TargetGroup.LANGUAGE.code().equals(row.getString(1))) {
                languageShortfall.computeIfAbsent(gemeinde.kreisId(), k -> new HashMap<>()).merge(row.getString(2), row.getDouble(3), Double::sum);
            }
        }
        List<LandOverviewData.AreaLine> lines = new ArrayList<>();
        for (Unit area : areas) {
            Row current = now.get(area.id());
            Row previous = before.get(area.id());
            lines.add(new LandOverviewData.AreaLine(area.id(), area.name(),
                    area.regierungsbezirkId() == null || units.get(area.regierungsbezirkId()) == null ? null
                            : units.get(area.regierungsbezirkId()).name(),
                    area.population(), delivered(current, "offers_active"), delivered(previous, "offers_active"),
                    delivered(current, "events"), delivered(current, "events") == null ? null : current.<Long>getAs("participants"),
                    delivered(previous, "events") == null ? null : previous.<Long>getAs("participants"),
                    delivered(current, "workshops"), gapCounts.get(area.id()), shortfalls.get(area.id()),
                    topLanguages(languageShortfall.getOrDefault(area.id(), Map.of()), languageLabels), List.of(), null));
        }
        lines = withPeers(lines);
        Collator collator = Collator.getInstance(Locale.GERMAN);
        lines.sort(Comparator.comparing(LandOverviewData.AreaLine::name, collator));
        return new LandOverviewData(month, lines, projects(units, areas), warehouse.currentVersions(TABLES), runId, generatedAt);
    }

    /** The Kreis-level rows of gold.kpi_monthly in {@code month}, by org unit. */
    private Map<String, Row> kpis(YearMonth month) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_KPI_MONTHLY).filter(col("month").equalTo(month.toString())).collectAsList()) {
            rows.put(row.getAs("org_unit_id"), row);
        }
        return rows;
    }

    /** The value, or null where it is 0 or missing: nothing of the kind delivered for the area and month. */
    private static Long delivered(Row kpi, String column) {
        if (kpi == null) {
            return null;
        }
        Long value = kpi.getAs(column);
        return value == null || value == 0 ? null : value;
    }

    /** The three languages with the largest summed shortfall, as capitalised German labels ("Türkisch"). */
    static List<String> topLanguages(Map<String, Double> shortfallByLanguage, Map<String, String> labels) {
        return shortfallByLanguage.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> labels.getOrDefault(e.getKey(), e.getKey()))
                .map(label -> label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.GERMAN) + label.substring(1)).toList();
    }

    /**
     * Each area with the {@link #PEERS} other areas closest to it in population (on a log scale: 100,000 and 200,000
     * residents are as far apart as 300,000 and 600,000) among those with offers, and their median of offers per
     * 10,000 residents.
     */
    static List<LandOverviewData.AreaLine> withPeers(List<LandOverviewData.AreaLine> lines) {
        List<LandOverviewData.AreaLine> candidates = lines.stream().filter(line -> line.offersPer10k() != null).toList();
        List<LandOverviewData.AreaLine> result = new ArrayList<>();
        for (LandOverviewData.AreaLine line : lines) {
            if (line.population() == null || line.population() <= 0) {
                result.add(line);
                continue;
            }
            double size = Math.log(line.population());
            List<LandOverviewData.AreaLine> peers = candidates.stream().filter(other -> !other.id().equals(line.id()))
                    .sorted(Comparator.comparingDouble((LandOverviewData.AreaLine other) -> Math.abs(Math.log(other.population()) - size))
                            .thenComparing(LandOverviewData.AreaLine::id))
                    .limit(PEERS).toList();
            double[] densities = peers.stream().mapToDouble(LandOverviewData.AreaLine::offersPer10k).sorted().toArray();
            Double median = densities.length == 0 ? null : densities.length % 2 == 1 ? densities[densities.length / 2]
                    : (densities[densities.length / 2 - 1] + densities[densities.length / 2]) / 2;
            result.add(new LandOverviewData.AreaLine(line.id(), line.name(), line.regierungsbezirk(), line.population(), line.offersActive(),
                    line.offersPrevious(), line.events(), line.participants(), line.participantsPrevious(), line.workshops(), line.gaps(),
                    line.shortfall(), line.topLanguages(), peers.stream().map(LandOverviewData.AreaLine::name).toList(), median));
        }
        return result;
    }

    /** Model projects of the run's areas, by area and municipality, with the count of each latest indicator status. */
    private List<LandOverviewData.ProjectLine> projects(Map<String, Unit> units, List<Unit> areas) {
        if (!warehouse.exists(TableCatalog.GOLD_INDICATOR_TREND)) {
            return List.of();
        }
        java.util.Set<String> areaIds = new java.util.HashSet<>();
        areas.forEach(area -> areaIds.add(area.id()));
        Map<String, Map<String, Long>> statuses = new HashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_INDICATOR_TREND)
                .selectExpr("project_id", "coalesce(latest_status, 'keine Daten')").collectAsList()) {
            statuses.computeIfAbsent(row.getString(0), id -> new LinkedHashMap<>()).merge(row.getString(1), 1L, Long::sum);
        }
        List<LandOverviewData.ProjectLine> lines = new ArrayList<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_MODEL_PROJECTS).select("project_id", "org_unit_id", "title").collectAsList()) {
            Unit unit = units.get(row.getString(1));
            String areaId = unit == null ? null : OrgLevel.KREIS.is(unit.level()) ? unit.id() : unit.kreisId();
            if (areaId == null || !areaIds.contains(areaId)) {
                continue;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Long> found = statuses.getOrDefault(row.getString(0), Map.of());
            AttainmentStatus.labels().stream().filter(found::containsKey).forEach(status -> counts.put(status, found.get(status)));
            lines.add(new LandOverviewData.ProjectLine(unit.name(), units.get(areaId).name(), row.getString(0), row.getString(2), counts));
        }
        Collator collator = Collator.getInstance(Locale.GERMAN);
        lines.sort(Comparator.comparing(LandOverviewData.ProjectLine::area, collator)
                .thenComparing(LandOverviewData.ProjectLine::municipality, collator).thenComparing(LandOverviewData.ProjectLine::projectId));
        return lines;
    }
}
