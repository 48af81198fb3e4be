package de.integrationsmonitor.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Writes reference/boundaries.geojson for the sample: schematic shapes of the ten Gemeinden of Kreis Recklinghausen and
 * of their Stadtteile, built with JTS from the real centres ({@link Centres}) — the Gemeinden as Voronoi cells clipped
 * to the widened hull of their centres, each Stadtteil as its Voronoi cell among its Gemeinde's Stadtteile within 2 km of
 * its centre and inside the Gemeinde. They are not the real borders (the README says so); they give the maps shapes to
 * draw and the ingestion a file in the VG250 format (property {@code AGS} for Gemeinden, {@code org_unit_id} for
 * Stadtteile, which have no AGS).
 */
final class BoundaryGenerator {
    static final String PATH = "reference/boundaries.geojson";

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double KM_PER_DEGREE = Math.PI * 6371.0088 / 180.0;

    private BoundaryGenerator() {}

    static void write(Geography geography, Path outputDir, Manifest manifest) throws IOException {
        List<OrgUnit> gemeinden = geography.orgUnits().stream()
                .filter(u -> u.level().equals(OrgUnit.GEMEINDE) && u.parentId().equals(Geography.KREIS_RECKLINGHAUSEN_ID)
                        && geography.centre(u.id()).isPresent())
                .toList();
        double lat0 = gemeinden.stream().mapToDouble(u -> geography.centre(u.id()).orElseThrow().lat()).average().orElse(51.6);
        double lon0 = gemeinden.stream().mapToDouble(u -> geography.centre(u.id()).orElseThrow().lon()).average().orElse(7.2);
        AffineTransformation toKm = AffineTransformation.translationInstance(-lon0, -lat0)
                .scale(Math.cos(Math.toRadians(lat0)) * KM_PER_DEGREE, KM_PER_DEGREE);
        AffineTransformation toDegrees;
        try {
            toDegrees = toKm.getInverse();
        } catch (org.locationtech.jts.geom.util.NoninvertibleTransformationException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Coordinate> centres = new LinkedHashMap<>();
        gemeinden.forEach(u -> centres.put(u.id(), km(toKm, geography.centre(u.id()).orElseThrow())));
        Geometry hull = FACTORY.createMultiPointFromCoords(centres.values().toArray(Coordinate[]::new)).convexHull().buffer(4.0, 8);
        Map<String, Geometry> cells = cells(centres, hull);

        List<String> features = new ArrayList<>();
        for (OrgUnit gemeinde : gemeinden) {
            Geometry cell = cells.get(gemeinde.id());
            features.add(feature("AGS", gemeinde.id(), gemeinde.name(), toDegrees.transform(cell)));
            Map<String, Coordinate> districts = new LinkedHashMap<>();
            for (OrgUnit stadtteil : geography.stadtteileOf(gemeinde.id())) {
                geography.centre(stadtteil.id()).ifPresent(c -> districts.put(stadtteil.id(), km(toKm, c)));
            }
            Map<String, Geometry> districtCells = cells(districts, cell);
            for (OrgUnit stadtteil : geography.stadtteileOf(gemeinde.id())) {
                Geometry districtCell = districtCells.get(stadtteil.id());
                if (districtCell != null) {
                    Geometry shape = districtCell.intersection(FACTORY.createPoint(districts.get(stadtteil.id())).buffer(2.0, 8))
                            .intersection(cell);
                    features.add(feature("org_unit_id", stadtteil.id(), stadtteil.name(), toDegrees.transform(shape)));
                }
            }
        }
        String json = "{\"type\": \"FeatureCollection\", \"name\": \"Schematische Grenzen (Beispieldaten, nicht amtlich)\", \"features\": [\n"
                + String.join(",\n", features) + "\n]}\n";
        Path target = outputDir.resolve(PATH);
        Files.createDirectories(target.getParent());
        Files.writeString(target, json, StandardCharsets.UTF_8);
        manifest.recordFile(PATH, features.size());
    }

    private static Coordinate km(AffineTransformation toKm, Centres.Centre centre) {
        Coordinate c = new Coordinate(centre.lon(), centre.lat());
        toKm.transform(c, c);
        return c;
    }

    /** Each centre's Voronoi cell among the given centres, clipped to {@code clip}. */
    private static Map<String, Geometry> cells(Map<String, Coordinate> centres, Geometry clip) {
        Map<String, Geometry> cells = new LinkedHashMap<>();
        if (centres.size() == 1) {
            centres.keySet().forEach(id -> cells.put(id, clip));
            return cells;
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(List.copyOf(centres.values()));
        builder.setClipEnvelope(clip.getEnvelopeInternal());
        Geometry diagram = builder.getDiagram(FACTORY);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            centres.forEach((id, c) -> {
                if (cell.getUserData() instanceof Coordinate site && site.equals2D(c)) {
                    cells.put(id, cell.intersection(clip));
                }
            });
        }
        return cells;
    }

    /** One feature with its polygon, coordinates to 5 decimals (about 1 m). */
    private static String feature(String idProperty, String id, String name, Geometry shape) {
        Polygon polygon = (Polygon) (shape instanceof Polygon ? shape : shape.getGeometryN(0));
        StringBuilder ring = new StringBuilder("[");
        Coordinate[] coordinates = polygon.getExteriorRing().getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            ring.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.5f, %.5f]", coordinates[i].x, coordinates[i].y));
        }
        ring.append("]");
        return "{\"type\": \"Feature\", \"properties\": {\"" + idProperty + "\": \"" + id + "\", \"GEN\": \"" + name
                + "\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}}";
    }
}
