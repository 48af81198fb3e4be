package de.integrationsmonitor.pipelines.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** reference/boundaries.geojson read like a CSV file: one raw row per feature, at the line where the feature begins. */
class TestGeoJsonFileReader {
    private static final String PATH = "reference/boundaries.geojson";

    @Test
    void oneRowPerFeatureWithTheUnitIdAndTheGeometryAsDelivered() {
        String json = """
                {"type": "FeatureCollection", "name": "VG250_GEM",
                 "features": [
                  {"type": "Feature", "properties": {"AGS": "05562024", "GEN": "Marl"},
                   "geometry": {"type": "Polygon", "coordinates": [[[7.0, 51.6], [7.1, 51.6], [7.1, 51.7], [7.0, 51.6]]]}},
                  {"type": "Feature", "properties": {"org_unit_id": "05562024-huels", "AGS": "05562024"},
                   "geometry": null},
                  {"type": "Feature", "properties": {"GEN": "ohne Schlüssel"}, "geometry": {"type": "Point", "coordinates": [7, 51]}}
                 ]}
                """;
        DeliveredFile file = GeoJsonFileReader.parse(json.getBytes(StandardCharsets.UTF_8), PATH);

        assertThat(file).isInstanceOf(DeliveredFile.Accepted.class);
        DeliveredFile.Accepted accepted = (DeliveredFile.Accepted) file;
        assertThat(accepted.rows()).extracting(DeliveredFile.RawRow::line, r -> r.values().get(0), r -> r.values().get(1))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "05562024",
                                "{\"type\":\"Polygon\",\"coordinates\":[[[7.0,51.6],[7.1,51.6],[7.1,51.7],[7.0,51.6]]]}"),
                        org.assertj.core.groups.Tuple.tuple(5, "05562024-huels", null),       // org_unit_id before AGS
                        org.assertj.core.groups.Tuple.tuple(7, null, "{\"type\":\"Point\",\"coordinates\":[7,51]}"));
        assertThat(accepted.checksum()).isEqualTo(CsvFileReader.sha256(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileThatIsNoFeatureCollectionIsRefusedAsAWholeNamingTheFile() {
        assertThat(reject("{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}")).satisfies(r -> {
            assertThat(r.reason()).isEqualTo("bad_geojson");
            assertThat(r.message()).startsWith("Datei reference/boundaries.geojson ist keine GeoJSON-FeatureCollection");
        });
        assertThat(reject("{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ").message())
                .startsWith("Datei reference/boundaries.geojson ist kein gültiges JSON:");
        assertThat(reject("[1, 2]").reason()).isEqualTo("bad_geojson");
    }

    @Test
    void aFileNotInUtf8IsRefusedRatherThanReadWithBrokenUmlauts() {
        byte[] windows1252 = "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"GEN\": \"Hüls\"}}]}"
                .getBytes(Charset.forName("windows-1252"));
        DeliveredFile file = GeoJsonFileReader.parse(windows1252, PATH);
        assertThat(file).isInstanceOf(DeliveredFile.Rejected.class);
        assertThat(((DeliveredFile.Rejected) file).reason()).isEqualTo("bad_encoding");
        // a leading BOM is allowed
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"type\": \"FeatureCollection\", \"features\": []}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = Arrays.copyOf(bom, bom.length + json.length);
        System.arraycopy(json, 0, withBom, bom.length, json.length);
        assertThat(GeoJsonFileReader.parse(withBom, PATH)).isInstanceOf(DeliveredFile.Accepted.class);
    }

    private static DeliveredFile.Rejected reject(String json) {
        DeliveredFile file = GeoJsonFileReader.parse(json.getBytes(StandardCharsets.UTF_8), PATH);
        assertThat(file).isInstanceOf(DeliveredFile.Rejected.class);
        return (DeliveredFile.Rejected) file;
    }
}
