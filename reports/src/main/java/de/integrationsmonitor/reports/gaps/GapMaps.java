package de.integrationsmonitor.reports.gaps;

import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.reports.common.charts.Heatmap;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.maps.ChoroplethMap;
import de.integrationsmonitor.reports.common.maps.ChoroplethMap.LegendEntry;
import de.integrationsmonitor.reports.common.maps.ChoroplethMap.Panel;
import de.integrationsmonitor.reports.common.maps.MapGeometry;
import de.integrationsmonitor.reports.common.maps.MapGeometry.Region;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.awt.Color;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The maps of the Versorgungslücken report. The Kreis report shows its Gemeinden for the six languages with the largest
 * gaps, twice: coloured by the coverage index (the place alone) and by access across borders (gold.offer_access). A
 * Gemeinde report shows its Stadtteile by their number of gaps. Delivered shapes are drawn where they exist, else
 * schematic cells from the centres, and the map says so; a demand the disclosure plan hides is coloured as
 * "geschützt", never by its value.
 */
final class GapMaps {
    /** How many languages the Kreis maps show side by side. */
    static final int LANGUAGES = 6;
    static final String PROTECTED = "geschützt";
    private static final Color PROTECTED_FILL = new Color(0xD9, 0xD9, 0xD9);

    private GapMaps() {}

    /** A map with its alternative text, or the sentence why there is none. */
    record MapOrReason(Optional<ChoroplethMap> map, String text) {}

    /** The languages with the largest summed shortfall of gaps in the rows, then the largest demand; at most six. */
    static List<String> languages(List<GapRow> rows) {
        Map<String, double[]> byValue = new HashMap<>();
        for (GapRow row : rows) {
            if (TargetGroup.LANGUAGE.code().equals(row.dimension()) && !row.isDistrict() && row.demand() > 0) {
                double[] sums = byValue.computeIfAbsent(row.value(), v -> new double[2]);
                sums[0] += row.gap() ? Math.max(0, row.shortfall()) : 0;
                sums[1] += row.demand();
            }
        }
        return byValue.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[0])
                        .thenComparingDouble(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                .limit(LANGUAGES).map(Map.Entry::getKey).toList();
    }

    /** The Kreis's Gemeinden as regions (shapes where delivered, else schematic). */
    static List<Region> gemeindeRegions(GapReportData data) {
        Set<String> gemeinden = data.gemeinden().stream().map(Unit::id).collect(Collectors.toSet());
        return MapGeometry.regions(data.centres().stream().filter(c -> gemeinden.contains(c.id())).toList(), data.shapes());
    }

    /** Kreis map: Gemeinden by coverage class for each of the languages. */
    static MapOrReason kreisGaps(GapReportData data, DisclosurePlan plan, GapLabels labels, double width) {
        List<Region> regions = gemeindeRegions(data);
        List<String> languages = languages(data.gemeindeRows());
        if (regions.isEmpty() || languages.isEmpty()) {
            return new MapOrReason(Optional.empty(), noMap(data, regions.isEmpty()));
        }
        List<Panel> panels = languagePanels(data, plan, labels, languages,
                row -> Optional.of(GapReport.shade(row, data.coverageIndexLimit())));
        List<LegendEntry> legend = legend(GapReport.coverageLegend(data.coverageIndexLimit()));
        ChoroplethMap map = new ChoroplethMap(regions, panels, legend, note(regions, "Deckungsgrad der Gemeinde (gold.coverage_gaps)"),
                3, width, true);
        return new MapOrReason(Optional.of(map), "Karte der Gemeinden " + GapReport.in(data.kreis().name(), false)
                + ", eingefärbt nach Deckungsgrad, je eine für die Sprachen " + languageList(languages, labels) + ". "
                + described(panels, regions, Heatmap.Shade.ZERO.name(), "Kein Angebot trotz Bedarf") + schematicSentence(regions));
    }

