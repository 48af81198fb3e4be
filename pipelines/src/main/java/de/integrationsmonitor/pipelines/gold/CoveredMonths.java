package de.integrationsmonitor.pipelines.gold;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The months every monthly output covers: from the earliest snapshot's month up to the report month. */
public final class CoveredMonths {
    public static final StructType SCHEMA = StructType.fromDDL("month STRING NOT NULL, month_start DATE NOT NULL, "
            + "month_end DATE NOT NULL, previous_month STRING NOT NULL, is_first BOOLEAN NOT NULL");

    private CoveredMonths() {}

    /**
     * The covered months of a run: from the month of the earliest offers snapshot up to the report month.
     * A report month before the first snapshot has no offers state and is refused with a German message.
     */
    public static List<YearMonth> forRun(YearMonth firstSnapshotMonth, YearMonth reportMonth) {
        if (reportMonth.isBefore(firstSnapshotMonth)) {
            throw new UserException(ErrorCategory.INPUT, "Berichtsmonat " + reportMonth + " liegt vor dem ersten Angebotsstand (" + firstSnapshotMonth
                    + "); für diesen Monat gibt es keine Daten.");
        }
        return between(firstSnapshotMonth, reportMonth);
    }

    public static List<YearMonth> between(YearMonth first, YearMonth last) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** One row per covered month with its first and last day and the month before. */
    public static Dataset<Row> frame(SparkSession spark, List<YearMonth> months) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            rows.add(RowFactory.create(month.toString(), java.sql.Date.valueOf(month.atDay(1)),
                    java.sql.Date.valueOf(month.atEndOfMonth()), month.minusMonths(1).toString(), i == 0));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
