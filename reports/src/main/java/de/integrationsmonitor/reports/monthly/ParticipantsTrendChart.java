package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.charts.renderers.JCommonDrawableRendererImpl;
import net.sf.jasperreports.renderers.Renderable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Monatsbericht trend chart: participants per month as bars (left axis) and active offers as a
 * line (right axis), over up to twelve months. Handed to Jasper as a vector renderable, so text
 * stays sharp in the PDF.
 */
public final class ParticipantsTrendChart {
    static final String PARTICIPANTS = "Teilnehmende";
    static final String ACTIVE_OFFERS = "aktive Angebote";
    static final String MONTH_AXIS = "Monat";

    private ParticipantsTrendChart() {}

    /**
     * The chart for {@code points}, oldest month first whatever the input order. Every month from
     * the first to the last point gets a category; a month without a point has no bar and no line
     * point and is labelled "keine Daten", so a missing month never looks like a zero or vanishes. A month whose
     * participants are {@code hidden} (small-count protection) has no bar either, and is labelled "•".
     */
    public static JFreeChart chart(List<MonthPoint> points, java.util.Set<YearMonth> hidden) {
        List<MonthPoint> sorted = sorted(points);
        Map<YearMonth, MonthPoint> byMonth = new HashMap<>();
        sorted.forEach(point -> byMonth.put(point.month(), point));
        DefaultCategoryDataset participants = new DefaultCategoryDataset();
        DefaultCategoryDataset offers = new DefaultCategoryDataset();
        List<String> missingMonths = new ArrayList<>();
        List<String> hiddenMonths = new ArrayList<>();
        for (YearMonth month : months(sorted)) {
            String label = GermanFormat.shortMonthYear(month);
            MonthPoint point = byMonth.get(month);
            boolean hide = point != null && hidden.contains(month);
            participants.addValue(point == null || hide ? null : (Number) point.participants(), PARTICIPANTS, label);
            if (hide) {
                hiddenMonths.add(label);
            }
            offers.addValue(point == null ? null : (Number) point.activeOffers(), ACTIVE_OFFERS, label);
            if (point == null) {
                missingMonths.add(label);
            }
        }

        CategoryAxis monthAxis = new CategoryAxis(MONTH_AXIS);
        monthAxis.setMaximumCategoryLabelLines(2);
        monthAxis.setCategoryMargin(0.25);
        monthAxis.setLowerMargin(0.02);
        monthAxis.setUpperMargin(0.02);

        NumberAxis participantsAxis = countAxis(PARTICIPANTS);
        BarRenderer bars = new BarRenderer();
        bars.setMaximumBarWidth(0.08);
        bars.setDrawBarOutline(false);

        CategoryPlot plot = new CategoryPlot(participants, monthAxis, participantsAxis, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setNoDataMessage(GermanFormat.NO_DATA);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);

        plot.setDataset(1, offers);
        plot.setRangeAxis(1, countAxis(ACTIVE_OFFERS));
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        for (String month : missingMonths) {
            plot.addAnnotation(noDataLabel(month));
        }
        for (String month : hiddenMonths) {
            plot.addAnnotation(hiddenLabel(month));
        }

        JFreeChart chart = new JFreeChart(null, ChartTheme.font(Font.BOLD, 11f), plot, true);
        ChartTheme.apply(chart);
        // after the theme, which would otherwise reset series paints to the palette order
        bars.setSeriesPaint(0, ChartTheme.BLUE);
        line.setSeriesPaint(0, ChartTheme.VERMILLION);
        line.setSeriesStroke(0, new BasicStroke(2f));
        line.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    /** The chart as a Jasper image expression value (drawn as vector graphics by the PDF exporter). */
    public static Renderable renderable(List<MonthPoint> points, java.util.Set<YearMonth> hidden) {
        return new JCommonDrawableRendererImpl(chart(points, hidden));
    }

    /**
     * A short German text alternative for the chart (PDF Alt text of the image), naming the period
     * and the first and last values ("•" where {@code hidden}).
     */
    public static String description(List<MonthPoint> points, java.util.Set<YearMonth> hidden) {
        List<MonthPoint> sorted = sorted(points);
        if (sorted.isEmpty()) {
            return "Diagramm Teilnehmende und aktive Angebote je Monat: keine Daten.";
        }
        MonthPoint first = sorted.get(0);
        MonthPoint last = sorted.get(sorted.size() - 1);
        int missing = months(sorted).size() - sorted.size();
        return "Diagramm: Teilnehmende je Monat (Balken) und aktive Angebote (Linie) von "
                + GermanFormat.monthYear(first.month()) + " bis " + GermanFormat.monthYear(last.month())
                + ". Teilnehmende " + participants(first, hidden) + " im ersten und "
                + participants(last, hidden) + " im letzten Monat; aktive Angebote "
                + GermanFormat.count(first.activeOffers()) + " und " + GermanFormat.count(last.activeOffers()) + "."
                + (missing == 0 ? "" : " Für " + missing + (missing == 1 ? " Monat" : " Monate") + " liegen keine Daten vor.");
    }

    /** Vertical "keine Daten" standing on the base line of a month without data. */
    private static String participants(MonthPoint point, java.util.Set<YearMonth> hidden) {
        return hidden.contains(point.month()) ? SmallCounts.MARK : GermanFormat.count(point.participants());
    }

    /** "•" at the foot of a month whose bar is withheld. */
    private static CategoryTextAnnotation hiddenLabel(String month) {
        CategoryTextAnnotation label = new CategoryTextAnnotation(SmallCounts.MARK, month, 0.0);
        label.setFont(ChartTheme.font(Font.PLAIN, 9f));
        label.setPaint(ChartTheme.AXIS);
        label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        return label;
    }

    private static CategoryTextAnnotation noDataLabel(String month) {
        CategoryTextAnnotation label = new CategoryTextAnnotation(GermanFormat.NO_DATA, month, 0.0);
        label.setFont(ChartTheme.font(Font.ITALIC, 7f));
        label.setPaint(ChartTheme.AXIS);
        label.setRotationAngle(-Math.PI / 2);
        label.setTextAnchor(TextAnchor.CENTER_LEFT);
        label.setRotationAnchor(TextAnchor.CENTER_LEFT);
        return label;
    }

    /** Every month from the first to the last point, gaps included. */
    private static List<YearMonth> months(List<MonthPoint> sorted) {
        List<YearMonth> months = new ArrayList<>();
        if (sorted.isEmpty()) {
            return months;
        }
        YearMonth last = sorted.get(sorted.size() - 1).month();
        for (YearMonth month = sorted.get(0).month(); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(GermanFormat.LOCALE));
        axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(GermanFormat.LOCALE));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.10);
        return axis;
    }

    private static List<MonthPoint> sorted(List<MonthPoint> points) {
        requireNonNull(points, "points is null");
        return points.stream().sorted(Comparator.comparing(MonthPoint::month, YearMonth::compareTo)).toList();
    }
}
