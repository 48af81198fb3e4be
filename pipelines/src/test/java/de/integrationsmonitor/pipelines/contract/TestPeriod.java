package de.integrationsmonitor.pipelines.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestPeriod {
    @Test
    void parsesTheThreePeriodForms() {
        assertThat(Period.parse("2026-03")).isEqualTo(new Period(Period.Type.MONTH, 2026, 3));
        assertThat(Period.parse("2026-Q2")).isEqualTo(new Period(Period.Type.QUARTER, 2026, 2));
        assertThat(Period.parse("2026")).isEqualTo(new Period(Period.Type.YEAR, 2026, 1));
        assertThat(Period.parse("2026-Q2").firstMonth()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(Period.parse("2025-Q4").start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(Period.parse("2026").firstMonth()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(Period.parse("2026-Q2")).hasToString("2026-Q2");
        assertThat(Period.parse("2026-03")).hasToString("2026-03");
        assertThat(Period.Type.QUARTER.code()).isEqualTo("Quartal");
    }

    @Test
    void refusesWhatIsNoPeriod() {
        for (String text : List.of("2026-13", "2026-Q5", "2026-Q0", "26-03", "2026/03", "")) {
            assertThatThrownBy(() -> Period.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theSqlStartIsTheJavaStart(SparkSession spark) {
        List<String> periods = List.of("2026-03", "2026-Q1", "2026-Q2", "2025-Q4", "2026");
        List<Row> rows = spark.createDataset(periods, org.apache.spark.sql.Encoders.STRING()).toDF("period")
                .selectExpr("period", Period.startSql("period") + " AS start").collectAsList();
        for (Row row : rows) {
            assertThat(row.<Date>getAs("start").toLocalDate()).as(row.getString(0)).isEqualTo(Period.parse(row.getString(0)).start());
        }
        assertThat(rows).hasSize(5);
    }
}
