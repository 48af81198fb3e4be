package de.integrationsmonitor.cli;

import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.apache.spark.sql.Row;

/**
 * The instant behind {@code --as-of}: the end of an earlier run (its id in ops.run_log), an ISO
 * instant ("2026-11-22T22:00:00Z"), a local date-time or date in Europe/Berlin ("2026-11-22T23:00",
 * "2026-11-22" = the end of that day).
 */
record AsOf(Instant instant, String runId, YearMonth reportMonth) {
    static AsOf resolve(String text, Warehouse live) {
        String value = text.strip();
        Row run = live.exists(TableCatalog.OPS_RUN_LOG) ? live.read(TableCatalog.OPS_RUN_LOG)
                .filter(col("run_id").equalTo(value).and(col("status").equalTo("succeeded"))).select("finished_at", "report_month")
                .first() : null;
        if (run != null && !run.isNullAt(0)) {
            return new AsOf(run.getTimestamp(0).toInstant(), value, run.isNullAt(1) ? null : YearMonth.parse(run.getString(1)));
        }
        try {
            return new AsOf(Instant.parse(value), null, null);
        } catch (DateTimeParseException notInstant) {
            try {
                return new AsOf(LocalDateTime.parse(value).atZone(GermanFormat.ZONE).toInstant(), null, null);
            } catch (DateTimeParseException notLocal) {
                try {
                    return new AsOf(LocalDate.parse(value).plusDays(1).atStartOfDay(GermanFormat.ZONE).toInstant().minusMillis(1),
                            null, null);
                } catch (DateTimeParseException notDate) {
                    throw new UserException(ErrorCategory.USAGE, "--as-of erwartet eine Lauf-ID aus ops.run_log (erfolgreicher Lauf) oder einen Zeitpunkt "
                            + "wie 2026-11-22T23:00 oder 2026-11-22, nicht '" + text + "'.");
                }
            }
        }
    }

    /** The run's month, else the latest month in gold.kpi_monthly as it stood then. */
    YearMonth reportMonth(Warehouse then) {
        if (reportMonth != null) {
            return reportMonth;
        }
        Row latest = then.read(TableCatalog.GOLD_KPI_MONTHLY).agg(org.apache.spark.sql.functions.max("month")).first();
        if (latest.isNullAt(0)) {
            throw new UserException(ErrorCategory.WAREHOUSE, "Zum Zeitpunkt " + describe() + " enthielt das Warehouse noch keine Auswertung.");
        }
        return YearMonth.parse(latest.getString(0));
    }

    /** "Lauf 20261122T231533Z-924c (22.11.2026 23:16)" or "22.11.2026 23:00". */
    String describe() {
        return (runId == null ? "" : "Lauf " + runId + " (") + GermanFormat.dateTime(instant) + (runId == null ? "" : ")");
    }
}
