package de.integrationsmonitor.reports.workshops;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Reads the Workshop-Auswertung of one Kreis (workshops of the Kreis itself and of its Gemeinden) from gold. */
public final class WorkshopReportQueries {
    private final Warehouse warehouse;

    public WorkshopReportQueries(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    public WorkshopReportData load(String kreisId, YearMonth reportMonth, Map<String, String> categories, String runId,
                                   Instant generatedAt) {
        Map<String, String> names = new HashMap<>();
        List<String> units = new ArrayList<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_ORG_UNITS).select("org_unit_id", "name", "kreis_id", "level").collectAsList()) {
            names.put(row.getString(0), row.getString(1));
            if (kreisId.equals(row.getString(2)) && (OrgLevel.KREIS.is(row.getString(3)) || OrgLevel.GEMEINDE.is(row.getString(3)))) {
                units.add(row.getString(0));
            }
        }
        Map<String, Long> versions = warehouse.currentVersions(List.of(TableCatalog.GOLD_WORKSHOP_EVALUATION, TableCatalog.GOLD_WORKSHOP_STATEMENTS));
        Map<String, WorkshopRow> workshops = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_WORKSHOP_EVALUATION).filter(col("org_unit_id").isin(units.toArray())),
                "workshop_date", "workshop_id")) {
            String id = row.getAs("workshop_id");
            counts.computeIfAbsent(id, k -> new HashMap<>()).put(row.getAs("weather"), row.<Long>getAs("statements"));
            workshops.putIfAbsent(id, new WorkshopRow(id, row.getAs("title"), row.getAs("field_of_action"),
                    row.<java.sql.Date>getAs("workshop_date").toLocalDate(), names.get(row.<String>getAs("org_unit_id")),
                    row.getAs("venue"), row.getAs("participants"), Map.of()));
        }
        List<WorkshopRow> rows = new ArrayList<>();
        workshops.values().forEach(w -> rows.add(new WorkshopRow(w.workshopId(), w.title(), w.fieldOfAction(), w.date(), w.place(),
                w.venue(), w.participants(), counts.get(w.workshopId()))));
        List<StatementRow> statements = new ArrayList<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_WORKSHOP_STATEMENTS).filter(col("org_unit_id").isin(units.toArray()))
                .collectAsList()) {
            Integer order = row.getAs("statement_order");
            statements.add(new StatementRow(row.getAs("field_of_action"), row.getAs("workshop_id"),
                    row.<java.sql.Date>getAs("workshop_date").toLocalDate(), row.getAs("weather"), row.getAs("statement"),
                    order == null ? 0 : order));
        }
        return new WorkshopReportData(reportMonth, names.getOrDefault(kreisId, kreisId), rows, statements, categories, versions, runId,
                generatedAt);
    }
}
