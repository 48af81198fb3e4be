package de.integrationsmonitor.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.types.DataTypes;

/**
 * Compares one mart as our pipeline wrote it with the same mart from another engine: the same keys,
 * and per key the same values. Counts, strings and booleans must be equal; doubles may differ by a
 * relative {@value #RELATIVE_TOLERANCE} (and by {@value #ABSOLUTE_TOLERANCE} absolutely, for values
 * that should be 0), because the engines may round the last bits of a division differently.
 */
public final class MartComparison {
    public static final double RELATIVE_TOLERANCE = 1e-9;
    public static final double ABSOLUTE_TOLERANCE = 1e-12;
    /** How many differences an outcome keeps for display. */
    public static final int DEFAULT_LIMIT = 10;

    private MartComparison() {}

    public enum Kind { ONLY_OURS, ONLY_BASELINE, DUPLICATE_KEY, DIFFERENT_VALUE }

    /** One difference; {@code column}, {@code ours} and {@code baseline} are set for a different value only. */
    public record Difference(Kind kind, List<Object> key, String column, Object ours, Object baseline) {
        public Difference {
            requireNonNull(kind, "kind is null");
            key = List.copyOf(key.stream().map(v -> v == null ? "∅" : v).toList());
        }
    }

    /** The result for one mart; {@code first} holds up to the limit of differences, in key order. */
    public record Outcome(Mart mart, int oursRows, int baselineRows, long onlyOurs, long onlyBaseline, long duplicateKeys,
                          long differentValues, List<Difference> first) {
        public Outcome {
            requireNonNull(mart, "mart is null");
            first = List.copyOf(first);
        }

        public boolean isEqual() {
            return onlyOurs == 0 && onlyBaseline == 0 && duplicateKeys == 0 && differentValues == 0;
        }

        public long differences() {
            return onlyOurs + onlyBaseline + duplicateKeys + differentValues;
        }

        /** German lines for the console: the verdict, then the first differences. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            String head = mart.table().qualifiedName() + ": " + count(oursRows) + " Zeilen bei uns, " + count(baselineRows)
                    + " bei DuckDB – ";
            if (isEqual()) {
                lines.add(head + "gleich");
                return lines;
            }
            lines.add(head + count(differences()) + " Abweichungen (" + count(onlyOurs) + " nur bei uns, " + count(onlyBaseline)
                    + " nur bei DuckDB, " + count(duplicateKeys) + " doppelte Schlüssel, " + count(differentValues)
                    + " Werte verschieden); die ersten:");
            for (Difference difference : first) {
                lines.add("  " + describe(difference));
            }
            return lines;
        }

        private String describe(Difference difference) {
            String key = IntStream.range(0, difference.key().size())
                    .mapToObj(i -> mart.keyColumns().get(i) + "=" + difference.key().get(i))
                    .collect(Collectors.joining(", "));
            return switch (difference.kind()) {
                case ONLY_OURS -> "nur bei uns:    " + key;
                case ONLY_BASELINE -> "nur bei DuckDB: " + key;
                case DUPLICATE_KEY -> "Schlüssel mehrfach: " + key;
                case DIFFERENT_VALUE -> "verschieden:    " + key + ": " + difference.column() + " bei uns " + value(difference.ours())
                        + ", bei DuckDB " + value(difference.baseline());
            };
        }

        private static String value(Object value) {
            return value == null ? "null" : value instanceof Double d ? String.format(Locale.ROOT, "%.17g", d) : value.toString();
        }

        private static String count(long value) {
            return String.format(Locale.GERMANY, "%,d", value);
        }
    }

    /** A title line for the tolerance used, for reports and logs. */
    public static String toleranceNote() {
        return "Zähler, Texte und Wahrheitswerte exakt; Dezimalzahlen mit relativer Toleranz " + RELATIVE_TOLERANCE
                + " (absolut " + ABSOLUTE_TOLERANCE + " bei Werten nahe 0)";
    }

    public static Outcome compare(MartRows ours, MartRows baseline) {
        return compare(ours, baseline, DEFAULT_LIMIT);
    }

    public static Outcome compare(MartRows ours, MartRows baseline, int limit) {
        requireNonNull(ours, "ours is null");
        requireNonNull(baseline, "baseline is null");
        if (ours.mart() != baseline.mart()) {
            throw new IllegalArgumentException("cannot compare " + ours.mart() + " with " + baseline.mart());
        }
        Mart mart = ours.mart();
        List<Difference> differences = new ArrayList<>();
        Map<List<Object>, List<Object>> oursByKey = byKey(ours, differences);
        Map<List<Object>, List<Object>> baselineByKey = byKey(baseline, differences);
        int keys = mart.keyColumns().size();
        for (Map.Entry<List<Object>, List<Object>> entry : oursByKey.entrySet()) {
            List<Object> other = baselineByKey.get(entry.getKey());
            if (other == null) {
                differences.add(new Difference(Kind.ONLY_OURS, entry.getKey(), null, null, null));
                continue;
            }
            for (int i = keys; i < mart.columns().size(); i++) {
                String column = mart.columns().get(i);
                Object mine = entry.getValue().get(i);
                Object theirs = other.get(i);
                if (!sameValue(mart, column, mine, theirs)) {
                    differences.add(new Difference(Kind.DIFFERENT_VALUE, entry.getKey(), column, mine, theirs));
                }
            }
        }
        for (List<Object> key : baselineByKey.keySet()) {
            if (!oursByKey.containsKey(key)) {
                differences.add(new Difference(Kind.ONLY_BASELINE, key, null, null, null));
            }
        }
        differences.sort(Comparator.comparing((Difference d) -> d.key(), MartComparison::compareKeys)
                .thenComparing(d -> d.kind().ordinal()));
        return new Outcome(mart, ours.size(), baseline.size(), count(differences, Kind.ONLY_OURS),
                count(differences, Kind.ONLY_BASELINE), count(differences, Kind.DUPLICATE_KEY),
                count(differences, Kind.DIFFERENT_VALUE), differences.subList(0, Math.min(limit, differences.size())));
    }

    /** Whether two values of a column are the same number (within the tolerance for doubles) or the same value. */
    static boolean sameValue(Mart mart, String column, Object ours, Object baseline) {
        if (ours == null || baseline == null) {
            return ours == baseline;
        }
        if (mart.type(column).equals(DataTypes.DoubleType)) {
            double a = (Double) ours;
            double b = (Double) baseline;
            if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
                return Double.compare(a, b) == 0;
            }
            return Math.abs(a - b) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
        }
        return Objects.equals(ours, baseline);
    }

    private static Map<List<Object>, List<Object>> byKey(MartRows rows, List<Difference> differences) {
        Map<List<Object>, List<Object>> byKey = new TreeMap<>(MartComparison::compareKeys);
        for (List<Object> row : rows.rows()) {
            List<Object> key = rows.key(row);
            if (byKey.putIfAbsent(key, row) != null) {
                differences.add(new Difference(Kind.DUPLICATE_KEY, key, null, null, null));
            }
        }
        return byKey;
    }

    private static int compareKeys(List<Object> left, List<Object> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = String.valueOf(left.get(i)).compareTo(String.valueOf(right.get(i)));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static long count(List<Difference> differences, Kind kind) {
        return differences.stream().filter(d -> d.kind() == kind).count();
    }
}
