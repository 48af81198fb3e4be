package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a data set covers: offers snapshot dates and the participation months.
 *
 * @param snapshotDates dates of the full offers snapshots, ascending
 * @param firstMonth    first participation month (one file per month)
 * @param lastMonth     last participation month, the data is "as of" this month
 */
record Timeline(List<LocalDate> snapshotDates, YearMonth firstMonth, YearMonth lastMonth) {

    /** Autumn 2026: four snapshots and twelve months of participation. */
    static final Timeline SAMPLE = new Timeline(
            List.of(LocalDate.of(2025, 11, 3), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)),
            YearMonth.of(2025, 11),
            YearMonth.of(2026, 10));

    /** The month the generated data is "as of" (the sample's last month). */
    static final YearMonth AS_OF = YearMonth.of(2026, 10);

    /** {@code months} months up to {@link #AS_OF}, with one offers snapshot on the first day of every month. */
    static Timeline monthly(int months) {
        YearMonth first = AS_OF.minusMonths(months - 1L);
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(AS_OF); month = month.plusMonths(1)) {
            dates.add(month.atDay(1));
        }
        return new Timeline(dates, first, AS_OF);
    }

    Timeline {
        snapshotDates = List.copyOf(requireNonNull(snapshotDates, "snapshotDates is null"));
        requireNonNull(firstMonth, "firstMonth is null");
        requireNonNull(lastMonth, "lastMonth is null");
        if (snapshotDates.isEmpty()) {
            throw new IllegalArgumentException("at least one snapshot date is needed");
        }
        if (lastMonth.isBefore(firstMonth)) {
            throw new IllegalArgumentException("lastMonth " + lastMonth + " is before firstMonth " + firstMonth);
        }
    }

    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** Index of the latest snapshot dated on or before the last day of {@code month}, or -1. */
    int snapshotIndexFor(YearMonth month) {
        int index = -1;
        for (int i = 0; i < snapshotDates.size(); i++) {
            if (!snapshotDates.get(i).isAfter(month.atEndOfMonth())) {
                index = i;
            }
        }
        return index;
    }
}
