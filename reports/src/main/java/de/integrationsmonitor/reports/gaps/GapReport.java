package de.integrationsmonitor.reports.gaps;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.reports.common.charts.Heatmap;
import de.integrationsmonitor.reports.common.charts.SizedChartRenderer;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.render.FileNames;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.JasperTemplates;
import de.integrationsmonitor.reports.common.render.PdfExport;
import de.integrationsmonitor.reports.monthly.TopGap;
import java.nio.file.Path;
import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.renderers.Renderable;

/**
 * Renders the Versorgungslücken report: one PDF for the Kreis and one per Gemeinde (with its
 * Stadtteile where demand is known). Each has a summary, the ranked list of gaps, a coverage heatmap
 * per dimension, the offers per category and a method page naming the thresholds used.
 */
public final class GapReport {
    static final String TEMPLATE = "versorgungsluecken.jrxml";
    /** The ranked list in a PDF stops here; the XLSX holds every row. */
    static final int MAX_LISTED_GAPS = 40;
    /** Width of the charts in points (the template's column width). */
    static final int CHART_WIDTH = 515;

    // Template parameters; the names match versorgungsluecken.jrxml.
    static final String TITLE = "TITLE";
    static final String MONTH_LABEL = "MONTH_LABEL";
    static final String DATA_AS_OF = "DATA_AS_OF";
    static final String FOOTER_TEXT = "FOOTER_TEXT";
    static final String SUMMARY = "SUMMARY";
    static final String GAPS = "GAPS";
    static final String GAPS_NOTE = "GAPS_NOTE";
    static final String NEIGHBOURS = "NEIGHBOURS";
    static final String NEIGHBOURS_NOTE = "NEIGHBOURS_NOTE";
    static final String HEATMAP_NOTE = "HEATMAP_NOTE";
    static final String CATEGORY_MATRIX = "CATEGORY_MATRIX";
    static final String CATEGORY_MATRIX_DESCRIPTION = "CATEGORY_MATRIX_DESCRIPTION";
    static final String CATEGORIES = "CATEGORIES";
    static final String CATEGORY_NOTE = "CATEGORY_NOTE";
    static final String DISTRICTS = "DISTRICTS";
    static final String METHOD = "METHOD";

    private GapReport() {}

    /** What one PDF covers: the Kreis (columns = Gemeinden) or a Gemeinde (columns = it and its Stadtteile). */
    record Scope(String title, String placeName, boolean isKreis, List<String> columns, List<GapRow> rows,
                 List<SupplyRow> supply) {}

    /** Writes the Kreis PDF and one PDF per Gemeinde; returns their paths, the Kreis first. */
    public static List<Path> renderPdfs(GapReportData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(outputDir, "outputDir is null");
        List<Path> written = new ArrayList<>();
        written.add(render(data, kreisScope(data), plan, outputDir.resolve(kreisFileName(data))));
        for (Unit gemeinde : data.gemeinden()) {
            written.add(render(data, gemeindeScope(data, gemeinde), plan,
                    outputDir.resolve(gemeindeFileName(data, gemeinde))));
        }
        return written;
    }

    /** "versorgungsluecken_2026-10.pdf". */
    static String kreisFileName(GapReportData data) {
        return "versorgungsluecken_" + data.month() + ".pdf";
    }

    /** "versorgungsluecken_2026-10_oer-erkenschwick.pdf". */
    static String gemeindeFileName(GapReportData data, Unit gemeinde) {
        return "versorgungsluecken_" + data.month() + "_" + FileNames.slug(gemeinde.name()) + ".pdf";
    }

    static Scope kreisScope(GapReportData data) {
        List<String> columns = data.gemeinden().stream().map(Unit::name).toList();
        return new Scope("Versorgungslücken – " + data.kreis().name(), data.kreis().name(), true, columns, data.gemeindeRows(),
                data.supply());
    }

    static Scope gemeindeScope(GapReportData data, Unit gemeinde) {
        List<GapRow> rows = new ArrayList<>();
        data.gemeindeRows().stream().filter(r -> r.orgUnitId().equals(gemeinde.id())).forEach(rows::add);
        List<GapRow> districts = data.districtRows().stream().filter(r -> r.gemeindeId().equals(gemeinde.id()))
                .sorted(Comparator.comparing(GapRow::name, Collator.getInstance(Locale.GERMAN))).toList();
        rows.addAll(districts);
        Set<String> columns = new LinkedHashSet<>();
        columns.add(gemeinde.name());
        districts.forEach(r -> columns.add(r.name()));
        return new Scope("Versorgungslücken – " + gemeinde.name(), gemeinde.name(), false, List.copyOf(columns), rows,
                data.supply().stream().filter(s -> s.orgUnitId().equals(gemeinde.id())).toList());
    }

