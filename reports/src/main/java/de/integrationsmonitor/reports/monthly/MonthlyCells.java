package de.integrationsmonitor.reports.monthly;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The counts of persons the Monatsbericht (PDF and XLSX) shows, as cells of the run's {@link DisclosurePlan}: the
 * area's key figures of the month, the month before and the year before, the trend, the Gemeinde table with its
 * "Summe" (the key figure of the month), the categories and the largest gaps' demand.
 */
public final class MonthlyCells {
    static final String CATEGORY_PARTICIPANTS = "Teilnehmende nach Kategorie";

    /** The person columns of the Gemeinde table, by the key figure their "Summe" equals. */
    static final List<String> MUNICIPALITY_MEASURES = List.of(KeyFigure.PARTICIPANTS, KeyFigure.FEMALE, KeyFigure.NEWCOMERS);
    static final List<ToLongFunction<MunicipalityRow>> MUNICIPALITY_COLUMNS = List.of(
            MunicipalityRow::participants, MunicipalityRow::participantsFemale, MunicipalityRow::participantsNewcomers);

    private MonthlyCells() {}

    /** Registers every count of persons of {@code data}, and the sums between them, with {@code plan}. */
    public static void register(MonthlyReportData data, DisclosurePlan.Builder plan) {
        for (KeyFigure figure : data.keyFigures()) {
            if (!figure.persons()) {
                continue;
            }
            Long[] values = {figure.value(), figure.previousMonth(), figure.previousYear()};
            YearMonth[] months = {data.month(), data.month().minusMonths(1), data.month().minusYears(1)};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    plan.count(figure(data, figure.label(), months[i]), values[i]);
                }
            }
        }
        for (MonthPoint point : data.trend()) {
            plan.count(figure(data, KeyFigure.PARTICIPANTS, point.month()), point.participants());
        }
        for (int c = 0; c < MUNICIPALITY_MEASURES.size(); c++) {
            String measure = MUNICIPALITY_MEASURES.get(c);
            List<Cell> parts = new ArrayList<>();
            long sum = 0;
            for (MunicipalityRow row : data.municipalities()) {
                Cell cell = municipality(data, row, measure);
                long value = MUNICIPALITY_COLUMNS.get(c).applyAsLong(row);
                plan.count(cell, value);
                parts.add(cell);
                sum += value;
            }
            Cell total = municipalityTotal(data, measure, sum);
            plan.count(total, sum);
            plan.sum(total, parts);
        }
        for (CategoryRow row : data.categories()) {
            plan.count(category(data, row), row.participants());
        }
        for (TopGap gap : data.topGaps()) {
            plan.count(gap.demandCell(), gap.demand());
        }
    }

    /** An area's key figure in {@code month}; the Landesübersicht shows the same cells. */
    static Cell figure(MonthlyReportData data, String measure, YearMonth month) {
        return Cell.area(measure, data.areaName(), month);
    }

    static Cell municipality(MonthlyReportData data, MunicipalityRow row, String measure) {
        return new Cell(measure, data.areaName() + " / " + row.name(), data.month());
    }

    /**
     * The "Summe" of a person column: the area's key figure of the month, which it equals (the table has a
     * "kreisweit" row for the area's own records); a cell of its own should a key figure ever differ.
     */
    static Cell municipalityTotal(MonthlyReportData data, String measure, long sum) {
        Long figure = data.keyFigures().stream().filter(f -> f.label().equals(measure)).map(KeyFigure::value).findFirst().orElse(null);
        return figure != null && figure == sum ? figure(data, measure, data.month())
                : new Cell(measure, data.areaName(), data.month(), "Summe der Gemeinden");
    }

    static Cell category(MonthlyReportData data, CategoryRow row) {
        return new Cell(CATEGORY_PARTICIPANTS, data.areaName(), data.month(), row.label());
    }

    /** Whether the key figure's value of {@code month} is shown as "•" (never for a figure that counts no persons). */
    static boolean hidden(DisclosurePlan plan, MonthlyReportData data, KeyFigure figure, Long value, YearMonth month) {
        return figure.persons() && value != null && plan.hidden(figure(data, figure.label(), month));
    }

    /** The trend months whose participants are shown as "•". */
    static Set<YearMonth> hiddenTrendMonths(DisclosurePlan plan, MonthlyReportData data) {
        Set<YearMonth> hidden = new HashSet<>();
        for (MonthPoint point : data.trend()) {
            if (plan.hidden(figure(data, KeyFigure.PARTICIPANTS, point.month()))) {
                hidden.add(point.month());
            }
        }
        return hidden;
    }
}
