package de.integrationsmonitor.pipelines.config;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.TargetGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract's fixed vocabularies (label to code), plus aliases from {@code conf/vocabularies.csv}.
 * Keys are labels normalised with {@link #normalise(String)}. A vocabulary is named by the file's
 * {@code dimension} column: a {@link TargetGroup}'s code, {@value #CATEGORY} or {@value #WEATHER}.
 * The code {@value #OPEN_TO_ALL} marks the "für alle offen" label of a target-group dimension.
 */
public final class Vocabularies {
    public static final String OPEN_TO_ALL = "*";
    /** The offer categories (not a target group: no demand, no "open to all"). */
    public static final String CATEGORY = "category";
    /** The Klimakonferenz weather symbols of workshop statements. */
    public static final String WEATHER = "weather";

    private final Map<String, Map<String, String>> labelsByDimension;
    private final Map<String, Map<String, String>> displayByDimension;

    /**
     * @param labelsByDimension normalised label to code, per dimension
     * @param displayByDimension code to the label shown in reports, per dimension, in the order codes
     *     should be listed (e.g. age groups from young to old)
     */
    public Vocabularies(Map<String, Map<String, String>> labelsByDimension, Map<String, Map<String, String>> displayByDimension) {
        requireNonNull(labelsByDimension, "labelsByDimension is null");
        requireNonNull(displayByDimension, "displayByDimension is null");
        Map<String, Map<String, String>> copy = new TreeMap<>();
        labelsByDimension.forEach((dimension, labels) -> copy.put(dimension, Map.copyOf(labels)));
        this.labelsByDimension = Map.copyOf(copy);
        Map<String, Map<String, String>> display = new TreeMap<>();
        displayByDimension.forEach((dimension, labels) -> display.put(dimension,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels))));
        this.displayByDimension = Map.copyOf(display);
    }

    /** Reads the file; the first label of a code (as written) is its display label, codes in file order. */
    public static Vocabularies load(Path confDir) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        Map<String, Map<String, String>> display = new LinkedHashMap<>();
        for (Map<String, String> row : ConfTables.read(confDir.resolve("vocabularies.csv"), List.of("dimension", "label", "code"))) {
            String dimension = row.get("dimension").strip();
            String code = row.get("code").strip();
            labels.computeIfAbsent(dimension, d -> new LinkedHashMap<>()).putIfAbsent(normalise(row.get("label")), code);
            if (!OPEN_TO_ALL.equals(code)) {
                display.computeIfAbsent(dimension, d -> new LinkedHashMap<>()).putIfAbsent(code, row.get("label").strip());
            }
        }
        return new Vocabularies(labels, display);
    }

    /** Code to display label (the first label of the code in conf/vocabularies.csv), in file order. */
    public Map<String, String> displayLabels(String dimension) {
        return displayByDimension.getOrDefault(dimension, Map.of());
    }

    /** {@link #displayLabels(String)} of a target-group dimension. */
    public Map<String, String> displayLabels(TargetGroup group) {
        return displayLabels(group.code());
    }

    /** Label (normalised) to code for one dimension; empty for an unknown dimension. */
    public Map<String, String> labels(String dimension) {
        return labelsByDimension.getOrDefault(dimension, Map.of());
    }

    /** {@link #labels(String)} of a target-group dimension. */
    public Map<String, String> labels(TargetGroup group) {
        return labels(group.code());
    }

    /** The distinct codes of a dimension (the values an offer "open to all" serves), without the marker, sorted. */
    public List<String> codes(String dimension) {
        return labels(dimension).values().stream().filter(code -> !OPEN_TO_ALL.equals(code)).distinct().sorted().toList();
    }

    /** {@link #codes(String)} of a target-group dimension. */
    public List<String> codes(TargetGroup group) {
        return codes(group.code());
    }

    public static String normalise(String label) {
        return ConfTables.normalise(label);
    }
}
