package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.AttainmentStatus;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.OfferStatus;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.render.GermanReasons;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Reads what the Monatsbericht shows from the gold tables (and this run's checks and file log from ops). */
public final class MonthlyReportQueries {
    private static final int TREND_MONTHS = 12;

    private final Warehouse warehouse;

    public MonthlyReportQueries(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    /** One org unit's key figures for one month, as stored in gold.kpi_monthly. */
    record Kpi(long offersActive, Long offersNew, Long offersEnded, long events, long participants, long participantsFemale,
               long participantsNewcomers, long workshops, long workshopParticipants) {
        static Kpi of(Row row) {
            return new Kpi(row.getAs("offers_active"), row.getAs("offers_new"), row.getAs("offers_ended"), row.getAs("events"),
                    row.getAs("participants"), row.getAs("participants_female"), row.getAs("participants_newcomers"),
                    row.getAs("workshops"), row.getAs("workshop_participants"));
        }
    }

    /** Label of the category row for events not tied to an offer (e.g. KOMM-AN events of the Kreis). */
    static final String WITHOUT_OFFER_LABEL = "ohne Angebotsbezug (z. B. Programmveranstaltungen)";
    /** Label of the category row for events of an offer that is not in the month's offers state. */
    static final String OFFER_NOT_ACTIVE_LABEL = "Angebot im Monat nicht aktiv";

    /**
     * @param categoryLabels display label per category code, in display order (conf/vocabularies.csv)
     */
    public MonthlyReportData load(String areaId, YearMonth month, String runId, Instant generatedAt,
                                  Map<String, String> categoryLabels) {
        Map<String, String> names = new HashMap<>();
        List<String> gemeinden = new ArrayList<>();
        // every unit of the area (Kreis, Gemeinden, Stadtteile), and the names and ids of all others: the report's
        // data-quality examples name no unit outside the area
        java.util.Set<String> areaUnits = new java.util.HashSet<>();
        java.util.Set<String> foreign = new java.util.HashSet<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_ORG_UNITS).select("org_unit_id", "name", "level", "kreis_id").collectAsList()) {
            names.put(row.getString(0), row.getString(1));
            if (OrgLevel.GEMEINDE.is(row.getString(2)) && areaId.equals(row.getString(3))) {
                gemeinden.add(row.getString(0));
            }
            boolean inArea = areaId.equals(row.getString(3)) || areaId.equals(row.getString(0));
            if (inArea) {
                areaUnits.add(row.getString(0));
            } else if (OrgLevel.KREIS.is(row.getString(2)) || OrgLevel.GEMEINDE.is(row.getString(2)) || OrgLevel.STADTTEIL.is(row.getString(2))) {
                foreign.add(row.getString(0));
                foreign.add(row.getString(1));
            }
        }
        areaUnits.forEach(id -> foreign.remove(names.get(id)));
        if (!names.containsKey(areaId)) {
            throw new UserException(ErrorCategory.CONFIG, "Berichtsgebiet " + areaId + " ist in reference/org_units.csv nicht bekannt.");
        }
        Map<String, Map<YearMonth, Kpi>> kpis = new HashMap<>();
        List<String> units = new ArrayList<>(gemeinden);
        units.add(areaId);
        for (Row row : warehouse.read(TableCatalog.GOLD_KPI_MONTHLY).filter(col("org_unit_id").isin(units.toArray())).collectAsList()) {
            kpis.computeIfAbsent(row.getAs("org_unit_id"), id -> new HashMap<>())
                    .put(YearMonth.parse(row.getAs("month")), Kpi.of(row));
        }
        Map<YearMonth, Kpi> area = kpis.getOrDefault(areaId, Map.of());
        if (!area.containsKey(month)) {
            throw new UserException(ErrorCategory.REPORT, "Für " + month + " gibt es in gold.kpi_monthly keine Zeile für " + names.get(areaId) + ".");
        }
        List<String> projects = areaProjects(areaUnits);
        return new MonthlyReportData(month, names.get(areaId), generatedAt, runId,
                keyFigures(area, month), trend(area, month), municipalities(kpis, names, gemeinden, areaId, month),
                dataAsOf(month), dataQuality(runId, foreign), categories(units, month, categoryLabels), List.of(),
                projectStatus(projects), projectNote(projects));
    }

    /** The ids of the model projects run by one of {@code areaUnits} (empty without model projects). */
    List<String> areaProjects(java.util.Set<String> areaUnits) {
        if (!warehouse.exists(TableCatalog.GOLD_INDICATOR_TREND)) {
            return List.of();
        }
        return warehouse.read(TableCatalog.GOLD_MODEL_PROJECTS).filter(col("org_unit_id").isin(areaUnits.toArray()))
                .select("project_id").collectAsList().stream().map(row -> row.getString(0)).sorted().toList();
    }

    /** Latest reported status of the indicators of {@code projects}, counted per status (empty without projects). */
    List<de.integrationsmonitor.reports.monthly.ProjectStatus> projectStatus(List<String> projects) {
        if (projects.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_INDICATOR_TREND).filter(col("project_id").isin(projects.toArray()))
                .selectExpr("coalesce(latest_status, 'keine Daten') AS status").groupBy("status").count().collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return AttainmentStatus.labels().stream().filter(counts::containsKey)
                .map(status -> new de.integrationsmonitor.reports.monthly.ProjectStatus(status, counts.get(status))).toList();
    }

    /**
     * "2 Modellprojekte (Einwanderung gestalten NRW) mit 5 gemeldeten Indikatoren; …" for the area's projects; null
     * without projects.
     */
    String projectNote(List<String> projectIds) {
        if (projectIds.isEmpty()) {
            return null;
        }
        List<Row> projects = warehouse.read(TableCatalog.GOLD_MODEL_PROJECTS).filter(col("project_id").isin(projectIds.toArray()))
                .select("project_id", "program").collectAsList();
        long indicators = warehouse.read(TableCatalog.GOLD_INDICATOR_TREND).filter(col("project_id").isin(projectIds.toArray())).count();
        String programs = projects.stream().map(r -> r.getString(1)).distinct().sorted().collect(java.util.stream.Collectors.joining(", "));
        return projects.size() + (projects.size() == 1 ? " Modellprojekt (" : " Modellprojekte (") + programs + ") mit " + indicators
                + (indicators == 1 ? " gemeldeten Indikator" : " gemeldeten Indikatoren")
                + "; jüngster gemeldeter Status je Indikator. Einzelheiten in der Modellprojekt-Evaluation.";
    }

    /**
     * Events and participants of the month per category of the event's offer (the offer's version
     * active in the month; an offer with several categories counts in each), for the area's Gemeinden
     * and the area itself; events without an offer get their own row.
     */
    List<CategoryRow> categories(List<String> units, YearMonth month, Map<String, String> categoryLabels) {
        // An active offer without category shares the row of offers not active in the month, as it always has.
        org.apache.spark.sql.Column rowKey = org.apache.spark.sql.functions
                .when(col("offer_status").equalTo(OfferStatus.NO_OFFER.code()), WITHOUT_OFFER_LABEL)
                .when(col("category").isNull(), OFFER_NOT_ACTIVE_LABEL)
                .otherwise(col("category"));
        Map<String, long[]> totals = new HashMap<>();
        for (Row row : warehouse.read(TableCatalog.GOLD_EVENTS_BY_CATEGORY)
                .filter(col("month").equalTo(month.toString()).and(col("org_unit_id").isin(units.toArray())))
                .groupBy(rowKey.as("key"))
                .agg(org.apache.spark.sql.functions.sum("events"), org.apache.spark.sql.functions.sum("participants"))
                .collectAsList()) {
            totals.put(row.getString(0), new long[] {row.getLong(1), row.isNullAt(2) ? 0 : row.getLong(2)});
        }
        List<CategoryRow> rows = new ArrayList<>();
        categoryLabels.forEach((code, label) -> {
            long[] total = totals.getOrDefault(code, new long[2]);
            rows.add(new CategoryRow(label, total[0], total[1]));
        });
        for (String key : List.of(OFFER_NOT_ACTIVE_LABEL, WITHOUT_OFFER_LABEL)) {
            if (totals.containsKey(key)) {
                rows.add(new CategoryRow(key, totals.get(key)[0], totals.get(key)[1]));
            }
        }
        return rows;
    }

    /**
     * The latest event date of the month per Kreis or kreisfreie Stadt (its own events and its Gemeinden's), in one
     * query for all areas: each KI's report says how far its own participation is reported, not another area's.
     */
    public Map<String, java.time.LocalDate> latestEventByArea(YearMonth month) {
        org.apache.spark.sql.Dataset<Row> areas = warehouse.read(TableCatalog.GOLD_ORG_UNITS)
                .select(col("org_unit_id"), org.apache.spark.sql.functions.coalesce(col("kreis_id"), col("org_unit_id")).as("area_id"));
        Map<String, java.time.LocalDate> latest = new HashMap<>();
        // one month of the events, read from Delta (partition month): keeping the whole table would load every month
        for (Row row : warehouse.scan(TableCatalog.GOLD_EVENTS).filter(col("month").equalTo(month.toString()))
                .join(org.apache.spark.sql.functions.broadcast(areas), "org_unit_id")
                .groupBy("area_id").agg(org.apache.spark.sql.functions.max("event_date")).collectAsList()) {
            latest.put(row.getString(0), row.getDate(1).toLocalDate());
        }
        return latest;
    }

    /** The offers snapshot that describes the month and the latest event reported in it (over all areas). */
    DataAsOf dataAsOf(YearMonth month) {
        List<Row> rows = warehouse.read(TableCatalog.GOLD_DATA_AS_OF).filter(col("month").equalTo(month.toString()))
                .select("offers_snapshot_date", "latest_event_date").collectAsList();
        if (rows.isEmpty()) {
            return new DataAsOf(null, null);
        }
        Row row = rows.get(0);
        return new DataAsOf(row.isNullAt(0) ? null : row.getDate(0).toLocalDate(), row.isNullAt(1) ? null : row.getDate(1).toLocalDate());
    }

    /**
     * Failed checks of this run, rejected files, and quarantined rows by reason, in plain German. The checks run over
     * all areas: an example naming a unit of {@code foreign} (ids and names of other areas' units) is left out, and
     * where the warehouse knows other areas the note says that its count covers every area of the run.
     */
    List<QualityNote> dataQuality(String runId, java.util.Set<String> foreign) {
        List<QualityNote> notes = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.OPS_DQ_RESULTS)
                .filter(col("run_id").equalTo(runId).and(col("failing_rows").gt(0))), "severity", "table_name", "check_name")) {
            String examples = row.getAs("examples");
            String message = row.getAs("message");
            if (examples != null && !foreign.isEmpty()) {
                // the count covers the whole run (its examples are the first three of all areas)
                List<String> own = java.util.Arrays.stream(examples.split("; ")).filter(example -> !namesAny(example, foreign)).toList();
                message = message + " (gezählt über alle Gebiete des Laufs; Beispiele nur aus diesem Gebiet)";
                examples = own.isEmpty() ? null : String.join("; ", own);
            }
            notes.add(new QualityNote("error".equals(row.getAs("severity")) ? "Fehler" : "Hinweis", message, examples));
        }
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.OPS_FILE_LOG)
                .filter(col("run_id").equalTo(runId).and(col("status").equalTo("rejected"))), "source_file")) {
            notes.add(new QualityNote("Datei abgelehnt", row.getAs("message"), null));
        }
        // per file the first three references of a reason; the first three over all files are among them
        List<Row> reasons = Frames.collectSorted(warehouse.read(TableCatalog.GOLD_QUARANTINE_SUMMARY)
                .groupBy("reason").agg(org.apache.spark.sql.functions.sum("quarantined_rows").as("rows"),
                        org.apache.spark.sql.functions.expr("slice(sort_array(flatten(collect_list(examples))), 1, 3)").as("examples")),
                col("rows").desc(), col("reason"));
        for (Row row : reasons) {
            long rows = row.getLong(1);
            notes.add(new QualityNote("Quarantäne", GermanReasons.describe(row.getString(0), rows),
                    String.join("; ", row.<String>getList(2))));
        }
        return notes;
    }

    /** True when {@code text} contains one of {@code units} (ids or names) as a whole word. */
    static boolean namesAny(String text, java.util.Set<String> units) {
        for (String unit : units) {
            int at = text.indexOf(unit);
            while (at >= 0) {
                int end = at + unit.length();
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
                boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (startsWord && endsWord) {
                    return true;
                }
                at = text.indexOf(unit, at + 1);
            }
        }
        return false;
    }

    static List<KeyFigure> keyFigures(Map<YearMonth, Kpi> area, YearMonth month) {
        Kpi now = area.get(month);
        Kpi previous = area.get(month.minusMonths(1));
        Kpi lastYear = area.get(month.minusYears(1));
        List<KeyFigure> figures = new ArrayList<>();
        figures.add(figure("Aktive Angebote", now, previous, lastYear, Kpi::offersActive, false));
        figures.add(figure("Neue Angebote", now, previous, lastYear, Kpi::offersNew, false));
        figures.add(figure("Beendete Angebote", now, previous, lastYear, Kpi::offersEnded, false));
        figures.add(figure("Veranstaltungen", now, previous, lastYear, Kpi::events, false));
        figures.add(figure(KeyFigure.PARTICIPANTS, now, previous, lastYear, Kpi::participants, true));
        figures.add(figure(KeyFigure.FEMALE, now, previous, lastYear, Kpi::participantsFemale, true));
        figures.add(figure(KeyFigure.NEWCOMERS, now, previous, lastYear, Kpi::participantsNewcomers, true));
        figures.add(figure("Workshops", now, previous, lastYear, Kpi::workshops, false));
        figures.add(figure(KeyFigure.WORKSHOP_PARTICIPANTS, now, previous, lastYear, Kpi::workshopParticipants, true));
        return figures;
    }

    private static KeyFigure figure(String label, Kpi now, Kpi previous, Kpi lastYear, java.util.function.Function<Kpi, Long> value,
                                    boolean persons) {
        return new KeyFigure(label, value.apply(now), previous == null ? null : value.apply(previous),
                lastYear == null ? null : value.apply(lastYear), persons);
    }

    static List<MonthPoint> trend(Map<YearMonth, Kpi> area, YearMonth month) {
        List<MonthPoint> points = new ArrayList<>();
        for (YearMonth m = month.minusMonths(TREND_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            Kpi kpi = area.get(m);
            if (kpi != null) {
                points.add(new MonthPoint(m, kpi.participants(), kpi.offersActive()));
            }
        }
        return points;
    }

    /** Label of the row for what is recorded for the Kreis itself, not for one Gemeinde (e.g. a KOMM-AN event). */
    static final String AREA_WIDE_LABEL = "kreisweit";

    static List<MunicipalityRow> municipalities(Map<String, Map<YearMonth, Kpi>> kpis, Map<String, String> names,
                                                List<String> gemeinden, String areaId, YearMonth month) {
        List<MunicipalityRow> rows = new ArrayList<>();
        for (String id : gemeinden) {
            Kpi kpi = kpis.getOrDefault(id, Map.of()).get(month);
            if (kpi != null) {
                rows.add(new MunicipalityRow(names.get(id), kpi.offersActive(), kpi.offersNew(), kpi.offersEnded(), kpi.events(),
                        kpi.participants(), kpi.participantsFemale(), kpi.participantsNewcomers(), kpi.workshops()));
            }
        }
        rows.sort(Comparator.comparing(MunicipalityRow::name, java.text.Collator.getInstance(java.util.Locale.GERMAN)));
        Kpi area = kpis.getOrDefault(areaId, Map.of()).get(month);
        if (area != null) {
            // The Kreis row of gold.kpi_monthly is its Gemeinden plus its own records; show the own part,
            // so that the table's sum equals the key figures on page 1.
            MunicipalityRow own = new MunicipalityRow(AREA_WIDE_LABEL,
                    area.offersActive() - rows.stream().mapToLong(MunicipalityRow::activeOffers).sum(),
                    difference(area.offersNew(), rows, MunicipalityRow::newOffers),
                    difference(area.offersEnded(), rows, MunicipalityRow::endedOffers),
                    area.events() - rows.stream().mapToLong(MunicipalityRow::events).sum(),
                    area.participants() - rows.stream().mapToLong(MunicipalityRow::participants).sum(),
                    area.participantsFemale() - rows.stream().mapToLong(MunicipalityRow::participantsFemale).sum(),
                    area.participantsNewcomers() - rows.stream().mapToLong(MunicipalityRow::participantsNewcomers).sum(),
                    area.workshops() - rows.stream().mapToLong(MunicipalityRow::workshops).sum());
            if (own.activeOffers() + own.events() + own.participants() + own.workshops() > 0) {
                rows.add(own);
            }
        }
        return rows;
    }

    private static Long difference(Long total, List<MunicipalityRow> rows, java.util.function.Function<MunicipalityRow, Long> part) {
        if (total == null || rows.stream().map(part).anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return total - rows.stream().map(part).mapToLong(Long::longValue).sum();
    }
}
