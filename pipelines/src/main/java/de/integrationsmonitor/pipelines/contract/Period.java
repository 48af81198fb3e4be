package de.integrationsmonitor.pipelines.contract;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of a model-project indicator as the data contract writes it: a month ({@code 2026-03}), a
 * quarter ({@code 2026-Q1}) or a year ({@code 2026}). Months of the pipeline (gold's {@code month} column, the report
 * month) are {@link YearMonth}s; a period is the wider notion, and {@link #firstMonth()} maps it onto a month.
 *
 * <p>Spark code works on the text column; {@link #startSql(String)} is the same rule as {@link #start()} in SQL.
 */
public record Period(Type type, int year, int number) {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** The period types of {@code indicators.csv} (column Periodentyp), with their German codes. */
    public enum Type {
        MONTH("Monat"), QUARTER("Quartal"), YEAR("Jahr");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        /** The code in the delivered files and in silver/gold ({@code period_type}). */
        public String code() {
            return code;
        }
    }

    public Period {
        requireNonNull(type, "type is null");
        int max = switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (number < 1 || number > max) {
            throw new IllegalArgumentException("period number " + number + " out of range for " + type);
        }
    }

    /** Parses {@code 2026-03}, {@code 2026-Q1} or {@code 2026}; anything else is an {@link IllegalArgumentException}. */
    public static Period parse(String text) {
        requireNonNull(text, "text is null");
        Matcher matcher;
        if ((matcher = QUARTER.matcher(text)).matches()) {
            return new Period(Type.QUARTER, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        if ((matcher = MONTH.matcher(text)).matches()) {
            return new Period(Type.MONTH, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        if ((matcher = YEAR.matcher(text)).matches()) {
            return new Period(Type.YEAR, Integer.parseInt(matcher.group(1)), 1);
        }
        throw new IllegalArgumentException("not a period (YYYY-MM, YYYY-Qn or YYYY): '" + text + "'");
    }

    /** The month the period begins with: 2026-Q2 → 2026-04, 2026 → 2026-01. */
    public YearMonth firstMonth() {
        return switch (type) {
            case MONTH -> YearMonth.of(year, number);
            case QUARTER -> YearMonth.of(year, (number - 1) * 3 + 1);
            case YEAR -> YearMonth.of(year, 1);
        };
    }

    public LocalDate start() {
        return firstMonth().atDay(1);
    }

    /** The first day of the period in a text column (YYYY-MM, YYYY-Qn or YYYY) as a Spark SQL expression (DATE). */
    public static String startSql(String column) {
        return "CASE WHEN " + column + " RLIKE '^[0-9]{4}-Q[1-4]$' THEN make_date(cast(substr(" + column + ", 1, 4) AS INT), "
                + "(cast(substr(" + column + ", 7, 1) AS INT) - 1) * 3 + 1, 1) "
                + "WHEN " + column + " RLIKE '^[0-9]{4}$' THEN make_date(cast(" + column + " AS INT), 1, 1) "
                + "ELSE to_date(concat(" + column + ", '-01')) END";
    }

    @Override
    public String toString() {
        return switch (type) {
            case MONTH -> firstMonth().toString();
            case QUARTER -> year + "-Q" + number;
            case YEAR -> Integer.toString(year);
        };
    }
}
