package de.integrationsmonitor.pipelines.silver;

import static java.util.Objects.requireNonNull;

/**
 * One validation rule: when {@code failsWhen} (Spark SQL) is true the row is rejected with
 * {@code reason}, naming the contract column and the offending value ({@code value}, Spark SQL).
 */
public record Check(String reason, String column, String failsWhen, String value) {

    public Check {
        requireNonNull(reason, "reason is null");
        requireNonNull(failsWhen, "failsWhen is null");
        requireNonNull(value, "value is null");
    }

    public static Check missing(String column, String header) {
        return new Check(Reason.MISSING_VALUE, header, Sql.isBlank(column), "CAST(NULL AS STRING)");
    }

    public static Check badCount(String column, String header) {
        return new Check(Reason.BAD_NUMBER, header, Sql.isBadCount(column), Sql.col(column));
    }

    public static Check badNumber(String column, String header) {
        return new Check(Reason.BAD_NUMBER, header, Sql.isBadNumber(column), Sql.col(column));
    }

    public static Check negative(String column, String header) {
        return new Check(Reason.NEGATIVE_COUNT, header, Sql.isNegative(column), Sql.col(column));
    }

    public static Check badDate(String column, String header) {
        return new Check(Reason.BAD_DATE, header, Sql.isBadDate(column), Sql.col(column));
    }

    /** Rejects a row whose (multi-valued) field holds a label the vocabulary does not know. */
    public static Check unknownLabel(String column, String header, String vocabularyMap) {
        String unknown = Sql.firstUnknownLabel(column, vocabularyMap);
        return new Check(Reason.UNKNOWN_LABEL, header, unknown + " IS NOT NULL", unknown);
    }
}
