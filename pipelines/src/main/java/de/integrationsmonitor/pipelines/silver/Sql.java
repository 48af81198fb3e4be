package de.integrationsmonitor.pipelines.silver;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark SQL expression text for the contract's parsing rules, shared by every refinement so that a
 * number, date or multi-valued label is read the same way everywhere.
 */
public final class Sql {
    private Sql() {}

    /** Column reference, quoted. */
    public static String col(String name) {
        return "`" + name + "`";
    }

    /** The trimmed value, null when empty. */
    public static String text(String column) {
        return "nullif(trim(" + col(column) + "), '')";
    }

    public static String isBlank(String column) {
        return text(column) + " IS NULL";
    }

    /** A number with decimal comma or point. */
    public static String decimal(String column) {
        return "try_cast(replace(" + text(column) + ", ',', '.') AS DECIMAL(38, 10))";
    }

    /** A whole count; {@code 12,0} is accepted, {@code 12,5} and {@code zwölf} are not. */
    public static String count(String column) {
        return "CASE WHEN " + decimal(column) + " = floor(" + decimal(column) + ") THEN try_cast(" + decimal(column)
                + " AS BIGINT) END";
    }

    public static String isBadNumber(String column) {
        return "(" + text(column) + " IS NOT NULL AND " + decimal(column) + " IS NULL)";
    }

    public static String isBadCount(String column) {
        return "(" + text(column) + " IS NOT NULL AND " + count(column) + " IS NULL)";
    }

    public static String isNegative(String column) {
        return "(" + decimal(column) + " < 0)";
    }

    /** A date written {@code YYYY-MM-DD} or {@code DD.MM.YYYY}; impossible dates (31.02.) give null. */
    public static String date(String column) {
        return "coalesce(try_to_date(" + text(column) + ", 'yyyy-MM-dd'), try_to_date(" + text(column) + ", 'd.M.yyyy'))";
    }

    public static String isBadDate(String column) {
        return "(" + text(column) + " IS NOT NULL AND " + date(column) + " IS NULL)";
    }

    /** The non-empty, trimmed parts of a multi-valued field ({@code a | b}). */
    public static String labels(String column) {
        // '\\|' rather than '[|]': an escaped character is split without compiling a regular expression per value
        return "filter(transform(split(coalesce(" + col(column) + ", ''), '\\\\|'), x -> trim(x)), x -> x <> '')";
    }

    /** The first label of a (multi-valued) field that the vocabulary does not know, else null. */
    public static String firstUnknownLabel(String column, String vocabularyMap) {
        return "try_element_at(filter(" + labels(column) + ", x -> NOT map_contains_key(" + vocabularyMap
                + ", lower(x))), 1)";
    }

    /** The distinct codes of a multi-valued field. */
    public static String codes(String column, String vocabularyMap) {
        return "array_distinct(transform(" + labels(column) + ", x -> try_element_at(" + vocabularyMap + ", lower(x))))";
    }

    /** A SQL map literal; keys are lower-cased so lookups can use {@code lower(value)}. */
    public static String mapLiteral(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return "map_from_arrays(array(cast(null AS STRING)), array(cast(null AS STRING)))";
        }
        return entries.entrySet().stream()
                .map(e -> quote(e.getKey().toLowerCase(java.util.Locale.ROOT)) + ", " + quote(e.getValue()))
                .collect(Collectors.joining(", ", "map(", ")"));
    }

    public static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
