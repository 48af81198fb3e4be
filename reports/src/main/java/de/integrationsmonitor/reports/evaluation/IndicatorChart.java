package de.integrationsmonitor.reports.evaluation;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One chart per model project: a panel per indicator on a shared time axis with the values (line,
 * points), the target (dashed green line, following a per-period override) and the baseline (dotted
 * grey line). A period without a value is a gap in the line on a grey band, never a zero.
 */
public final class IndicatorChart {
    static final Color VALUE = ChartTheme.BLUE;
    static final Color TARGET = ChartTheme.BLUISH_GREEN;
    static final Color BASELINE = ChartTheme.AXIS;
    static final Color NO_DATA = new Color(0xE6, 0xE6, 0xE6);

    private IndicatorChart() {}

    /** One period of one indicator; value, target or baseline may be missing. */
    public record Point(LocalDate start, LocalDate end, Double value, Double target, Double baseline) {}

    /** The points of one indicator, in period order, with the axis label ("IND-01 · Anteil") and whether it is a share. */
    public record Panel(String label, boolean share, List<Point> points) {}

    public static JFreeChart chart(List<Panel> panels) {
        DateAxis time = new DateAxis(null);
        java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("MMM yyyy", GermanFormat.LOCALE);
        format.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(10);
        for (Panel panel : panels) {
            combined.add(plot(panel), 1);
        }
        combined.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(null, ChartTheme.font(Font.BOLD, 11f), combined, true);
        ChartTheme.apply(chart);
        combined.setFixedLegendItems(legend());
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        // after the theme, which would reset the series paints
        for (Object subplot : combined.getSubplots()) {
            XYPlot plot = (XYPlot) subplot;
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            renderer.setSeriesPaint(0, VALUE);
            renderer.setSeriesStroke(0, new BasicStroke(1.8f));
            renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesPaint(1, TARGET);
            renderer.setSeriesStroke(1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f));
            renderer.setSeriesShapesVisible(1, false);
            renderer.setSeriesPaint(2, BASELINE);
            renderer.setSeriesStroke(2, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f, 2.5f}, 0f));
            renderer.setSeriesShapesVisible(2, false);
        }
        return chart;
    }

    /** Height in points for {@code panels} panels of about 120 points each plus axis and legend. */
    public static int preferredHeight(int panels) {
        return 60 + 120 * Math.max(1, panels);
    }

    private static XYPlot plot(Panel panel) {
        XYSeries values = new XYSeries("Wert", false, true);
        XYSeries targets = new XYSeries("Ziel", false, true);
        XYSeries baselines = new XYSeries("Basiswert", false, true);
        List<IntervalMarker> gaps = new ArrayList<>();
        for (Point point : panel.points()) {
            double middle = (millis(point.start()) + millis(point.end().plusDays(1))) / 2.0;
            values.add(middle, point.value());
            // target and baseline span the whole period, so a step is visible where a target changes
            targets.add(millis(point.start()), point.target());
            targets.add(millis(point.end().plusDays(1)) - 1, point.target());
            baselines.add(millis(point.start()), point.baseline());
            baselines.add(millis(point.end().plusDays(1)) - 1, point.baseline());
            if (point.value() == null) {
                IntervalMarker gap = new IntervalMarker(millis(point.start()), millis(point.end().plusDays(1)));
                gap.setPaint(NO_DATA);
                gaps.add(gap);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(values);
        dataset.addSeries(targets);
        dataset.addSeries(baselines);
        NumberAxis axis = new NumberAxis(panel.label());
        axis.setLabelFont(ChartTheme.font(Font.PLAIN, 7.5f));
        axis.setAutoRangeIncludesZero(false);
        NumberFormat format = panel.share() ? NumberFormat.getPercentInstance(GermanFormat.LOCALE)
                : NumberFormat.getNumberInstance(GermanFormat.LOCALE);
        axis.setNumberFormatOverride(format);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(dataset, null, axis, renderer);
        plot.setNoDataMessage(GermanFormat.NO_DATA);
        gaps.forEach(gap -> plot.addDomainMarker(gap, org.jfree.chart.ui.Layer.BACKGROUND));
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    private static LegendItemCollection legend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(line("Wert", VALUE, new BasicStroke(1.8f)));
        items.add(line("Ziel", TARGET, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f)));
        items.add(line("Basiswert", BASELINE, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {1.5f, 2.5f}, 0f)));
        LegendItem noData = new LegendItem("keine Daten", null, null, null, new Rectangle2D.Double(-5, -5, 10, 10), NO_DATA);
        noData.setLabelFont(ChartTheme.font(Font.PLAIN, 8f));
        items.add(noData);
        return items;
    }

    private static LegendItem line(String label, Color colour, BasicStroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-6, -1, 12, 2), false, colour, false,
                colour, stroke, true, new java.awt.geom.Line2D.Double(-8, 0, 8, 0), stroke, colour);
        item.setLabelFont(ChartTheme.font(Font.PLAIN, 8f));
        return item;
    }

    private static double millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
