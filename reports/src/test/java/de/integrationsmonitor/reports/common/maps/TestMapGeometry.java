package de.integrationsmonitor.reports.common.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.integrationsmonitor.reports.common.maps.MapGeometry.Centre;
import de.integrationsmonitor.reports.common.maps.MapGeometry.Region;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Which units a map draws, and how: delivered shapes in km, schematic cells from centres, nothing without either. */
class TestMapGeometry {
    @Test
    void aDeliveredShapeIsDrawnInKmEvenWithoutACentre() throws ParseException {
        // 0.1° of longitude at 51.65° is 6.9 km, 0.1° of latitude 11.1 km: the shape's area in km²
        Geometry square = new WKTReader().read("POLYGON ((7.0 51.6, 7.1 51.6, 7.1 51.7, 7.0 51.7, 7.0 51.6))");
        List<Region> regions = MapGeometry.regions(List.of(new Centre("A", "A-Stadt", Double.NaN, Double.NaN),
                new Centre("B", "B-Dorf", Double.NaN, Double.NaN)), Map.of("A", square));

        assertThat(regions).extracting(Region::id, Region::schematic).containsExactly(org.assertj.core.groups.Tuple.tuple("A", false));
        assertThat(regions.get(0).shape().getArea()).isCloseTo(0.1 * 0.1 * Math.cos(Math.toRadians(51.65)) * 111.195 * 111.195,
                within(0.5));
    }

    @Test
    void centresWithoutShapesBecomeSchematicCellsThatDoNotOverlap() {
        List<Region> regions = MapGeometry.regions(List.of(new Centre("A", "A", 51.6, 7.0), new Centre("B", "B", 51.6, 7.2),
                new Centre("C", "C", 51.7, 7.1)), Map.of());

        assertThat(regions).extracting(Region::id).containsExactly("A", "B", "C");
        assertThat(regions).allMatch(Region::schematic);
        assertThat(regions.get(0).shape().intersection(regions.get(1).shape()).getArea()).isLessThan(1e-9);
        // each cell holds its own centre: A's cell is west of B's
        assertThat(regions.get(0).shape().getCentroid().getX()).isLessThan(regions.get(1).shape().getCentroid().getX());
        assertThat(MapGeometry.regions(List.of(new Centre("A", "A", Double.NaN, Double.NaN)), Map.of())).isEmpty();
    }
}
