package de.integrationsmonitor.pipelines.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the small {@code ;}-separated lookup tables in conf/ (lines starting with # are comments). */
final class ConfTables {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private ConfTables() {}

    static List<Map<String, String>> read(Path file, List<String> requiredColumns) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : FORMAT.parse(reader)) {
                Map<String, String> row = record.toMap();
                for (String column : requiredColumns) {
                    String value = row.get(column);
                    if (value == null || value.isBlank()) {
                        throw new ConfigException(file + ", Zeile " + record.getParser().getCurrentLineNumber()
                                + ": Spalte '" + column + "' fehlt oder ist leer");
                    }
                }
                rows.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("Konfigurationsdatei " + file + " kann nicht gelesen werden: " + e.getMessage());
        }
        return rows;
    }

    static String normalise(String label) {
        return label.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