    /** Kreis map: Gemeinden by access across borders (ratio to the reference area) for the same languages. */
    static MapOrReason kreisAccess(GapReportData data, DisclosurePlan plan, GapLabels labels, double width) {
        List<Region> regions = gemeindeRegions(data);
        List<String> languages = languages(data.gemeindeRows());
        if (!regions.isEmpty() && !languages.isEmpty() && data.access().isEmpty()) {
            return new MapOrReason(Optional.empty(), "Keine Karte der Erreichbarkeit: sie braucht die Zentren der Gemeinden "
                    + "(Spalten lat;lon in reference/org_units.csv), Umrisse allein genügen nicht.");
        }
        if (regions.isEmpty() || languages.isEmpty()) {
            return new MapOrReason(Optional.empty(), noMap(data, regions.isEmpty()));
        }
        List<Panel> panels = languagePanels(data, plan, labels, languages,
                row -> data.accessOf(row).map(access -> accessShade(row, access, data.coverageIndexLimit())));
        ChoroplethMap map = new ChoroplethMap(regions, panels, legend(accessLegend(data.coverageIndexLimit())),
                note(regions, "Erreichbarkeit über Gemeindegrenzen im Umkreis von " + GermanFormat.decimal(data.catchmentKm(), 0)
                        + " km (gold.offer_access)"), 3, width, true);
        return new MapOrReason(Optional.of(map), "Karte der Gemeinden " + GapReport.in(data.kreis().name(), false)
                + ", eingefärbt nach der Erreichbarkeit von Angeboten auch in Nachbarorten im Verhältnis zum Bezugsraum, für die "
                + "Sprachen " + languageList(languages, labels) + ". "
                + described(panels, regions, Heatmap.Shade.ZERO.name(), "Nichts erreichbar trotz Bedarf") + schematicSentence(regions));
    }

    /** Gemeinde map: its Stadtteile by their number of gaps ("keine Daten" where no demand was delivered for one). */
    static MapOrReason gemeindeDistricts(GapReportData data, Unit gemeinde, double width) {
        List<MapGeometry.Centre> centres = data.centres().stream().filter(c -> c.id().startsWith(gemeinde.id() + "-")).toList();
        List<MapGeometry.Centre> around = data.centres().stream().filter(c -> c.id().equals(gemeinde.id())).toList();
        List<Region> all = MapGeometry.regions(centres, data.shapes(), around);
        List<Region> context = all.stream().filter(r -> r.id().equals(gemeinde.id())).toList();
        List<Region> regions = all.stream().filter(r -> !r.id().equals(gemeinde.id())).toList();
        if (regions.isEmpty()) {
            return new MapOrReason(Optional.empty(), "Keine Stadtteilkarte: für die Stadtteile von " + gemeinde.name()
                    + " sind weder Umrisse (reference/boundaries.geojson) noch Zentren (lat;lon in reference/org_units.csv) "
                    + "geliefert.");
        }
        Map<String, long[]> perDistrict = new HashMap<>();
        data.districtRows().stream().filter(r -> r.gemeindeId().equals(gemeinde.id()))
                .forEach(r -> perDistrict.computeIfAbsent(r.orgUnitId(), id -> new long[1])[0] += r.gap() ? 1 : 0);
        Map<String, String> classes = new LinkedHashMap<>();
        perDistrict.forEach((id, gaps) -> classes.put(id, gaps[0] == 0 ? "0" : gaps[0] == 1 ? "1" : "2+"));
        List<LegendEntry> legend = List.of(
                new LegendEntry("0", "keine Versorgungslücke", Heatmap.fill(Heatmap.Shade.HIGH)),
                new LegendEntry("1", "eine Versorgungslücke", Heatmap.fill(Heatmap.Shade.LOW)),
                new LegendEntry("2+", "zwei und mehr", Heatmap.fill(Heatmap.Shade.ZERO)),
                ChoroplethMap.noData());
        ChoroplethMap map = new ChoroplethMap(regions, context, List.of(new Panel("Stadtteile von " + gemeinde.name(), classes)), legend,
                note(regions, "Versorgungslücken je Stadtteil (gold.coverage_gaps_districts); keine Daten: kein Bedarf geliefert"
                        + (context.isEmpty() ? "" : "; hellgrau: übriges Gebiet von " + gemeinde.name())),
                1, width, true);
        Collator collator = Collator.getInstance(Locale.GERMAN);
        String list = regions.stream().sorted(Comparator.comparing(Region::name, collator))
                .map(r -> r.name() + ": " + Optional.ofNullable(classes.get(r.id())).map(c -> switch (c) {
                    case "0" -> "keine Lücke";
                    case "1" -> "eine Lücke";
                    default -> "zwei und mehr Lücken";
                }).orElse("keine Daten")).collect(Collectors.joining("; "));
        return new MapOrReason(Optional.of(map), "Karte der Stadtteile von " + gemeinde.name() + " nach Zahl der "
                + "Versorgungslücken. " + list + "." + schematicSentence(regions));
    }

