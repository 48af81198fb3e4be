package de.integrationsmonitor.pipelines.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A data-quality check declared with the table it checks. {@code failingRowsSql} is a Spark SQL
 * query over the registered tables ({@code {table}} stands for the checked table) that returns the
 * failing rows, each with a {@code detail} column a person can read; {@code message} is the plain
 * German sentence the Monatsbericht prints, with {@code {n}} for the number of failing rows.
 */
public record QualityCheck(String name, Severity severity, String failingRowsSql, String message) {

    public enum Severity {
        /** The data is wrong; figures built on it are not to be trusted. */
        ERROR,
        /** Worth a look: the data may be incomplete or unusual. */
        WARNING
    }

    public QualityCheck {
        requireNonNull(name, "name is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(failingRowsSql, "failingRowsSql is null");
        requireNonNull(message, "message is null");
    }

    /** The query for a concrete table. */
    public String sqlFor(TableDef table) {
        return failingRowsSql.replace("{table}", table.qualifiedName());
    }

    public static QualityCheck notNull(String... columns) {
        String condition = List.of(columns).stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR "));
        return new QualityCheck("not_null(" + String.join(", ", columns) + ")", Severity.ERROR,
                "SELECT concat_ws(', ', " + List.of(columns).stream().map(c -> "'" + c + "=' || coalesce(cast(" + c
                        + " AS STRING), 'NULL')").collect(Collectors.joining(", ")) + ") AS detail FROM {table} WHERE " + condition,
                "{n} Zeilen ohne Pflichtwert (" + String.join(", ", columns) + ")");
    }

    public static QualityCheck uniqueKey(String... columns) {
        String key = String.join(", ", columns);
        return new QualityCheck("unique(" + key + ")", Severity.ERROR,
                "SELECT concat_ws(' | ', " + List.of(columns).stream().map(c -> "cast(" + c + " AS STRING)")
                        .collect(Collectors.joining(", ")) + ") AS detail FROM {table} GROUP BY " + key + " HAVING count(*) > 1",
                "{n} Schlüssel (" + key + ") kommen mehrfach vor");
    }

    public static QualityCheck relationship(String column, TableDef target, String targetColumn, String message) {
        return new QualityCheck("relationship(" + column + " -> " + target.qualifiedName() + "." + targetColumn + ")",
                Severity.ERROR,
                "SELECT DISTINCT cast(" + column + " AS STRING) AS detail FROM {table} WHERE " + column + " IS NOT NULL AND "
                        + column + " NOT IN (SELECT " + targetColumn + " FROM " + target.qualifiedName()
                        + " WHERE " + targetColumn + " IS NOT NULL)",
                message);
    }

    public static QualityCheck acceptedValues(String column, List<String> values) {
        return new QualityCheck("accepted_values(" + column + ")", Severity.ERROR,
                "SELECT DISTINCT cast(" + column + " AS STRING) AS detail FROM {table} WHERE " + column + " NOT IN ("
                        + values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")",
                "{n} unzulässige Werte in Spalte " + column);
    }

    /** A check written as SQL, e.g. freshness or volume anomalies. */
    public static QualityCheck sql(String name, Severity severity, String failingRowsSql, String message) {
        return new QualityCheck(name, severity, failingRowsSql, message);
    }
}
