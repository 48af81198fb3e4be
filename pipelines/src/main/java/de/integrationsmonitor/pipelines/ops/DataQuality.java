package de.integrationsmonitor.pipelines.ops;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.QualityCheck;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Runs every check declared in the table catalog and appends the results to ops.dq_results. */
public final class DataQuality {
    private static final int EXAMPLES = 5;

    private final Warehouse warehouse;

    public DataQuality(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    /** The outcome of one check: how many rows fail, a few examples, and the German sentence. */
    public record Result(QualityCheck check, TableDef table, long failingRows, List<String> examples) {
        public String message() {
            return check.message().replace("{n}", String.format(Locale.GERMANY, "%,d", failingRows));
        }
    }

    public List<Result> run(String runId, Instant checkedAt) {
        warehouse.registerExisting();
        List<Result> results = new ArrayList<>();
        for (TableDef table : TableCatalog.all()) {
            if (table.checks().isEmpty() || !warehouse.exists(table)) {
                continue;
            }
            for (QualityCheck check : table.checks()) {
                Dataset<Row> failing = warehouse.spark().sql(check.sqlFor(table)).cache();
                long count = failing.count();
                List<String> examples = count == 0 ? List.of()
                        : failing.select("detail").limit(EXAMPLES).collectAsList().stream().map(r -> r.getString(0)).toList();
                failing.unpersist();
                results.add(new Result(check, table, count, examples));
            }
        }
        List<Row> rows = results.stream().map(r -> RowFactory.create(r.check().name(), r.table().qualifiedName(),
                r.check().severity().name().toLowerCase(Locale.ROOT), r.failingRows(), runId, r.message(),
                r.examples().isEmpty() ? null : String.join("; ", r.examples()), Timestamp.from(checkedAt))).toList();
        warehouse.append(TableCatalog.OPS_DQ_RESULTS, warehouse.spark().createDataFrame(rows, TableCatalog.OPS_DQ_RESULTS.schema()));
        return results;
    }
}
