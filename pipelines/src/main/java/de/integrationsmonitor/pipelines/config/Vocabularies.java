package de.integrationsmonitor.pipelines.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract's fixed vocabularies (label to code), plus aliases from {@code conf/vocabularies.csv}.
 * Keys are labels normalised with {@link #normalise(String)}. The code {@value #OPEN_TO_ALL}
 * marks the "für alle offen" label of a target-group dimension.
 */
public final class Vocabularies {
    public static final String OPEN_TO_ALL = "*";
    public static final String LANGUAGE = "language";
    public static final String CATEGORY = "category";
    public static final String GENDER = "gender";
    public static final String AGE_GROUP = "age_group";
    public static final String MIGRATION = "migration";
    public static final String WEATHER = "weather";

    private final Map<String, Map<String, String>> labelsByDimension;

    public Vocabularies(Map<String, Map<String, String>> labelsByDimension) {
        requireNonNull(labelsByDimension, "labelsByDimension is null");
        Map<String, Map<String, String>> copy = new TreeMap<>();
        labelsByDimension.forEach((dimension, labels) -> copy.put(dimension, Map.copyOf(labels)));
        this.labelsByDimension = Map.copyOf(copy);
    }

    public static Vocabularies load(Path confDir) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (Map<String, String> row : ConfTables.read(confDir.resolve("vocabularies.csv"), List.of("dimension", "label", "code"))) {
            labels.computeIfAbsent(row.get("dimension").strip(), d -> new LinkedHashMap<>())
                    .putIfAbsent(normalise(row.get("label")), row.get("code").strip());
        }
        return new Vocabularies(labels);
    }

    /** Label (normalised) to code for one dimension; empty for an unknown dimension. */
    public Map<String, String> labels(String dimension) {
        return labelsByDimension.getOrDefault(dimension, Map.of());
    }

    /** The distinct codes of a dimension (the values an offer "open to all" serves), without the marker, sorted. */
    public List<String> codes(String dimension) {
        return labels(dimension).values().stream().filter(code -> !OPEN_TO_ALL.equals(code)).distinct().sorted().toList();
    }

    public static String normalise(String label) {
        return ConfTables.normalise(label);
    }
}
