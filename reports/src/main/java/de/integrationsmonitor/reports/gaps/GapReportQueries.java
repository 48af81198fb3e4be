package de.integrationsmonitor.reports.gaps;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.maps.MapGeometry;
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

/**
 * Reads what the Versorgungslücken report shows for each Kreis of one month from the gold marts. The month's rows of
 * the four marts are read once from Delta (their month partition), on the first {@link #load}, and split by Gemeinde
 * on the driver: every area's report then costs what its own rows cost, not a filter over every month of every area
 * (at scale M, 13,000 of 792,000 gap rows are the month's). Safe for loads side by side.
 */
public final class GapReportQueries {
    private static final List<TableDef> TABLES = List.of(TableCatalog.GOLD_COVERAGE_GAPS,
            TableCatalog.GOLD_COVERAGE_GAPS_DISTRICTS, TableCatalog.GOLD_SUPPLY_MATRIX, TableCatalog.GOLD_OFFER_ACCESS);

    private final Warehouse warehouse;
    private final YearMonth month;
    private MonthRows rows;
    private Map<String, String> shapeTexts;

    /** The month's rows by Gemeinde id: coverage_gaps and supply_matrix by org_unit_id, the districts by gemeinde_id. */
    private record MonthRows(Map<String, List<Row>> gaps, Map<String, List<Row>> districts, Map<String, List<Row>> supply,
                             Map<String, List<Row>> access, Map<String, List<Row>> offersByValue) {}

