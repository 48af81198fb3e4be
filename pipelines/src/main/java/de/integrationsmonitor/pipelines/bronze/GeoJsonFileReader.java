package de.integrationsmonitor.pipelines.bronze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code reference/boundaries.geojson} (a GeoJSON FeatureCollection in WGS84, the format of the BKG's VG250 open
 * data) into raw rows like a CSV file's: one row per feature, with the unit's id (property {@code org_unit_id}, else
 * {@code AGS}; names exact) and the feature's geometry as delivered (GeoJSON text). A row's line is the line of the
 * file where its feature begins. What the geometry is worth is silver's question; a file that is not UTF-8, not JSON
 * or not a FeatureCollection is refused as a whole.
 */
public final class GeoJsonFileReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private GeoJsonFileReader() {}

    public static DeliveredFile parse(byte[] bytes, String relativePath) {
        String checksum = CsvFileReader.sha256(bytes);
        byte[] content = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM) ? Arrays.copyOfRange(bytes, 3, bytes.length)
                : bytes;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            return new DeliveredFile.Rejected(relativePath, checksum, "bad_encoding", "Datei " + relativePath
                    + " ist kein UTF-8 (GeoJSON ist immer UTF-8); bitte als UTF-8 speichern.");
        }
        List<DeliveredFile.RawRow> rows = new ArrayList<>();
        try (JsonParser parser = new JsonFactory(MAPPER).createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return notACollection(relativePath, checksum);
            }
            boolean collection = false;
            boolean features = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    collection = "FeatureCollection".equals(parser.getValueAsString());
                } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                    features = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int line = parser.currentTokenLocation().getLineNr();
                        JsonNode feature = parser.readValueAsTree();
                        rows.add(row(line, feature));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!collection || !features) {
                return notACollection(relativePath, checksum);
            }
        } catch (IOException e) {
            return new DeliveredFile.Rejected(relativePath, checksum, "bad_geojson", "Datei " + relativePath
                    + " ist kein gültiges JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage()).replaceAll("\\s+", " ").strip() + ".");
        }
        return new DeliveredFile.Accepted(relativePath, checksum, "utf-8", List.of(), rows);
    }

    private static DeliveredFile.RawRow row(int line, JsonNode feature) {
        JsonNode properties = feature.path("properties");
        JsonNode id = properties.hasNonNull("org_unit_id") ? properties.get("org_unit_id") : properties.get("AGS");
        JsonNode geometry = feature.get("geometry");
        List<String> values = new ArrayList<>();
        values.add(id == null || id.isNull() ? null : id.asText());
        values.add(geometry == null || geometry.isNull() ? null : geometry.toString());
        return new DeliveredFile.RawRow(line, values, Map.of());
    }

    private static DeliveredFile.Rejected notACollection(String relativePath, String checksum) {
        return new DeliveredFile.Rejected(relativePath, checksum, "bad_geojson", "Datei " + relativePath
                + " ist keine GeoJSON-FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]}).");
    }
}
