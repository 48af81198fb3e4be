package de.integrationsmonitor.reports.common.maps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The geometry behind a map, with JTS: units' shapes (WGS84 longitude/latitude) moved into a local plane in km, so
 * that distances, the scale bar and buffers are in km; and, for units without a delivered shape, schematic cells
 * from their centres (Voronoi cells clipped to the hull of the centres, widened by half the typical spacing).
 */
public final class MapGeometry {
    /** km per degree of latitude on the contract's mean earth radius (6371.0088 km). */
    static final double KM_PER_DEGREE = Math.PI * 6371.0088 / 180.0;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private MapGeometry() {}

    /** A unit drawn on a map: its id, its name and its outline in the local km plane; schematic when built from centres. */
    public record Region(String id, String name, Geometry shape, boolean schematic) {}

    /** A unit and its centre in WGS84 degrees; NaN for a unit without one (it is drawn only if its shape is delivered). */
    public record Centre(String id, String name, double lat, double lon) {
        boolean located() {
            return !Double.isNaN(lat) && !Double.isNaN(lon);
        }
    }

    /**
     * The regions of the given units: the delivered shape where there is one (WGS84, as read from
     * {@code reference/boundaries.geojson}), else a schematic cell from the centres. Units with neither are left out.
     * All are projected around the mean of the centres (equirectangular: accurate to well under 1 % across a Kreis).
     *
     * @param centres the units with their centres (NaN where a unit has none)
     * @param shapes  delivered shapes by unit id, WGS84 (x = longitude, y = latitude); may be empty
     */
    public static List<Region> regions(List<Centre> centres, Map<String, Geometry> shapes) {
        return regions(centres, shapes, List.of());
    }

    /**
     * The regions of {@code centres} as above and, first, those of {@code context} (units drawn beneath, e.g. the
     * Gemeinde around its Stadtteile) in the same projection; a context unit is drawn only where its shape is
     * delivered, and takes no part in the schematic cells.
     */
    public static List<Region> regions(List<Centre> centres, Map<String, Geometry> shapes, List<Centre> context) {
        List<Centre> located = centres.stream().filter(Centre::located).toList();
        boolean anyShape = centres.stream().anyMatch(c -> shapes.containsKey(c.id()));
        if (located.isEmpty() && !anyShape) {
            return List.of();
        }
        double lat0;
        double lon0;
        if (!located.isEmpty()) {
            lat0 = located.stream().mapToDouble(Centre::lat).average().orElseThrow();
            lon0 = located.stream().mapToDouble(Centre::lon).average().orElseThrow();
        } else {
            Envelope all = new Envelope();
            centres.stream().filter(c -> shapes.containsKey(c.id())).forEach(c -> all.expandToInclude(shapes.get(c.id()).getEnvelopeInternal()));
            lat0 = all.centre().y;
            lon0 = all.centre().x;
        }
        AffineTransformation toKm = AffineTransformation.translationInstance(-lon0, -lat0)
                .scale(Math.cos(Math.toRadians(lat0)) * KM_PER_DEGREE, KM_PER_DEGREE);
        Map<String, Geometry> projected = new LinkedHashMap<>();
        shapes.forEach((id, shape) -> {
            if (shape instanceof Polygonal && !shape.isEmpty()) {
                projected.put(id, toKm.transform(shape));
            }
        });
        Map<String, Coordinate> points = new LinkedHashMap<>();
        for (Centre centre : located) {
            Coordinate c = new Coordinate(centre.lon(), centre.lat());
            toKm.transform(c, c);
            points.put(centre.id(), c);
        }
        Map<String, Geometry> cells = schematicCells(points);
        List<Region> regions = new ArrayList<>();
        for (Centre unit : context) {
            if (projected.containsKey(unit.id())) {
                regions.add(new Region(unit.id(), unit.name(), projected.get(unit.id()), false));
            }
        }
        for (Centre centre : centres) {
            Geometry shape = projected.get(centre.id());
            if (shape != null) {
                regions.add(new Region(centre.id(), centre.name(), shape, false));
            } else if (cells.containsKey(centre.id())) {
                regions.add(new Region(centre.id(), centre.name(), cells.get(centre.id()), true));
            }
        }
        return regions;
    }

    /**
     * One cell per centre: its Voronoi cell, clipped to the convex hull of all centres widened by half the mean distance
     * to the nearest other centre (at least 1.5 km), so the outer units are not cut at their own centre. A single centre
     * gets a disc of 3 km.
     */
    static Map<String, Geometry> schematicCells(Map<String, Coordinate> centres) {
        Map<String, Geometry> cells = new LinkedHashMap<>();
        if (centres.isEmpty()) {
            return cells;
        }
        List<Coordinate> points = List.copyOf(centres.values());
        if (points.size() == 1) {
            Map.Entry<String, Coordinate> only = centres.entrySet().iterator().next();
            cells.put(only.getKey(), FACTORY.createPoint(only.getValue()).buffer(3.0, 16));
            return cells;
        }
        double spacing = 0;
        for (Coordinate a : points) {
            double nearest = Double.MAX_VALUE;
            for (Coordinate b : points) {
                if (a != b) {
                    nearest = Math.min(nearest, a.distance(b));
                }
            }
            spacing += nearest;
        }
        spacing /= points.size();
        Geometry clip = FACTORY.createMultiPointFromCoords(points.toArray(Coordinate[]::new)).convexHull()
                .buffer(Math.max(1.5, spacing / 2), 8);
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(points);
        builder.setClipEnvelope(clip.getEnvelopeInternal());
        Geometry diagram = builder.getDiagram(FACTORY);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Object site = cell.getUserData();
            for (Map.Entry<String, Coordinate> centre : centres.entrySet()) {
                if (site instanceof Coordinate c && c.equals2D(centre.getValue()) && !cells.containsKey(centre.getKey())) {
                    cells.put(centre.getKey(), cell.intersection(clip));
                }
            }
        }
        // two units with the same centre share one site: the second gets a small disc rather than nothing
        centres.forEach((id, c) -> cells.computeIfAbsent(id, key -> FACTORY.createPoint(c).buffer(0.5, 8)));
        return cells;
    }
}