    public GapReportQueries(Warehouse warehouse, YearMonth month) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.month = requireNonNull(month, "month is null");
    }

    private synchronized MonthRows rows() {
        if (rows == null) {
            Map<String, List<Row>> gaps = byUnit(TableCatalog.GOLD_COVERAGE_GAPS, "org_unit_id");
            // the Gemeinden with offers per (dimension, value), for the nearest offers of an access row
            Map<String, List<Row>> offersByValue = new HashMap<>();
            gaps.values().forEach(unitRows -> unitRows.stream().filter(r -> r.<Long>getAs("offers_active") > 0)
                    .forEach(r -> offersByValue.computeIfAbsent(r.<String>getAs("dimension") + "|" + r.<String>getAs("value"),
                            key -> new ArrayList<>()).add(r)));
            rows = new MonthRows(gaps, byUnit(TableCatalog.GOLD_COVERAGE_GAPS_DISTRICTS, "gemeinde_id"),
                    byUnit(TableCatalog.GOLD_SUPPLY_MATRIX, "org_unit_id"),
                    warehouse.exists(TableCatalog.GOLD_OFFER_ACCESS) ? byUnit(TableCatalog.GOLD_OFFER_ACCESS, "org_unit_id") : Map.of(),
                    offersByValue);
        }
        return rows;
    }

    private Map<String, List<Row>> byUnit(TableDef table, String column) {
        Map<String, List<Row>> byUnit = new HashMap<>();
        for (Row row : warehouse.scan(table).filter(col("month").equalTo(month.toString())).collectAsList()) {
            byUnit.computeIfAbsent(row.getAs(column), unit -> new ArrayList<>()).add(row);
        }
        return byUnit;
    }

    private static List<Row> of(Map<String, List<Row>> byUnit, List<Unit> units) {
        List<Row> rows = new ArrayList<>();
        units.forEach(unit -> rows.addAll(byUnit.getOrDefault(unit.id(), List.of())));
        return rows;
    }

    /** The area's report data; empty when gold.coverage_gaps has no row for its Gemeinden in the month (no demand, no offer). */
    public java.util.Optional<GapReportData> load(String kreisId, Vocabularies vocabularies, GapThresholds thresholds, String runId,
                                                  Instant generatedAt) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> levels = new HashMap<>();
        Map<String, double[]> centres = new HashMap<>();
        List<MapGeometry.Centre> areaCentres = new ArrayList<>();
        List<Unit> gemeinden = new ArrayList<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_ORG_UNITS).select("org_unit_id", "name", "level", "kreis_id", "lat", "lon")
                .collectAsList()) {
            names.put(row.getString(0), row.getString(1));
            levels.put(row.getString(0), row.getString(2));
            boolean located = !row.isNullAt(4) && !row.isNullAt(5);
            if (OrgLevel.GEMEINDE.is(row.getString(2)) && located) {
                centres.put(row.getString(0), new double[] {row.getDouble(4), row.getDouble(5)});
            }
            // every unit of the area, with its centre or NaN: a unit without one is still drawn where its shape is delivered
            if (kreisId.equals(row.getString(3)) && (OrgLevel.GEMEINDE.is(row.getString(2)) || OrgLevel.STADTTEIL.is(row.getString(2)))) {
                areaCentres.add(new MapGeometry.Centre(row.getString(0), row.getString(1), located ? row.getDouble(4) : Double.NaN,
                        located ? row.getDouble(5) : Double.NaN));
            }
            if (OrgLevel.GEMEINDE.is(row.getString(2)) && kreisId.equals(row.getString(3))) {
                gemeinden.add(new Unit(row.getString(0), row.getString(1)));
            }
        }
        if (!OrgLevel.KREIS.is(levels.get(kreisId))) {
            throw new UserException(ErrorCategory.CONFIG, "Berichtsgebiet " + kreisId + " ist in reference/org_units.csv kein Kreis "
                    + "und keine kreisfreie Stadt.");
        }
        Collator collator = Collator.getInstance(Locale.GERMAN);
        gemeinden.sort(Comparator.comparing(Unit::name, collator));

        Map<String, Long> versions = warehouse.currentVersions(TABLES);
        MonthRows month = rows();
        List<Row> gapRows = of(month.gaps(), gemeinden);
        if (gapRows.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<GapRow> gemeindeRows = new ArrayList<>();
        for (Row row : gapRows) {
            String id = row.getAs("org_unit_id");
            gemeindeRows.add(gapRow(row, id, names.get(id), id, names.get(id)));
        }
        List<GapRow> districtRows = new ArrayList<>();
        for (Row row : of(month.districts(), gemeinden)) {
            String id = row.getAs("org_unit_id");
            String gemeinde = row.getAs("gemeinde_id");
            districtRows.add(gapRow(row, id, names.get(id), gemeinde, names.get(gemeinde)));
        }
        List<SupplyRow> supply = new ArrayList<>();
        for (Row row : of(month.supply(), gemeinden)) {
            String id = row.getAs("org_unit_id");
            supply.add(new SupplyRow(id, names.get(id), row.getAs("category"), row.<Long>getAs("offers_active"),
                    row.getAs("population"), row.getAs("offers_per_10k"), row.getAs("reference_area_id"), row.getAs("area_median_per_10k")));
        }
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (String dimension : List.of(TargetGroup.LANGUAGE.code(), TargetGroup.AGE_GROUP.code(), TargetGroup.GENDER.code(), TargetGroup.MIGRATION.code(),
                Vocabularies.CATEGORY)) {
            labels.put(dimension, vocabularies.displayLabels(dimension));
        }
        Row rejected = warehouse.read(TableCatalog.GOLD_QUARANTINE_SUMMARY)
                .filter(col("source_file").startsWith("offers/").or(col("source_file").startsWith("reference/")))
                .agg(org.apache.spark.sql.functions.sum("quarantined_rows")).first();
        Row asOf = warehouse.read(TableCatalog.GOLD_DATA_AS_OF).filter(col("month").equalTo(this.month.toString()))
                .agg(org.apache.spark.sql.functions.max("offers_snapshot_date")).first();
        List<AccessRow> access = new ArrayList<>();
        for (Row row : of(month.access(), gemeinden)) {
            String id = row.getAs("org_unit_id");
            access.add(new AccessRow(id, names.get(id), row.getAs("dimension"), row.getAs("value"), row.<Double>getAs("access_per_10k"),
                    row.getAs("region_access_per_10k"), row.getAs("access_ratio"), row.<Boolean>getAs("is_access_gap"),
                    nearest(id, row.getAs("dimension"), row.getAs("value"), centres, names, month.offersByValue(),
                            thresholds.catchmentKm())));
        }
        java.util.Set<String> located = new java.util.HashSet<>();
        gemeinden.stream().map(Unit::id).filter(centres::containsKey).forEach(located::add);
        return java.util.Optional.of(new GapReportData(this.month, new Unit(kreisId, names.get(kreisId)), gemeinden, gemeindeRows, districtRows, supply, labels,
                thresholds.minDemand(), thresholds.coverageIndexLimit(),
                asOf.isNullAt(0) ? null : asOf.getDate(0).toLocalDate(), versions, rejected.isNullAt(0) ? 0 : rejected.getLong(0),
                runId, generatedAt, access, located, thresholds.catchmentKm(), areaCentres, shapes(gemeinden)));
    }

    /** Every delivered shape (WKT) by unit id, read once for all areas; empty without boundaries. */
    private synchronized Map<String, String> shapeTexts() {
        if (shapeTexts == null) {
            Map<String, String> texts = new HashMap<>();
            if (warehouse.exists(TableCatalog.GOLD_ORG_UNIT_SHAPES)) {
                warehouse.read(TableCatalog.GOLD_ORG_UNIT_SHAPES).collectAsList().forEach(row -> texts.put(row.getString(0), row.getString(1)));
            }
            shapeTexts = Map.copyOf(texts);
        }
        return shapeTexts;
    }

    /** The delivered shapes of the Kreis's Gemeinden and their Stadtteile, by id. */
    private Map<String, org.locationtech.jts.geom.Geometry> shapes(List<Unit> gemeinden) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        gemeinden.forEach(g -> ids.add(g.id()));
        org.locationtech.jts.io.WKTReader reader = new org.locationtech.jts.io.WKTReader();
        Map<String, org.locationtech.jts.geom.Geometry> shapes = new HashMap<>();
        for (Map.Entry<String, String> shape : shapeTexts().entrySet()) {
            String id = shape.getKey();
            // a Stadtteil id is its Gemeinde's id, '-' and a slug
            if (ids.contains(id.contains("-") ? id.substring(0, id.indexOf('-')) : id)) {
                try {
                    shapes.put(id, reader.read(shape.getValue()));
                } catch (org.locationtech.jts.io.ParseException e) {
                    throw new IllegalStateException("gold.dim_org_unit_shapes holds no WKT for " + id, e);
                }
            }
        }
        return shapes;
    }

    /** The other Gemeinden within the catchment (any Kreis) with active offers for the value, nearest first. */
    private List<AccessRow.Neighbour> nearest(String id, String dimension, String value, Map<String, double[]> centres,
                                              Map<String, String> names, Map<String, List<Row>> offersByValue,
                                              double catchmentKm) {
        double[] from = centres.get(id);
        if (from == null) {
            return List.of();
        }
        List<AccessRow.Neighbour> found = new ArrayList<>();
        for (Row row : offersByValue.getOrDefault(dimension + "|" + value, List.of())) {
            String other = row.getAs("org_unit_id");
            double[] to = centres.get(other);
            if (other.equals(id) || to == null) {
                continue;
            }
            double km = de.integrationsmonitor.pipelines.contract.Catchment.distanceKm(from[0], from[1], to[0], to[1]);
            if (km < catchmentKm) {
                found.add(new AccessRow.Neighbour(names.getOrDefault(other, other), km, row.<Long>getAs("offers_active")));
            }
        }
        found.sort(Comparator.comparingDouble(AccessRow.Neighbour::km));
        return List.copyOf(found.subList(0, Math.min(AccessRow.NEAREST, found.size())));
    }

    private static GapRow gapRow(Row row, String id, String name, String gemeindeId, String gemeindeName) {
        return new GapRow(id, name == null ? id : name, gemeindeId, gemeindeName == null ? gemeindeId : gemeindeName,
                row.getAs("dimension"), row.getAs("value"), row.<Long>getAs("demand_persons"), row.<Long>getAs("offers_active"),
                row.<Double>getAs("expected_offers"), row.getAs("coverage_index"), row.<Double>getAs("shortfall"),
                row.<Boolean>getAs("is_gap"));
    }
}
