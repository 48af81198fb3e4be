package de.integrationsmonitor.pipelines.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@link Warehouse#KEEP_TABLES} (small deliveries and the tests' session), the warehouse object keeps each
 * table's current version on the driver: a table it replaced completely as the rows it wrote, any other table as read
 * from Delta on its first read. A partial replacement or an append drops the kept rows; the next read loads the new
 * version. Either way a read gives the table's content, which the checks compare with what Delta holds.
 */
@ExtendWith(SharedSparkSession.class)
class TestKeptTables {
    private static final TableDef TABLE = TableCatalog.SILVER_DEMAND;

    @Test
    void aReplacedTableIsReadFromTheRowsWrittenUntilAPartialReplacement(SparkSession spark, @TempDir Path temp) {
        assertThat(spark.conf().get(Warehouse.KEEP_TABLES)).isEqualTo("true");
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        warehouse.overwrite(TABLE, demand(spark, "05562004", "ar", 120L, "05562008", "ar", 40L));

        Dataset<Row> kept = warehouse.read(TABLE);
        assertThat(readsDelta(kept)).as("kept rows, no Delta scan").isFalse();
        assertThat(warehouse.read(TABLE)).as("the same rows on every read").isSameAs(kept);
        assertThat(rows(kept)).containsExactly("05562004|ar|120", "05562008|ar|40");
        assertThat(rows(deltaContent(spark, temp))).as("what Delta holds").containsExactly("05562004|ar|120", "05562008|ar|40");
        assertThat(warehouse.ledger()).singleElement().satisfies(use -> {
            assertThat(use.versionRead()).as("the version written").isEqualTo(use.versionWritten());
            assertThat(use.rowsWritten()).isEqualTo(2L);
        });

        warehouse.replaceWhere(TABLE, "org_unit_id = '05562008'", demand(spark, "05562008", "ar", 45L));
        Dataset<Row> afterPartial = warehouse.read(TABLE);
        assertThat(afterPartial).as("the new version, loaded once").isNotSameAs(kept).isSameAs(warehouse.read(TABLE));
        assertThat(rows(afterPartial)).containsExactly("05562004|ar|120", "05562008|ar|45");

        warehouse.overwrite(TABLE, demand(spark, "05562004", "tr", 7L));
        assertThat(rows(warehouse.read(TABLE))).containsExactly("05562004|tr|7");
        warehouse.append(TABLE, demand(spark, "05562008", "tr", 3L));
        assertThat(rows(warehouse.read(TABLE))).containsExactly("05562004|tr|7", "05562008|tr|3");
        assertThat(rows(deltaContent(spark, temp))).containsExactly("05562004|tr|7", "05562008|tr|3");
    }

    @Test
    void aTableWrittenEarlierIsLoadedOnceOnItsFirstRead(SparkSession spark, @TempDir Path temp) {
        new Warehouse(spark, temp.toString()).overwrite(TABLE, demand(spark, "05562004", "ar", 120L));
        Warehouse later = new Warehouse(spark, temp.toString());

        Dataset<Row> first = later.read(TABLE);
        assertThat(readsDelta(first)).isFalse();
        assertThat(later.read(TABLE)).isSameAs(first);
        assertThat(rows(first)).containsExactly("05562004|ar|120");
    }

    @Test
    void aScanReadsDeltaAndKeepsNothing(SparkSession spark, @TempDir Path temp) {
        new Warehouse(spark, temp.toString()).overwrite(TABLE, demand(spark, "05562004", "ar", 120L));
        Warehouse later = new Warehouse(spark, temp.toString());

        Dataset<Row> scanned = later.scan(TABLE);
        assertThat(readsDelta(scanned)).as("a Delta scan, for one query over a slice").isTrue();
        assertThat(rows(scanned)).containsExactly("05562004|ar|120");
        assertThat(later.ledger()).singleElement().satisfies(use -> assertThat(use.versionRead()).isEqualTo(later.currentVersion(TABLE)));
        Dataset<Row> read = later.read(TABLE);
        assertThat(readsDelta(read)).as("the scan kept nothing: the first read loads the rows").isFalse();
        assertThat(later.scan(TABLE)).as("rows kept by then serve the scan too").isSameAs(read);
    }