    private static Path render(GapReportData data, Scope scope, DisclosurePlan plan, Path target) {
        JasperPrint print = JasperTemplates.fill(TEMPLATE, parameters(data, scope, plan));
        String title = scope.title() + " – " + GermanFormat.monthYear(data.month());
        return PdfExport.write(print, target, new PdfExport.Metadata(title,
                "Versorgungslücken nach Sprache und Zielgruppe, " + scope.placeName() + ", " + GermanFormat.monthYear(data.month())));
    }

    static Map<String, Object> parameters(GapReportData data, Scope scope, DisclosurePlan plan) {
        GapLabels labels = new GapLabels(data.labels());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(TITLE, scope.title());
        parameters.put(MONTH_LABEL, "Berichtsmonat: " + GermanFormat.monthYear(data.month())
                + (scope.isKreis() ? "" : " · " + data.kreis().name()));
        parameters.put(DATA_AS_OF, dataAsOf(data));
        parameters.put(FOOTER_TEXT, "Versorgungslücken " + GermanFormat.numericMonth(data.month()) + " · " + scope.placeName()
                + " · erstellt am " + GermanFormat.dateTime(data.generatedAt()) + " · Lauf " + data.runId());
        parameters.put(SUMMARY, summary(data, scope, labels, plan));
        List<GapRow> ranked = ranked(scope.rows());
        parameters.put(GAPS, gapLines(ranked.subList(0, Math.min(MAX_LISTED_GAPS, ranked.size())), data.month(), labels, !scope.isKreis(),
                plan));
        parameters.put(GAPS_NOTE, gapsNote(ranked.size(), data));
        boolean located = scope.rows().stream().anyMatch(r -> !r.isDistrict() && data.located().contains(r.orgUnitId()));
        parameters.put(NEIGHBOURS, located ? neighbourLines(ranked.subList(0, Math.min(MAX_LISTED_GAPS, ranked.size())), data, labels)
                : List.of());
        parameters.put(NEIGHBOURS_NOTE, neighboursNote(located, ranked.isEmpty(), data));
        putMaps(parameters, data, scope, plan, labels);
        parameters.put(HEATMAP_NOTE, "Zahl in der Zelle: Deckungsgrad (aktive Angebote ÷ erwartete Angebote); „0“: kein Angebot "
                + "trotz Bedarf; grau: kein Bedarf erfasst (Zahl = Angebote); weiß: weder Bedarf noch Angebot. "
                + "Dick umrandet: Versorgungslücke.");
        for (String dimension : GapLabels.DIMENSIONS.keySet()) {
            String key = "HEATMAP_" + dimension.toUpperCase(Locale.ROOT);
            List<String> rows = heatmapRows(scope.rows(), dimension, labels);
            List<Heatmap.Cell> cells = coverageCells(scope.rows(), dimension, labels, data.coverageIndexLimit());
            parameters.put(key, sized(Heatmap.chart(rows, scope.columns(), cells, coverageLegend(data.coverageIndexLimit()), "Versorgungslücke")));
            parameters.put(key + "_DESCRIPTION", heatmapDescription(scope, dimension, labels));
        }
        if (scope.isKreis()) {
            List<String> categories = labels.order("category").stream().map(code -> labels.value("category", code)).toList();
            parameters.put(CATEGORY_MATRIX, sized(Heatmap.chart(categories, scope.columns(), supplyCells(scope.supply(), labels),
                    supplyLegend())));
            parameters.put(CATEGORY_MATRIX_DESCRIPTION, "Matrix der aktiven Angebote nach Kategorie und Gemeinde; "
                    + "Farbe: Angebote je 10.000 Einwohner im Vergleich zum Median der Gemeinden.");
        }
        parameters.put(CATEGORIES, categoryLines(scope, labels));
        parameters.put(CATEGORY_NOTE, scope.isKreis()
                ? "Median: mittlerer Wert der Gemeinden des Bezugsraums, Angebote je 10.000 Einwohner. Ein Angebot mit mehreren "
                        + "Kategorien zählt in jeder."
                : "Einordnung gegenüber dem Median der Gemeinden des Bezugsraums (Angebote je 10.000 Einwohner). Ein Angebot mit "
                        + "mehreren Kategorien zählt in jeder.");
        parameters.put(DISTRICTS, scope.isKreis() ? List.of() : districtLines(scope.rows(), data.month(), labels, plan));
        parameters.put(METHOD, method(data) + "\n\n" + plan.rule().legend());
        return parameters;
    }

