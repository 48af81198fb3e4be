package de.integrationsmonitor.pipelines.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** City-name and header aliases from conf/ ({@code city-aliases.csv}, {@code header-aliases.csv}). */
public record Aliases(Map<String, String> cityNames, Map<String, List<String>> headers) {

    public Aliases {
        cityNames = Map.copyOf(cityNames);
        headers = Map.copyOf(headers);
    }

    public static Aliases none() {
        return new Aliases(Map.of(), Map.of());
    }

    public static Aliases load(Path confDir) {
        Map<String, String> cities = new LinkedHashMap<>();
        for (Map<String, String> row : ConfTables.read(confDir.resolve("city-aliases.csv"), List.of("alias", "name"))) {
            cities.putIfAbsent(ConfTables.normalise(row.get("alias")), row.get("name").strip());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map<String, String> row : ConfTables.read(confDir.resolve("header-aliases.csv"), List.of("source", "column", "alias"))) {
            headers.computeIfAbsent(headerKey(row.get("source").strip(), row.get("column").strip()), k -> new ArrayList<>())
                    .add(row.get("alias").strip());
        }
        return new Aliases(cities, headers);
    }

    /** Extra header labels accepted for {@code column} of {@code source}. */
    public List<String> headerAliases(String source, String column) {
        return headers.getOrDefault(headerKey(source, column), List.of());
    }

    private static String headerKey(String source, String column) {
        return source + "." + column;
    }
}
