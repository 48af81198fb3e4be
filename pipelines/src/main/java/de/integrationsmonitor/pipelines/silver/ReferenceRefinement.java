package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.silver.Sql.count;
import static de.integrationsmonitor.pipelines.silver.Sql.mapLiteral;
import static de.integrationsmonitor.pipelines.silver.Sql.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.silver.SilverRefinement.Refined;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reference data (reference/org_units.csv, reference/demand.csv): org units with their Kreis and Regierungsbezirk,
 * demand per target-group value. Pure functions of bronze frames; {@link SilverJob} reads and writes.
 */
final class ReferenceRefinement {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReferenceRefinement.class);
    private final SparkSession spark;
    private final Vocabularies vocabularies;

    ReferenceRefinement(SparkSession spark, Vocabularies vocabularies) {
        this.spark = spark;
        this.vocabularies = vocabularies;
    }


    Refined orgUnits(Dataset<Row> bronze) {
        Validation.Result result = Validation.validate(bronze, List.of(
                Check.missing("org_unit_id", "org_unit_id"),
                Check.missing("name", "name"),
                Check.missing("level", "level"),
                Check.badCount("population", "population"),
                Check.badCount("population_foreign", "population_foreign"),
                Check.badCount("newcomers_12m", "newcomers_12m"),
                Check.negative("population", "population"),
                Check.negative("population_foreign", "population_foreign"),
                Check.negative("newcomers_12m", "newcomers_12m"),
                new Check(Reason.UNKNOWN_LABEL, "level", "NOT array_contains(array("
                        + String.join(", ", OrgLevel.codes().stream().map(Sql::quote).toList()) + "), lower(" + text("level") + "))", "level")),
                Validation.Key.of("org_unit_id", text("org_unit_id"), text("org_unit_id")));
        List<Row> accepted = result.accepted().selectExpr(text("org_unit_id"), text("name"), "lower(" + text("level") + ")",
                text("parent_id"), count("population"), count("population_foreign"), count("newcomers_12m"),
                "_source_file", "_source_line", "_run_id", text("lat"), text("lon")).collectAsList();
        Map<String, Row> byId = new LinkedHashMap<>();
        accepted.forEach(row -> byId.put(row.getString(0), row));
        List<Row> rows = new ArrayList<>();
        List<Row> rejected = new ArrayList<>();
        for (Row row : accepted) {
            String parent = row.getString(3);
            boolean isLand = OrgLevel.LAND.is(row.getString(2));
            if (!isLand && (parent == null || !byId.containsKey(parent))) {
                rejected.add(RowFactory.create(row.getString(7), row.getInt(8), Reason.UNKNOWN_ORG_UNIT, "parent_id", parent,
                        row.getString(9)));
                continue;
            }
            Centre centre = Centre.parse(row.getString(10), row.getString(11));
            rows.add(RowFactory.create(row.getString(0), row.getString(1), row.getString(2), parent,
                    row.get(4), row.get(5), row.get(6),
                    ancestor(byId, row, OrgLevel.KREIS), ancestor(byId, row, OrgLevel.REGIERUNGSBEZIRK),
                    centre.lat(), centre.lon(), centre.issue(), row.getString(7), row.getInt(8)));
        }
        Dataset<Row> silver = spark.createDataFrame(rows, TableCatalog.SILVER_ORG_UNITS.schema());
        Dataset<Row> orphans = spark.createDataFrame(rejected, result.rejected().schema());
        return new Refined(Map.of(TableCatalog.SILVER_ORG_UNITS, silver), result.rejected().unionByName(orphans));
    }

    /**
     * A unit's centre from the optional {@code lat;lon} columns (WGS84 degrees, decimal point or comma, bounds
     * inclusive): both or neither. A value that is not a number or out of bounds, or one coordinate without the other,
     * leaves the unit without a centre and is described in {@code issue} (a data-quality finding, not a rejection).
     */
    record Centre(Double lat, Double lon, String issue) {
        static Centre parse(String lat, String lon) {
            if (lat == null && lon == null) {
                return new Centre(null, null, null);
            }
            if (lat == null || lon == null) {
                return new Centre(null, null, (lat == null ? "lat" : "lon") + " fehlt (lat=" + show(lat) + ", lon=" + show(lon) + ")");
            }
            Double latitude = degrees(lat, 90);
            Double longitude = degrees(lon, 180);
            if (latitude == null || longitude == null) {
                String bad = latitude == null ? "lat '" + lat + "'" : "lon '" + lon + "'";
                return new Centre(null, null, bad + " ist keine Zahl zwischen " + (latitude == null ? "-90 und 90" : "-180 und 180"));
            }
            return new Centre(latitude, longitude, null);
        }

        private static Double degrees(String text, double bound) {
            try {
                double value = Double.parseDouble(text.replace(',', '.'));
                return Double.isFinite(value) && Math.abs(value) <= bound ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String show(String value) {
            return value == null ? "leer" : value;
        }
    }

    private static String ancestor(Map<String, Row> byId, Row row, OrgLevel level) {
        Row current = row;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (level.is(current.getString(2))) {
                return current.getString(0);
            }
            current = current.getString(3) == null ? null : byId.get(current.getString(3));
        }
        return null;
    }

    /**
     * Unit shapes ({@code reference/boundaries.geojson}): a feature is kept as a WKT polygon when it names a known unit
     * and has a polygon or multipolygon (an invalid one, e.g. self-intersecting, is repaired with JTS's
     * {@code GeometryFixer}); otherwise it is quarantined: no id ({@code missing_value}), an unknown unit
     * ({@code unknown_org_unit}, logged by id), no usable polygon ({@code bad_geometry}), a unit given twice
     * ({@code duplicate_key}, the first is kept). Parsed on the driver: one row per unit.
     */
    Refined boundaries(Dataset<Row> bronze, OrgUnits orgUnits) {
        java.util.Set<String> known = new java.util.HashSet<>();
        orgUnits.all().forEach(unit -> known.add(unit.id()));
        org.locationtech.jts.io.geojson.GeoJsonReader reader = new org.locationtech.jts.io.geojson.GeoJsonReader();
        org.locationtech.jts.io.WKTWriter writer = new org.locationtech.jts.io.WKTWriter();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Row> rows = new ArrayList<>();
        List<Row> rejected = new ArrayList<>();
        for (Row row : Frames.collectSorted(bronze.selectExpr(text("org_unit_id"), "geometry", "_source_file", "_source_line",
                "_run_id"), "_source_file", "_source_line")) {
            String id = row.getString(0);
            String file = row.getString(2);
            int line = row.getInt(3);
            String runId = row.getString(4);
            if (id == null) {
                rejected.add(RowFactory.create(file, line, Reason.MISSING_VALUE, "org_unit_id", null, runId));
                continue;
            }
            if (!known.contains(id)) {
                LOG.warn("{} line {}: feature for unknown unit {} ignored", file, line, id);
                rejected.add(RowFactory.create(file, line, Reason.UNKNOWN_ORG_UNIT, "org_unit_id", id, runId));
                continue;
            }
            org.locationtech.jts.geom.Geometry geometry = polygonal(reader, row.getString(1));
            if (geometry == null) {
                String shown = row.getString(1) == null ? null : row.getString(1).substring(0, Math.min(80, row.getString(1).length()));
                rejected.add(RowFactory.create(file, line, Reason.BAD_GEOMETRY, "geometry", shown, runId));
                continue;
            }
            if (!seen.add(id)) {
                rejected.add(RowFactory.create(file, line, Reason.DUPLICATE_KEY, "org_unit_id", id, runId));
                continue;
            }
            rows.add(RowFactory.create(id, writer.write(geometry), file, line));
        }
        Dataset<Row> silver = spark.createDataFrame(rows, TableCatalog.SILVER_BOUNDARIES.schema());
        Dataset<Row> quarantined = spark.createDataFrame(rejected, TableCatalog.SILVER_QUARANTINE.schema());
        return new Refined(Map.of(TableCatalog.SILVER_BOUNDARIES, silver), quarantined);
    }

    /** A non-empty polygon or multipolygon from GeoJSON geometry text, repaired where invalid; null when there is none. */
    private static org.locationtech.jts.geom.Geometry polygonal(org.locationtech.jts.io.geojson.GeoJsonReader reader, String json) {
        if (json == null) {
            return null;
        }
        try {
            org.locationtech.jts.geom.Geometry geometry = reader.read(json);
            if (!(geometry instanceof org.locationtech.jts.geom.Polygonal) || geometry.isEmpty()) {
                return null;
            }
            org.locationtech.jts.geom.Geometry fixed = geometry.isValid() ? geometry
                    : org.locationtech.jts.geom.util.GeometryFixer.fix(geometry);
            return fixed instanceof org.locationtech.jts.geom.Polygonal && !fixed.isEmpty() ? fixed : null;
        } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
            return null;
        }
    }

    Refined demand(Dataset<Row> bronze, OrgUnits orgUnits) {
        String dimensions = "array(" + String.join(", ", TargetGroup.codes().stream().map(Sql::quote).toList()) + ")";
        StringBuilder code = new StringBuilder("CASE lower(" + text("dimension") + ")");
        for (TargetGroup dimension : TargetGroup.values()) {
            Map<String, String> labels = new LinkedHashMap<>(vocabularies.labels(dimension));
            labels.values().removeIf(Vocabularies.OPEN_TO_ALL::equals);
            code.append(" WHEN ").append(Sql.quote(dimension.code())).append(" THEN try_element_at(").append(mapLiteral(labels))
                    .append(", lower(").append(text("value")).append("))");
        }
        code.append(" END");
        String ids = idSet(orgUnits);
        Dataset<Row> withCode = bronze.withColumn("_code", expr(code.toString()));
        Validation.Result result = Validation.validate(withCode, List.of(
                Check.missing("org_unit_id", "org_unit_id"),
                Check.missing("dimension", "dimension"),
                Check.missing("value", "value"),
                Check.missing("persons", "persons"),
                Check.badCount("persons", "persons"),
                Check.negative("persons", "persons"),
                new Check(Reason.UNKNOWN_LABEL, "dimension", "NOT array_contains(" + dimensions + ", lower(" + text("dimension") + "))", Sql.col("dimension")),
                new Check(Reason.UNKNOWN_LABEL, "value", "_code IS NULL", Sql.col("value")),
                new Check(Reason.UNKNOWN_ORG_UNIT, "org_unit_id", "NOT array_contains(" + ids + ", " + text("org_unit_id") + ")", Sql.col("org_unit_id"))),
                Validation.Key.of("org_unit_id, dimension, value", "concat_ws(' | ', " + text("org_unit_id") + ", lower("
                        + text("dimension") + "), _code)", text("org_unit_id"), "lower(" + text("dimension") + ")", "_code"));
        Dataset<Row> silver = result.accepted().selectExpr(text("org_unit_id") + " AS org_unit_id",
                "lower(" + text("dimension") + ") AS dimension", "_code AS value", count("persons") + " AS persons",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_DEMAND, silver), result.rejected());
    }

    static String idSet(OrgUnits orgUnits) {
        List<String> ids = orgUnits.all().stream().map(u -> Sql.quote(u.id())).toList();
        return ids.isEmpty() ? "array(cast(null as string))" : "array(" + String.join(", ", ids) + ")";
    }
}
