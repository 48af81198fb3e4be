package de.integrationsmonitor.pipelines.ops;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.QualityCheck;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Runs every check declared in the table catalog and appends the results to ops.dq_results. */
public final class DataQuality {
    private static final int EXAMPLES = 5;

    private final Warehouse warehouse;

    public DataQuality(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    /** A catalog table's qualified name in SQL text (not part of a longer name). */
    private static final Pattern TABLE_NAME = Pattern.compile("(?<![\\w.`])(" + TableCatalog.all().stream()
            .map(TableDef::qualifiedName).sorted(java.util.Comparator.comparing(String::length).reversed()).map(Pattern::quote)
            .collect(Collectors.joining("|")) + ")(?![\\w`])");

    /**
     * The query with each catalog table it names replaced by a view of that table as this run sees it
     * ({@link Warehouse#read}): the version the run committed, and for a table the run wrote whole, the rows it kept,
     * so the checks need no Delta snapshot or file listing of the versions just written.
     */
    private String onRunViews(String sql) {
        Map<String, TableDef> byName = new HashMap<>();
        TableCatalog.all().forEach(table -> byName.put(table.qualifiedName(), table));
        Map<String, String> views = new HashMap<>();
        Matcher names = TABLE_NAME.matcher(sql);
        StringBuilder rewritten = new StringBuilder();
        while (names.find()) {
            TableDef table = byName.get(names.group(1));
            String view = views.computeIfAbsent(table.qualifiedName(), name -> {
                String viewName = "dq_" + table.layer().schemaName() + "_" + table.name();
                warehouse.read(table).createOrReplaceTempView(viewName);
                return viewName;
            });
            names.appendReplacement(rewritten, Matcher.quoteReplacement(view));
        }
        names.appendTail(rewritten);
        return rewritten.toString();
    }

    /** The outcome of one check: how many rows fail, a few examples, and the German sentence. */
    public record Result(QualityCheck check, TableDef table, long failingRows, List<String> examples) {
        public String message() {
            return check.message().replace("{n}", String.format(Locale.GERMANY, "%,d", failingRows));
        }
    }

    /**
     * Runs every check of the catalog whose table exists, all in one Spark query: the failing rows of each check,
     * tagged with the check's number, are unioned, and per check come back the number of failing rows and the first
     * {@value #EXAMPLES} details in sort order. One job (plus the broadcasts of the relationship checks) instead of a
     * count and a collect per check.
     */
    public List<Result> run(String runId, Instant checkedAt) {
        warehouse.registerExisting();
        List<QualityCheck> checks = new ArrayList<>();
        List<TableDef> tables = new ArrayList<>();
        for (TableDef table : TableCatalog.all()) {
            if (!table.checks().isEmpty() && warehouse.exists(table)) {
                for (QualityCheck check : table.checks()) {
                    checks.add(check);
                    tables.add(table);
                }
            }
        }
        long[] counts = new long[checks.size()];
        List<List<String>> examples = new ArrayList<>();
        checks.forEach(check -> examples.add(new ArrayList<>()));
        if (!checks.isEmpty()) {
            StringBuilder failing = new StringBuilder();
            for (int i = 0; i < checks.size(); i++) {
                failing.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS check_id, detail FROM (")
                        .append(checks.get(i).sqlFor(tables.get(i))).append(")");
            }
            String summary = "SELECT check_id, detail, n FROM (SELECT check_id, detail, "
                    + "row_number() OVER (PARTITION BY check_id ORDER BY detail) AS example, count(*) OVER (PARTITION BY check_id) AS n "
                    + "FROM (" + failing + ")) WHERE example <= " + EXAMPLES;
            for (Row row : Frames.collectSorted(warehouse.spark().sql(onRunViews(summary)), "check_id", "example")) {
                int check = row.getInt(0);
                counts[check] = row.getLong(2);
                if (!row.isNullAt(1)) {
                    examples.get(check).add(row.getString(1));
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            results.add(new Result(checks.get(i), tables.get(i), counts[i], List.copyOf(examples.get(i))));
        }
        List<Row> rows = results.stream().map(r -> RowFactory.create(r.check().name(), r.table().qualifiedName(),
                r.check().severity().name().toLowerCase(Locale.ROOT), r.failingRows(), runId, r.message(),
                r.examples().isEmpty() ? null : String.join("; ", r.examples()), Timestamp.from(checkedAt))).toList();
        warehouse.append(TableCatalog.OPS_DQ_RESULTS, warehouse.spark().createDataFrame(rows, TableCatalog.OPS_DQ_RESULTS.schema()));
        return results;
    }
}