    /** "Datenstand: Angebote vom 01.10.2026 · Datenversion: gold.coverage_gaps v7, … · 5 abgewiesene Zeilen". */
    static String dataAsOf(GapReportData data) {
        String versions = GermanFormat.versions(data.tableVersions());
        return "Datenstand: Angebote vom " + (data.offersSnapshot() == null ? GermanFormat.NO_DATA : GermanFormat.date(data.offersSnapshot()))
                + " · Datenversion: " + versions
                + " · " + GermanFormat.count(data.rejectedRows()) + " abgewiesene Zeilen in Angebots- und Referenzdateien (silver.quarantine)";
    }

    /** The {@code n} largest gaps of the Kreis's Gemeinden, labelled for the Monatsbericht. */
    public static List<TopGap> topGaps(GapReportData data, int n) {
        GapLabels labels = new GapLabels(data.labels());
        return ranked(data.gemeindeRows()).stream().limit(n)
                .map(g -> new TopGap(g.name(), GapLabels.dimension(g.dimension()), labels.value(g.dimension(), g.value()), g.demand(),
                        g.offers(), g.expected(), g.shortfall(), g.coverageIndex(), GapCells.demand(g, data.month())))
                .toList();
    }

    /** Gaps first by largest shortfall, then by place and value, so ties print in a stable order. */
    static List<GapRow> ranked(List<GapRow> rows) {
        Collator collator = Collator.getInstance(Locale.GERMAN);
        return rows.stream().filter(GapRow::gap)
                .sorted(Comparator.comparingDouble(GapRow::shortfall).reversed()
                        .thenComparing(GapRow::name, collator).thenComparing(GapRow::dimension).thenComparing(GapRow::value))
                .toList();
    }

