package de.integrationsmonitor.reports.workshops;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Workshop-Auswertung chart: statements per field of action (rows) stacked by Klimakonferenz
 * category, each segment labelled with its count, so the chart reads without colour too. Colours:
 * Sonne orange, Wolke grey, Gewitter dark blue, Wind bluish green (distinct with red–green colour
 * blindness and in greyscale).
 */
public final class StatementsChart {
    /** Fill per category code; an unknown code gets the next palette colour. */
    static final Map<String, Color> COLOURS = Map.of("sonne", ChartTheme.ORANGE, "wolke", new Color(0x99, 0x99, 0x99),
            "gewitter", ChartTheme.BLUE, "wind", ChartTheme.BLUISH_GREEN);

    private StatementsChart() {}

    /**
     * @param counts per field of action (in display order) the statements per category code
     * @param categories category code to German label, in stacking order
     */
    public static JFreeChart chart(Map<String, Map<String, Long>> counts, Map<String, String> categories) {
        requireNonNull(counts, "counts is null");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        counts.forEach((field, perCategory) -> categories.forEach((code, label) ->
                dataset.addValue(perCategory.getOrDefault(code, 0L), label, field)));
        CategoryAxis fields = new CategoryAxis(null);
        fields.setMaximumCategoryLabelWidthRatio(0.45f);
        fields.setMaximumCategoryLabelLines(2);
        NumberAxis statements = new NumberAxis("Aussagen");
        statements.setStandardTickUnits(NumberAxis.createIntegerTickUnits(GermanFormat.LOCALE));
        statements.setNumberFormatOverride(NumberFormat.getIntegerInstance(GermanFormat.LOCALE));
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setDrawBarOutline(false);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", NumberFormat.getIntegerInstance(GermanFormat.LOCALE)) {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset data, int row, int column) {
                Number value = data.getValue(row, column);
                return value == null || value.longValue() == 0 ? null : super.generateLabel(data, row, column);
            }
        });
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        CategoryPlot plot = new CategoryPlot(dataset, fields, statements, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setNoDataMessage(GermanFormat.NO_DATA);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, ChartTheme.font(Font.BOLD, 11f), plot, true);
        ChartTheme.apply(chart);
        int series = 0;
        int fallback = 0;
        for (String code : categories.keySet()) {
            Color colour = COLOURS.getOrDefault(code, ChartTheme.SERIES.get(fallback++ % ChartTheme.SERIES.size()));
            bars.setSeriesPaint(series, colour);
            bars.setSeriesItemLabelPaint(series, ChartTheme.BLUE.equals(colour) ? Color.WHITE : ChartTheme.TEXT);
            bars.setSeriesItemLabelFont(series, ChartTheme.font(Font.PLAIN, 7.5f));
            series++;
        }
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    /** Alternative text: the totals per category and the field with the most statements. */
    public static String description(Map<String, Map<String, Long>> counts, Map<String, String> categories) {
        if (counts.isEmpty()) {
            return "Diagramm Aussagen je Handlungsfeld: keine Daten.";
        }
        Map<String, Long> perCategory = new LinkedHashMap<>();
        categories.forEach((code, label) -> perCategory.put(label,
                counts.values().stream().mapToLong(m -> m.getOrDefault(code, 0L)).sum()));
        String top = counts.entrySet().stream()
                .max(java.util.Comparator.comparingLong(e -> e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .map(Map.Entry::getKey).orElse("");
        return "Diagramm: Aussagen je Handlungsfeld, gestapelt nach Kategorie der Klimakonferenz. Insgesamt "
                + String.join(", ", perCategory.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())
                + ". Die meisten Aussagen: " + top + ".";
    }

    /** Height in points for {@code fields} bars (about 22 points each) plus axis and legend. */
    public static int preferredHeight(List<String> fields) {
        return 70 + 22 * Math.max(1, fields.size());
    }
}
