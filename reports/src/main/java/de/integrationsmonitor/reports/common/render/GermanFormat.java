package de.integrationsmonitor.reports.common.render;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * German display formats shared by all reports: counts with thousands dots ("1.234"), signed
 * changes ("+12 (+4,5 %)"), month names and timestamps in Europe/Berlin. A missing value is
 * shown as {@link #NO_DATA}, never as 0 or a blank.
 */
public final class GermanFormat {
    public static final Locale LOCALE = Locale.GERMANY;
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Shown wherever a value is missing (no data delivered), as opposed to a real 0. */
    public static final String NO_DATA = "keine Daten";

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", LOCALE);
    private static final DateTimeFormatter SHORT_MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", LOCALE);
    private static final DateTimeFormatter NUMERIC_MONTH = DateTimeFormatter.ofPattern("MM/yyyy", LOCALE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", LOCALE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", LOCALE);

    private GermanFormat() {}

    /** A whole number with thousands dots: 1234 → "1.234", -5 → "-5". */
    public static String count(long value) {
        return integerFormat().format(value);
    }

    /** Like {@link #count(long)}, but null → "keine Daten". */
    public static String count(Long value) {
        return value == null ? NO_DATA : count(value.longValue());
    }

    /**
     * The change from {@code previous} to {@code current} as signed difference and signed
     * percentage with one decimal: (123, 111) → "+12 (+10,8 %)", (90, 100) → "-10 (-10,0 %)",
     * (5, 5) → "0 (0,0 %)". Without a base (previous = 0) only the difference is shown: "+7".
     * Either value null → "keine Daten".
     */
    public static String change(Long current, Long previous) {
        if (current == null || previous == null) {
            return NO_DATA;
        }
        long difference = Math.subtractExact(current, previous);
        String absolute = signed(difference, count(Math.abs(difference)));
        if (previous == 0) {
            return absolute;
        }
        BigDecimal percent = BigDecimal.valueOf(difference)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Math.abs(previous)), 1, RoundingMode.HALF_UP);
        NumberFormat percentFormat = NumberFormat.getNumberInstance(LOCALE);
        percentFormat.setMinimumFractionDigits(1);
        percentFormat.setMaximumFractionDigits(1);
        String relative = signed(percent.signum(), percentFormat.format(percent.abs())) + " %";
        return absolute + " (" + relative + ")";
    }

    /**
     * A number rounded half-up to {@code digits} decimals with a decimal comma and thousands dots:
     * (1234.567, 1) → "1.234,6", (0.5, 2) → "0,50". Null → "–" (nothing to show, e.g. no coverage
     * index where no offer is expected).
     */
    public static String decimal(Double value, int digits) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP));
    }

    /** Delta versions as a report states them: "gold.coverage_gaps v7, gold.supply_matrix v3" (sorted by table). */
    public static String versions(java.util.Map<String, Long> versions) {
        return versions.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " v" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** "Oktober 2026". */
    public static String monthYear(YearMonth month) {
        return MONTH_YEAR.format(requireNonNull(month, "month is null"));
    }

    /** "Okt. 2026" (CLDR abbreviations: "Mai 2026", "Sept. 2026"). */
    public static String shortMonthYear(YearMonth month) {
        return SHORT_MONTH_YEAR.format(requireNonNull(month, "month is null"));
    }

    /** "10/2026". */
    public static String numericMonth(YearMonth month) {
        return NUMERIC_MONTH.format(requireNonNull(month, "month is null"));
    }

    /** "01.10.2026". */
    public static String date(java.time.LocalDate date) {
        return DATE.format(date);
    }


    /** "22.11.2026 21:15", local time in Europe/Berlin. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(requireNonNull(instant, "instant is null").atZone(ZONE));
    }

    private static String signed(long signum, String magnitude) {
        if (signum > 0) {
            return "+" + magnitude;
        }
        if (signum < 0) {
            return "-" + magnitude;
        }
        return magnitude;
    }

    private static NumberFormat integerFormat() {
        // NumberFormat is not thread-safe; a new instance per call is cheap enough for reports.
        NumberFormat format = NumberFormat.getIntegerInstance(LOCALE);
        format.setGroupingUsed(true);
        return format;
    }
}