    static List<Map<String, ?>> gapLines(List<GapRow> ranked, YearMonth month, GapLabels labels, boolean nameStadtteile,
                                         DisclosurePlan plan) {
        List<Map<String, ?>> lines = new ArrayList<>();
        int rank = 0;
        for (GapRow row : ranked) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rank", String.valueOf(++rank));
            line.put("place", nameStadtteile && row.isDistrict() ? "Stadtteil " + row.name() : row.name());
            line.put("dimension", GapLabels.dimension(row.dimension()));
            line.put("value", labels.value(row.dimension(), row.value()));
            line.put("demand", plan.shown(GapCells.demand(row, month)));
            line.put("offers", GermanFormat.count(row.offers()));
            line.put("expected", GermanFormat.decimal(row.expected(), 1));
            line.put("shortfall", GermanFormat.decimal(row.shortfall(), 1));
            line.put("index", GermanFormat.decimal(row.coverageIndex(), 2));
            lines.add(line);
        }
        return lines;
    }

    /**
     * The maps: for the Kreis its Gemeinden by coverage and by access for the six languages with the largest gaps; for a
     * Gemeinde its Stadtteile by their gaps. Where a map cannot be drawn, its note says why.
     */
    private static void putMaps(Map<String, Object> parameters, GapReportData data, Scope scope, DisclosurePlan plan, GapLabels labels) {
        if (scope.isKreis()) {
            GapMaps.MapOrReason gaps = GapMaps.kreisGaps(data, plan, labels, CHART_WIDTH);
            putMap(parameters, "MAP_GAPS", "Karte: Deckungsgrad nach Sprache", gaps,
                    "Die sechs Sprachen mit dem größten Fehlbedarf; jede Gemeinde in der Farbe ihres Deckungsgrads wie in der "
                            + "Heatmap.");
            GapMaps.MapOrReason access = GapMaps.kreisAccess(data, plan, labels, CHART_WIDTH);
            putMap(parameters, "MAP_ACCESS", "Karte: Erreichbarkeit über Gemeindegrenzen", access,
                    "Dieselben Sprachen; die Farbe zeigt, wie viele Angebote auch in Nachbarorten im Umkreis von "
                            + GermanFormat.decimal(data.catchmentKm(), 0) + " km erreichbar sind, verglichen mit dem Bezugsraum.");
        } else {
            Unit gemeinde = data.gemeinden().stream().filter(g -> g.name().equals(scope.placeName())).findFirst().orElseThrow();
            putMap(parameters, "MAP_GAPS", "Karte: Stadtteile", GapMaps.gemeindeDistricts(data, gemeinde, CHART_WIDTH),
                    "Stadtteile mit geliefertem Bedarf nach Zahl ihrer Versorgungslücken.");
        }
    }

    private static void putMap(Map<String, Object> parameters, String key, String title, GapMaps.MapOrReason map, String note) {
        parameters.put(key + "_TITLE", title);
        parameters.put(key + "_NOTE", map.map().isPresent() ? note : map.text());
        parameters.put(key, map.map().orElse(null));
        parameters.put(key + "_DESCRIPTION", map.text());
    }

    /** "auch unter Berücksichtigung der Nachbarorte unterversorgt" (an access gap too). */
    static final String STILL_UNDERSERVED = "auch unter Berücksichtigung der Nachbarorte unterversorgt";
    /** Not an access gap: offers in the neighbouring towns make up for the missing ones. */
    static final String REACHABLE = "durch Angebote in Nachbarorten erreichbar";

    /**
     * The listed gaps again, with the same numbers, beside the view across municipal borders: access per 10,000 (the
     * reference area's in brackets), whether the gap remains, and the nearest towns with offers for the value.
     */
    static List<Map<String, ?>> neighbourLines(List<GapRow> listed, GapReportData data, GapLabels labels) {
        List<Map<String, ?>> lines = new ArrayList<>();
        int rank = 0;
        for (GapRow row : listed) {
            rank++;
            if (row.isDistrict()) {
                continue; // access is computed for whole Gemeinden; the rank stays the gap list's
            }
            java.util.Optional<AccessRow> access = data.accessOf(row);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rank", String.valueOf(rank));
            line.put("place", row.name());
            line.put("value", GapLabels.dimension(row.dimension()) + ": " + labels.value(row.dimension(), row.value()));
            line.put("access", access.map(a -> GermanFormat.decimal(a.accessPer10k(), 1) + " ("
                    + GermanFormat.decimal(a.regionPer10k(), 1) + ")").orElse("–"));
            line.put("verdict", access.map(a -> verdict(a, data.catchmentKm())).orElse("ohne Koordinaten nicht berechnet"));
            lines.add(line);
        }
        return lines;
    }

    /** The marking of one gap and the nearest offers, e.g. "durch Angebote in Nachbarorten erreichbar: Herten 4,2 km (3)". */
    static String verdict(AccessRow access, double catchmentKm) {
        String nearest = access.nearest().stream()
                .map(n -> n.name() + " " + GermanFormat.decimal(n.km(), 1) + " km (" + GermanFormat.count(n.offers())
                        + (n.offers() == 1 ? " Angebot)" : " Angebote)"))
                .collect(Collectors.joining(", "));
        if (access.accessGap()) {
            return STILL_UNDERSERVED + (nearest.isEmpty()
                    ? "; kein Angebot in einer anderen Gemeinde innerhalb von " + GermanFormat.decimal(catchmentKm, 0) + " km"
                    : "; nächste Angebote: " + nearest);
        }
        return REACHABLE + (nearest.isEmpty() ? " (die Angebote am Ort reichen im Vergleich zur Umgebung)" : ": " + nearest);
    }

    private static String neighboursNote(boolean located, boolean noGaps, GapReportData data) {
        if (!located) {
            return "Für die Gemeinden dieses Gebiets wurden keine Koordinaten geliefert (Spalten lat;lon in "
                    + "reference/org_units.csv). Ohne sie lässt sich nicht berechnen, ob Angebote in Nachbarorten erreichbar sind.";
        }
        if (noGaps) {
            return "Keine Versorgungslücke, also auch keine, die Nachbarorte schließen könnten.";
        }
        return "Dieselben Lücken wie oben (Nummern wie dort; Stadtteile nicht, die Erreichbarkeit gilt für ganze Gemeinden), "
                + "daneben die Erreichbarkeit über Gemeinde- und Kreisgrenzen (Umkreis "
                + GermanFormat.decimal(data.catchmentKm(), 0) + " km, Methode auf der Methodenseite): erreichbare Angebote je "
                + "10.000 Personen mit Bedarf, in Klammern der Durchschnitt des Bezugsraums. Entfernungen: Luftlinie zwischen den "
                + "Gemeindezentren; in Klammern die aktiven Angebote dort.";
    }

    private static String gapsNote(int gaps, GapReportData data) {
        String rule = "Versorgungslücke: Bedarf ab " + GermanFormat.count(data.minDemand()) + " Personen und kein Angebot oder "
                + "Deckungsgrad unter " + GermanFormat.decimal(data.coverageIndexLimit(), 2) + ".";
        if (gaps == 0) {
            return "Keine Versorgungslücke in diesem Monat. " + rule;
        }
        String more = gaps > MAX_LISTED_GAPS ? " Gezeigt sind die " + MAX_LISTED_GAPS + " größten von " + gaps
                + "; alle stehen in der XLSX-Datei." : "";
        return rule + " Sortiert nach Fehlbedarf (erwartete minus aktive Angebote)." + more;
    }

    /** One sentence per fact: how many gaps, where, in which dimension, and the largest. */
    static String summary(GapReportData data, Scope scope, GapLabels labels, DisclosurePlan plan) {
        List<GapRow> gaps = ranked(scope.rows());
        String month = GermanFormat.monthYear(data.month());
        if (gaps.isEmpty()) {
            return "Im " + month + " gibt es " + in(scope.placeName(), false) + " keine Versorgungslücke nach der Definition "
                    + "auf der Methodenseite.";
        }
        Map<String, Long> perDimension = new LinkedHashMap<>();
        GapLabels.DIMENSIONS.keySet().forEach(d -> perDimension.put(d, 0L));
        gaps.forEach(g -> perDimension.merge(g.dimension(), 1L, Long::sum));
        String byDimension = perDimension.entrySet().stream()
                .map(e -> GapLabels.dimension(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        long places = gaps.stream().map(GapRow::name).distinct().count();
        long inDistricts = gaps.stream().filter(GapRow::isDistrict).count();
        long zero = gaps.stream().filter(g -> g.offers() == 0).count();
        double shortfall = gaps.stream().mapToDouble(GapRow::shortfall).sum();
        GapRow largest = gaps.get(0);
        String where = scope.isKreis()
                ? " in " + places + " von " + scope.columns().size() + " Gemeinden"
                : inDistricts > 0 ? ", davon " + inDistricts + " in Stadtteilen" : "";
        return "Im " + month + " gibt es " + in(scope.placeName(), false) + " " + gaps.size()
                + (gaps.size() == 1 ? " Versorgungslücke" : " Versorgungslücken") + where + ". "
                + "Nach Merkmal: " + byDimension + ". "
                + "Bei " + zero + " davon gibt es trotz Bedarf kein einziges Angebot. "
                + "Zusammen fehlen rechnerisch " + GermanFormat.decimal(shortfall, 1) + " Angebote. "
                + "Größter Fehlbedarf: " + GapLabels.dimension(largest.dimension()) + " " + labels.value(largest.dimension(), largest.value())
                + " " + in(largest.name(), largest.isDistrict()) + " (" + plan.shown(GapCells.demand(largest, data.month())) + " Personen, "
                + GermanFormat.count(largest.offers()) + (largest.offers() == 1 ? " Angebot" : " Angebote")
                + ", erwartet " + GermanFormat.decimal(largest.expected(), 1) + ")." + acrossBorders(data, gaps);
    }

    /**
     * " Unter Berücksichtigung der Nachbarorte bleiben 3 der 20 Lücken (von 18 mit Koordinaten) unterversorgt." Empty
     * where no gap Gemeinde has a centre.
     */
    static String acrossBorders(GapReportData data, List<GapRow> gaps) {
        List<AccessRow> assessed = gaps.stream().filter(g -> !g.isDistrict()).map(data::accessOf)
                .flatMap(java.util.Optional::stream).toList();
        if (assessed.isEmpty()) {
            return "";
        }
        long remaining = assessed.stream().filter(AccessRow::accessGap).count();
        long gemeindeGaps = gaps.stream().filter(g -> !g.isDistrict()).count();
        String of = assessed.size() == gemeindeGaps ? "" : " (von " + assessed.size() + " mit Koordinaten)";
        return " Unter Berücksichtigung der Angebote in Nachbarorten bleiben " + remaining + " der " + gemeindeGaps
                + (gemeindeGaps == 1 ? " Lücke" : " Lücken") + " in Gemeinden" + of + " unterversorgt.";
    }

    /** "im Kreis Recklinghausen", "im Stadtteil Süd", "in Marl". */
    static String in(String place, boolean isDistrict) {
        if (isDistrict) {
            return "im Stadtteil " + place;
        }
        return place.startsWith("Kreis ") ? "im " + place : "in " + place;
    }

    /** Values of the dimension present in the rows: languages by demand (largest first), others in vocabulary order. */
    static List<String> heatmapRows(List<GapRow> rows, String dimension, GapLabels labels) {
        Map<String, Long> demand = new HashMap<>();
        rows.stream().filter(r -> r.dimension().equals(dimension)).forEach(r -> demand.merge(r.value(), r.demand(), Long::sum));
        List<String> codes = new ArrayList<>(demand.keySet());
        if (TargetGroup.LANGUAGE.code().equals(dimension)) {
            Collator collator = Collator.getInstance(Locale.GERMAN);
            codes.sort(Comparator.<String>comparingLong(demand::get).reversed()
                    .thenComparing(code -> labels.value(dimension, code), collator));
        } else {
            List<String> order = labels.order(dimension);
            codes.sort(Comparator.<String>comparingInt(code -> order.contains(code) ? order.indexOf(code) : Integer.MAX_VALUE)
                    .thenComparing(Function.identity()));
        }
        return codes.stream().map(code -> labels.value(dimension, code)).toList();
    }

    static List<Heatmap.Cell> coverageCells(List<GapRow> rows, String dimension, GapLabels labels, double limit) {
        List<Heatmap.Cell> cells = new ArrayList<>();
        for (GapRow row : rows) {
            if (row.dimension().equals(dimension)) {
                cells.add(new Heatmap.Cell(labels.value(dimension, row.value()), row.name(), shade(row, limit), cellText(row), row.gap()));
            }
        }
        return cells;
    }

    /**
     * No demand recorded: neutral grey, whatever the offers; demand without any offer: ZERO (stands
     * out most); otherwise the coverage index against the gap limit and 1 (as good as the area).
     */
    static Heatmap.Shade shade(GapRow row, double limit) {
        if (row.demand() == 0) {
            return Heatmap.Shade.NEUTRAL;
        }
        if (row.offers() == 0 || row.coverageIndex() == null) {
            return Heatmap.Shade.ZERO;
        }
        if (row.coverageIndex() < limit) {
            return Heatmap.Shade.LOW;
        }
        return row.coverageIndex() < 1.0 ? Heatmap.Shade.MEDIUM : Heatmap.Shade.HIGH;
    }

    static String cellText(GapRow row) {
        if (row.demand() == 0) {
            return row.offers() == 0 ? "" : GermanFormat.count(row.offers());
        }
        if (row.offers() == 0 || row.coverageIndex() == null) {
            return "0";
        }
        return GermanFormat.decimal(row.coverageIndex(), row.coverageIndex() >= 10 ? 0 : row.coverageIndex() >= 1 ? 1 : 2);
    }

    static Map<Heatmap.Shade, String> coverageLegend(double limit) {
        Map<Heatmap.Shade, String> legend = new LinkedHashMap<>();
        legend.put(Heatmap.Shade.ZERO, "kein Angebot trotz Bedarf");
        legend.put(Heatmap.Shade.LOW, "Deckungsgrad unter " + GermanFormat.decimal(limit, 2));
        legend.put(Heatmap.Shade.MEDIUM, GermanFormat.decimal(limit, 2) + " bis unter 1");
        legend.put(Heatmap.Shade.HIGH, "1 und mehr");
        legend.put(Heatmap.Shade.NEUTRAL, "kein Bedarf erfasst");
        return legend;
    }

    /** Alternative text of a heatmap: what it shows and the cells without any offer, by name. */
    static String heatmapDescription(Scope scope, String dimension, GapLabels labels) {
        List<GapRow> zero = scope.rows().stream().filter(r -> r.dimension().equals(dimension) && r.demand() > 0 && r.offers() == 0)
                .toList();
        String base = "Heatmap: Deckungsgrad nach " + GapLabels.dimension(dimension) + " und "
                + (scope.isKreis() ? "Gemeinde" : "Gemeinde und Stadtteil") + ". ";
        if (zero.isEmpty()) {
            return base + "Überall, wo Bedarf besteht, gibt es mindestens ein Angebot.";
        }
        String list = zero.stream().limit(12).map(r -> labels.value(dimension, r.value()) + " in " + r.name())
                .collect(Collectors.joining(", "));
        return base + "Kein Angebot trotz Bedarf (" + zero.size() + "): " + list + (zero.size() > 12 ? " und weitere" : "") + ".";
    }

    static List<Heatmap.Cell> supplyCells(List<SupplyRow> supply, GapLabels labels) {
        List<Heatmap.Cell> cells = new ArrayList<>();
        for (SupplyRow row : supply) {
            cells.add(new Heatmap.Cell(labels.value("category", row.category()), row.name(), supplyShade(row),
                    GermanFormat.count(row.offers()), false));
        }
        return cells;
    }

    static Heatmap.Shade supplyShade(SupplyRow row) {
        if (row.offers() == 0) {
            return Heatmap.Shade.ZERO;
        }
        if (row.per10k() == null || row.areaMedian() == null) {
            return Heatmap.Shade.NEUTRAL;
        }
        if (row.per10k() < row.areaMedian() / 2) {
            return Heatmap.Shade.LOW;
        }
        return row.per10k() < row.areaMedian() ? Heatmap.Shade.MEDIUM : Heatmap.Shade.HIGH;
    }

    static Map<Heatmap.Shade, String> supplyLegend() {
        Map<Heatmap.Shade, String> legend = new LinkedHashMap<>();
        legend.put(Heatmap.Shade.ZERO, "kein Angebot");
        legend.put(Heatmap.Shade.LOW, "unter halbem Median");
        legend.put(Heatmap.Shade.MEDIUM, "unter dem Median");
        legend.put(Heatmap.Shade.HIGH, "Median oder mehr");
        legend.put(Heatmap.Shade.NEUTRAL, "Einwohnerzahl fehlt");
        return legend;
    }

    /** Per category: offers, offers per 10,000 residents, the area median and a remark. */
    static List<Map<String, ?>> categoryLines(Scope scope, GapLabels labels) {
        List<Map<String, ?>> lines = new ArrayList<>();
        for (String category : labels.order("category")) {
            List<SupplyRow> rows = scope.supply().stream().filter(s -> s.category().equals(category)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            long offers = rows.stream().mapToLong(SupplyRow::offers).sum();
            long population = rows.stream().filter(s -> s.population() != null).mapToLong(SupplyRow::population).sum();
            Double per10k = population > 0 ? offers * 10_000.0 / population : null;
            Double median = rows.get(0).areaMedian();
            String remark;
            if (scope.isKreis()) {
                List<String> without = rows.stream().filter(s -> s.offers() == 0).map(SupplyRow::name)
                        .sorted(Collator.getInstance(Locale.GERMAN)).toList();
                remark = without.isEmpty() ? "in allen Gemeinden vertreten" : "kein Angebot in " + String.join(", ", without);
            } else {
                remark = switch (supplyShade(rows.get(0))) {
                    case ZERO -> "kein Angebot";
                    case LOW -> "dünn: unter halbem Median";
                    case MEDIUM -> "unter dem Median";
                    case HIGH -> "Median oder mehr";
                    case NEUTRAL -> "Einwohnerzahl fehlt";
                };
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("category", labels.value("category", category));
            line.put("offers", GermanFormat.count(offers));
            line.put("per10k", GermanFormat.decimal(per10k, 1));
            line.put("median", GermanFormat.decimal(median, 1));
            line.put("remark", remark);
            lines.add(line);
        }
        return lines;
    }

    /** Stadtteil rows with known demand, by Stadtteil, dimension and value. */
    static List<Map<String, ?>> districtLines(List<GapRow> rows, YearMonth month, GapLabels labels, DisclosurePlan plan) {
        List<String> dimensions = List.copyOf(GapLabels.DIMENSIONS.keySet());
        Collator collator = Collator.getInstance(Locale.GERMAN);
        List<Map<String, ?>> lines = new ArrayList<>();
        rows.stream().filter(r -> r.isDistrict() && r.demand() > 0)
                .sorted(Comparator.comparing(GapRow::name, collator)
                        .thenComparingInt(r -> dimensions.indexOf(r.dimension()))
                        .thenComparing(r -> labels.value(r.dimension(), r.value()), collator))
                .forEach(row -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("place", row.name());
                    line.put("dimension", GapLabels.dimension(row.dimension()));
                    line.put("value", labels.value(row.dimension(), row.value()));
                    line.put("demand", plan.shown(GapCells.demand(row, month)));
                    line.put("offers", GermanFormat.count(row.offers()));
                    line.put("expected", GermanFormat.decimal(row.expected(), 1));
                    line.put("index", GermanFormat.decimal(row.coverageIndex(), 2));
                    line.put("gap", row.gap() ? "ja" : "nein");
                    lines.add(line);
                });
        return lines;
    }

    static String method(GapReportData data) {
        String minDemand = GermanFormat.count(data.minDemand());
        String limit = GermanFormat.decimal(data.coverageIndexLimit(), 2);
        String snapshot = data.offersSnapshot() == null ? GermanFormat.NO_DATA : GermanFormat.date(data.offersSnapshot());
        return String.join("\n\n",
                "Bedarf: Zahl der Einwohnerinnen und Einwohner einer Gemeinde mit dem Merkmal, z. B. Sprache Arabisch oder "
                        + "Altersgruppe ab 65 Jahren (Datei reference/demand.csv). Hat die Gemeinde für einen Wert keine eigene Zahl, "
                        + "zählt die Summe ihrer Stadtteile.",
                "Aktive Angebote: Angebote des Angebotsstands vom " + snapshot + " (der letzte Stand bis zum Monatsende), die "
                        + "spätestens am Monatsende beginnen und frühestens am Monatsanfang enden. Ein Angebot „für alle offen“ "
                        + "zählt für jeden Wert seines Merkmals. Ein früherer Monat zeigt die Angebote so, wie sie damals waren.",
                "Erwartete Angebote: Bedarf × Angebotsquote des Bezugsraums. Bezugsraum ist der Kreis, bei einer kreisfreien "
                        + "Stadt der Regierungsbezirk. Die Angebotsquote ist die Zahl der Angebote aller Gemeinden des Bezugsraums "
                        + "für diesen Wert geteilt durch ihren Bedarf. Eine Gemeinde wird also am Durchschnitt ihrer Region gemessen.",
                "Deckungsgrad = aktive Angebote ÷ erwartete Angebote. 1 bedeutet: so gut versorgt wie der Bezugsraum im "
                        + "Durchschnitt. Fehlbedarf = erwartete minus aktive Angebote (negativ: mehr Angebote als erwartet).",
                "Versorgungslücke: mindestens " + minDemand + " Personen Bedarf und kein Angebot oder ein Deckungsgrad unter "
                        + limit + ". Die Schwellen stehen in conf/imon.properties (gaps.min-demand, gaps.coverage-index-limit).",
                "Stadtteile: gezählt werden Angebote, deren Feld „Stadtteil“ den Stadtteil nennt; erwartet wird mit der "
                        + "Angebotsquote des Bezugsraums der Gemeinde. Stadtteile erscheinen nur, wenn für sie Bedarf geliefert wurde.",
                "Angebote nach Kategorie: aktive Angebote je Kategorie und je 10.000 Einwohner, verglichen mit dem Median der "
                        + "Gemeinden des Bezugsraums. So fallen auch dünn besetzte Kategorien auf.",
                "Erreichbarkeit über Gemeindegrenzen (gold.offer_access): Menschen nutzen auch Angebote im Nachbarort. Das "
                        + "Verfahren E2SFCA (erweitertes Zwei-Schritt-Einzugsgebiet) rechnet deshalb in zwei Schritten. Erstens teilt "
                        + "jede Gemeinde ihre Angebote auf alle Menschen mit Bedarf auf, die bis zu "
                        + GermanFormat.decimal(data.catchmentKm(), 0) + " km entfernt wohnen (Luftlinie zwischen den Gemeindezentren, "
                        + "auch über Kreisgrenzen); Nähere zählen stärker: volles Gewicht am Ort, nach einer Glockenkurve fallend "
                        + "bis 0 am Rand des Umkreises. Zweitens zählt jede Gemeinde zusammen, was sie von allen Angeboten im "
                        + "Umkreis erreicht, ebenso nach Entfernung gewichtet. Ergebnis: erreichbare Angebote je 10.000 Personen "
                        + "mit Bedarf. Eine Lücke bleibt „" + STILL_UNDERSERVED + "“, wenn mindestens " + minDemand
                        + " Personen Bedarf haben und nichts erreichbar ist oder weniger als das " + limit + "-Fache des "
                        + "Durchschnitts im Bezugsraum; sonst ist sie „" + REACHABLE + "“. Gemeinden ohne geliefertes Zentrum "
                        + "(lat;lon) bleiben außen vor. Den Umkreis setzt access.catchment-km in conf/imon.properties.",
                "Farben: Schwarz = kein Angebot trotz Bedarf; Orange = Deckungsgrad unter " + limit + "; Hellblau = " + limit
                        + " bis unter 1; Blau = 1 und mehr; Grau = kein Bedarf erfasst. Die Farben sind auch bei Rot-Grün-Sehschwäche "
                        + "und im Schwarz-Weiß-Druck unterscheidbar; jede Zelle trägt zusätzlich ihre Zahl.",
                "Quelle: gold.coverage_gaps, gold.coverage_gaps_districts, gold.supply_matrix und gold.offer_access (Versionen in der Kopfzeile). "
                        + "Alle Zeilen des Monats stehen in der Datei versorgungsluecken_" + data.month() + ".xlsx.");
    }

    /** The chart at the template's width and the height that gives it rows of about 15 points. */
    private static Renderable sized(org.jfree.chart.JFreeChart chart) {
        return new SizedChartRenderer(chart, CHART_WIDTH, Heatmap.preferredHeight(chart, CHART_WIDTH));
    }
}
