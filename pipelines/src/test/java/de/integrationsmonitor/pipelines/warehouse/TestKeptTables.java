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
 * With {@link Warehouse#KEEP_WRITTEN_TABLES} (small deliveries and the tests' session), a table the warehouse object
 * replaced completely is read back from the rows it wrote, not from Delta; a partial replacement or an append makes
 * the next read go to Delta again. Either way a read gives the table's content.
 */
@ExtendWith(SharedSparkSession.class)
class TestKeptTables {
    private static final TableDef TABLE = TableCatalog.SILVER_DEMAND;

    @Test
    void aReplacedTableIsReadFromTheRowsWrittenUntilAPartialReplacement(SparkSession spark, @TempDir Path temp) {
        assertThat(spark.conf().get(Warehouse.KEEP_WRITTEN_TABLES)).isEqualTo("true");
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        warehouse.overwrite(TABLE, demand(spark, "05562004", "ar", 120L, "05562008", "ar", 40L));

        Dataset<Row> kept = warehouse.read(TABLE);
        assertThat(readsDelta(kept)).as("kept rows, no Delta scan").isFalse();
        assertThat(rows(kept)).containsExactly("05562004|ar|120", "05562008|ar|40");
        assertThat(rows(new Warehouse(spark, temp.toString()).read(TABLE))).as("what Delta holds")
                .containsExactly("05562004|ar|120", "05562008|ar|40");
        assertThat(warehouse.ledger()).singleElement().satisfies(use -> {
            assertThat(use.versionRead()).as("the version written").isEqualTo(use.versionWritten());
            assertThat(use.rowsWritten()).isEqualTo(2L);
        });

        warehouse.replaceWhere(TABLE, "org_unit_id = '05562008'", demand(spark, "05562008", "ar", 45L));
        Dataset<Row> afterPartial = warehouse.read(TABLE);
        assertThat(readsDelta(afterPartial)).as("read from Delta again").isTrue();
        assertThat(rows(afterPartial)).containsExactly("05562004|ar|120", "05562008|ar|45");

        warehouse.overwrite(TABLE, demand(spark, "05562004", "tr", 7L));
        assertThat(rows(warehouse.read(TABLE))).containsExactly("05562004|tr|7");
        warehouse.append(TABLE, demand(spark, "05562008", "tr", 3L));
        assertThat(readsDelta(warehouse.read(TABLE))).isTrue();
        assertThat(rows(warehouse.read(TABLE))).containsExactly("05562004|tr|7", "05562008|tr|3");
    }

    @Test
    void aTableCreatedByAPartialReplacementIsKeptWithItsRows(SparkSession spark, @TempDir Path temp) {
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        warehouse.replaceWhere(TABLE, "org_unit_id = '05562004'", demand(spark, "05562004", "uk", 31L));

        assertThat(readsDelta(warehouse.read(TABLE))).isFalse();
        assertThat(rows(warehouse.read(TABLE))).containsExactly("05562004|uk|31");
        assertThat(rows(new Warehouse(spark, temp.toString()).read(TABLE))).containsExactly("05562004|uk|31");
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
