package de.integrationsmonitor.reports.gaps;

import de.integrationsmonitor.pipelines.contract.TargetGroup;
import java.util.Locale;
import java.util.Map;

/** German names of dimensions and display labels of codes for the Versorgungslücken report. */
final class GapLabels {
    /** Dimensions in report order with their German names. */
    static final Map<String, String> DIMENSIONS = orderedDimensions();

    private final Map<String, Map<String, String>> labels;

    GapLabels(Map<String, Map<String, String>> labels) {
        this.labels = labels;
    }

    static String dimension(String dimension) {
        return DIMENSIONS.getOrDefault(dimension, dimension);
    }

    /**
     * The label of a code as conf/vocabularies.csv names it first, shortened for tables and charts:
     * "insbesondere für Neuzugewanderte" → "Neuzugewanderte", "deutsch" → "Deutsch". An unknown code
     * is shown as it is.
     */
    String value(String dimension, String code) {
        String label = labels.getOrDefault(dimension, Map.of()).getOrDefault(code, code);
        if (label.startsWith("insbesondere für ")) {
            label = label.substring("insbesondere für ".length());
        }
        return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.GERMAN) + label.substring(1);
    }

    /** Codes of a dimension in the order of conf/vocabularies.csv (e.g. age groups young to old). */
    java.util.List<String> order(String dimension) {
        return java.util.List.copyOf(labels.getOrDefault(dimension, Map.of()).keySet());
    }

    private static Map<String, String> orderedDimensions() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (TargetGroup group : TargetGroup.values()) {
            names.put(group.code(), switch (group) {
                case LANGUAGE -> "Sprache";
                case AGE_GROUP -> "Altersgruppe";
                case GENDER -> "Geschlecht";
                case MIGRATION -> "Migrationshintergrund";
            });
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