    /**
     * One panel per language: each Gemeinde row of the language in its class ({@code shade}; none: "keine Daten"), or
     * "geschützt" where the disclosure plan hides its demand.
     */
    static List<Panel> languagePanels(GapReportData data, DisclosurePlan plan, GapLabels labels, List<String> languages,
                                      java.util.function.Function<GapRow, Optional<Heatmap.Shade>> shade) {
        List<Panel> panels = new ArrayList<>();
        for (String language : languages) {
            Map<String, String> classes = new LinkedHashMap<>();
            for (GapRow row : data.gemeindeRows()) {
                if (row.dimension().equals(TargetGroup.LANGUAGE.code()) && row.value().equals(language)) {
                    Optional<Heatmap.Shade> shaded = shade.apply(row);
                    if (shaded.isPresent()) {
                        classes.put(row.orgUnitId(), plan.hidden(GapCells.demand(row, data.month())) ? PROTECTED : shaded.get().name());
                    }
                }
            }
            panels.add(new Panel(labels.value(TargetGroup.LANGUAGE.code(), language), classes));
        }
        return panels;
    }

    /** The access class of a Gemeinde row: as the coverage classes, on the access ratio. */
    static Heatmap.Shade accessShade(GapRow row, AccessRow access, double limit) {
        if (row.demand() == 0) {
            return Heatmap.Shade.NEUTRAL;
        }
        if (access.accessPer10k() == 0) {
            return Heatmap.Shade.ZERO;
        }
        if (access.ratio() == null) {
            return Heatmap.Shade.NEUTRAL;
        }
        if (access.ratio() < limit) {
            return Heatmap.Shade.LOW;
        }
        return access.ratio() < 1.0 ? Heatmap.Shade.MEDIUM : Heatmap.Shade.HIGH;
    }

    static Map<Heatmap.Shade, String> accessLegend(double limit) {
        Map<Heatmap.Shade, String> legend = new LinkedHashMap<>();
        legend.put(Heatmap.Shade.ZERO, "nichts erreichbar trotz Bedarf");
        legend.put(Heatmap.Shade.LOW, "unter " + GermanFormat.decimal(limit, 2) + " × Bezugsraum");
        legend.put(Heatmap.Shade.MEDIUM, GermanFormat.decimal(limit, 2) + " bis unter 1 × Bezugsraum");
        legend.put(Heatmap.Shade.HIGH, "1 × Bezugsraum und mehr");
        legend.put(Heatmap.Shade.NEUTRAL, "kein Bedarf erfasst");
        return legend;
    }

    private static List<LegendEntry> legend(Map<Heatmap.Shade, String> shades) {
        List<LegendEntry> legend = new ArrayList<>();
        shades.forEach((shade, label) -> legend.add(new LegendEntry(shade.name(), label, Heatmap.fill(shade))));
        legend.add(new LegendEntry(PROTECTED, "kleine Fallzahl (geschützt)", PROTECTED_FILL, Color.WHITE));
        legend.add(ChoroplethMap.noData());
        return legend;
    }

    private static String note(List<Region> regions, String what) {
        return what + (regions.stream().anyMatch(Region::schematic)
                ? ". Schematisch (gestrichelt): Flächen um die Gemeindezentren, keine echten Grenzen." : ". Umrisse aus reference/boundaries.geojson.");
    }

    private static String noMap(GapReportData data, boolean noCentres) {
        return noCentres
                ? "Keine Karte: für die Gemeinden " + GapReport.in(data.kreis().name(), false) + " sind weder Umrisse "
                        + "(reference/boundaries.geojson) noch Zentren (Spalten lat;lon in reference/org_units.csv) geliefert."
                : "Keine Karte: in diesem Monat gibt es keinen Bedarf nach Sprache.";
    }

    private static String languageList(List<String> languages, GapLabels labels) {
        return languages.stream().map(l -> labels.value(TargetGroup.LANGUAGE.code(), l)).collect(Collectors.joining(", "));
    }

    /** "Kein Angebot trotz Bedarf: Arabisch in Haltern am See; …" from the panels, or that there is none. */
    private static String described(List<Panel> panels, List<Region> regions, String key, String what) {
        Map<String, String> names = new HashMap<>();
        regions.forEach(r -> names.put(r.id(), r.name()));
        List<String> found = new ArrayList<>();
        for (Panel panel : panels) {
            List<String> places = panel.classes().entrySet().stream().filter(e -> e.getValue().equals(key))
                    .map(e -> names.getOrDefault(e.getKey(), e.getKey())).sorted(Collator.getInstance(Locale.GERMAN)).toList();
            if (!places.isEmpty()) {
                found.add(panel.title() + " in " + String.join(", ", places));
            }
        }
        return found.isEmpty() ? what + ": nirgends." : what + ": " + String.join("; ", found) + ".";
    }

    private static String schematicSentence(List<Region> regions) {
        return regions.stream().anyMatch(Region::schematic) ? " Die Flächen sind schematisch aus den Zentren gebildet." : "";
    }
}