    @Test
    void aCompleteReplacementWithTheSameRowsCommitsNothing(SparkSession spark, @TempDir Path temp) {
        new Warehouse(spark, temp.toString()).overwrite(TABLE, demand(spark, "05562004", "ar", 120L, "05562008", "ar", 40L));
        Warehouse rerun = new Warehouse(spark, temp.toString());
        long before = rerun.currentVersion(TABLE);

        rerun.overwrite(TABLE, demand(spark, "05562008", "ar", 40L, "05562004", "ar", 120L)); // same rows, other order
        assertThat(new Warehouse(spark, temp.toString()).currentVersion(TABLE)).as("no commit").isEqualTo(before);
        assertThat(rerun.ledger()).singleElement().satisfies(use -> {
            assertThat(use.versionRead()).as("the version compared with").isEqualTo(before);
            assertThat(use.versionWritten()).isNull();
        });

        rerun.overwrite(TABLE, demand(spark, "05562004", "ar", 120L, "05562008", "ar", 41L));
        assertThat(new Warehouse(spark, temp.toString()).currentVersion(TABLE)).isEqualTo(before + 1);
        assertThat(rows(deltaContent(spark, temp))).containsExactly("05562004|ar|120", "05562008|ar|41");
        rerun.overwrite(TABLE, demand(spark, "05562004", "ar", 120L, "05562004", "ar", 120L, "05562008", "ar", 41L));
        assertThat(rows(deltaContent(spark, temp))).as("a duplicate row is a change").hasSize(3);
    }

    @Test
    void aTableCreatedByAPartialReplacementIsKeptWithItsRows(SparkSession spark, @TempDir Path temp) {
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        warehouse.replaceWhere(TABLE, "org_unit_id = '05562004'", demand(spark, "05562004", "uk", 31L));

        assertThat(readsDelta(warehouse.read(TABLE))).isFalse();
        assertThat(rows(warehouse.read(TABLE))).containsExactly("05562004|uk|31");
        assertThat(rows(deltaContent(spark, temp))).containsExactly("05562004|uk|31");
    }

    /** The table as Delta holds it: read with the setting off, which is how spark-submit and large runs read. */
    private static Dataset<Row> deltaContent(SparkSession spark, Path temp) {
        spark.conf().set(Warehouse.KEEP_TABLES, "false");
        try {
            Dataset<Row> rows = new Warehouse(spark, temp.toString()).read(TABLE);
            assertThat(readsDelta(rows)).isTrue();
            return spark.createDataFrame(rows.collectAsList(), rows.schema());
        } finally {
            spark.conf().set(Warehouse.KEEP_TABLES, "true");
        }
    }

    private static Dataset<Row> demand(SparkSession spark, Object... values) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i += 3) {
            Object[] row = new Object[TABLE.schema().size()];
            row[TABLE.schema().fieldIndex("org_unit_id")] = values[i];
            row[TABLE.schema().fieldIndex("dimension")] = "language";
            row[TABLE.schema().fieldIndex("value")] = values[i + 1];
            row[TABLE.schema().fieldIndex("persons")] = values[i + 2];
            rows.add(org.apache.spark.sql.RowFactory.create(row));
        }
        return spark.createDataFrame(rows, TABLE.schema());
    }

    /** A Delta read plans a file scan; kept rows are a local relation, which {@link Dataset#isLocal()} reports. */
    private static boolean readsDelta(Dataset<Row> rows) {
        return !rows.isLocal();
    }

    private static List<String> rows(Dataset<Row> rows) {
        return rows.orderBy("org_unit_id", "value").collectAsList().stream()
                .map(r -> r.getAs("org_unit_id") + "|" + r.getAs("value") + "|" + r.getAs("persons")).toList();
    }
}
