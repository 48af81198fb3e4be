package de.integrationsmonitor.reports.evaluation;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One chart per model project: the Kaplan–Meier estimate of the share of cases that reached a
 * milestone (e.g. Kursbeginn) over the days since Zuzug, as a right-continuous step line (it jumps
 * up on an event day) with its 95 % confidence band as a light area that follows the same steps, a
 * dashed vertical line at the limit day and, if given, a dotted horizontal line at the target share.
 *
 * <p>The estimate is dataset 0 (an {@link XYStepRenderer} over the step points, starting at (0, 0)
 * and ending flat on the last day of follow-up). The band is dataset 1, drawn behind the line by a
 * {@link DeviationRenderer}: one series per stretch of consecutive steps with a known band, each
 * with the step corners spelled out (two points per step day), so a stretch without a band is
 * simply left blank.
 */
public final class KaplanMeierChart {
    static final Color ESTIMATE = ChartTheme.BLUE;
    /** The estimate's blue, translucent, so grid lines stay visible through the band. */
    static final Color BAND = new Color(0x00, 0x72, 0xB2, 0x40);
    static final Color LIMIT = ChartTheme.VERMILLION;
    static final Color TARGET = ChartTheme.BLUISH_GREEN;
    private static final Color LABEL_GROUND = new Color(255, 255, 255, 210);

    static final String ESTIMATE_LABEL = "Kaplan–Meier-Schätzung";
    static final String BAND_LABEL = "95-%-Konfidenzband";
    static final String TARGET_LABEL = "Ziel";
    static final String DAYS_AXIS_LABEL = "Tage seit Zuzug";
    static final String SHARE_AXIS_LABEL = "Anteil erreicht";
    /** Free days shown right of the limit line when follow-up ends earlier. */
    static final int DAYS_AFTER_LIMIT = 14;

    private static final BasicStroke ESTIMATE_STROKE = new BasicStroke(1.8f);
    private static final BasicStroke LIMIT_STROKE =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f);
    private static final BasicStroke TARGET_STROKE =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f, 2.5f}, 0f);

    private KaplanMeierChart() {}

    /** One step of the estimate: from {@code day} on, the share reached is {@code share} (0..1), with its 95 % band (null = unknown). */
    public record Step(int day, double share, Double lower, Double upper) {
        boolean hasBand() {
            return lower != null && upper != null;
        }
    }

    /**
     * @param steps in day order; the first may be day 0; share is non-decreasing
     * @param lastDay the last day of follow-up (the curve is drawn flat up to it)
     * @param limitDays the day of the vertical line
     * @param limitLabel e.g. "56 Tage (8 Wochen)"
     * @param target target share (0..1) or null
     */
    public static JFreeChart chart(List<Step> steps, int lastDay, int limitDays, String limitLabel, Double target) {
        requireNonNull(steps, "steps is null");
        requireNonNull(limitLabel, "limitLabel is null");
        check(steps, lastDay, limitDays, target);

        NumberAxis days = new NumberAxis(DAYS_AXIS_LABEL);
        double upperDay = Math.max(lastDay, limitDays + DAYS_AFTER_LIMIT);
        days.setRange(0, upperDay);
        days.setTickUnit(new NumberTickUnit(dayTickUnit(upperDay), NumberFormat.getIntegerInstance(GermanFormat.LOCALE)));
        NumberAxis share = new NumberAxis(SHARE_AXIS_LABEL);
        share.setRange(0, 1);
        share.setTickUnit(new NumberTickUnit(0.25, NumberFormat.getPercentInstance(GermanFormat.LOCALE)));

        YIntervalSeriesCollection band = band(steps, lastDay);
        XYPlot plot = new XYPlot(estimate(steps, lastDay), days, share, new XYStepRenderer());
        plot.setDataset(1, band);
        plot.setRenderer(1, new DeviationRenderer(false, false));
        plot.setDomainGridlinesVisible(false);

        ValueMarker limit = new ValueMarker(limitDays, LIMIT, LIMIT_STROKE);
        limit.setLabel(limitLabel);
        limit.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        limit.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(limit, Layer.FOREGROUND);
        if (target != null) {
            ValueMarker goal = new ValueMarker(target, TARGET, TARGET_STROKE);
            goal.setLabel(TARGET_LABEL + " " + percent(target));
            goal.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            goal.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(goal, Layer.FOREGROUND);
        }

        JFreeChart chart = new JFreeChart(null, ChartTheme.font(Font.BOLD, 11f), plot, true);
        ChartTheme.apply(chart);
        plot.setFixedLegendItems(legend(band.getSeriesCount() > 0, limitDays, target != null));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        // after the theme, which would reset series paints and marker fonts
        style(plot, band.getSeriesCount());
        return chart;
    }

    /** The height in points for the given width that reads well (e.g. 200). */
    public static int preferredHeight() {
        return 200;
    }

    /** The step points: (0, 0) unless there is a step on day 0, one point per step, then flat to {@code lastDay}. */
    private static XYSeriesCollection estimate(List<Step> steps, int lastDay) {
        XYSeries series = new XYSeries(ESTIMATE_LABEL, false, false);
        if (steps.isEmpty() || steps.get(0).day() > 0) {
            series.add(0, 0.0);
        }
        for (Step step : steps) {
            series.add(step.day(), step.share());
        }
        double lastShare = steps.isEmpty() ? 0.0 : steps.get(steps.size() - 1).share();
        if (series.getMaxX() < lastDay) {
            series.add(lastDay, lastShare);
        }
        return new XYSeriesCollection(series);
    }

    /**
     * One series per run of consecutive steps with a known band. A step's band spans from its day to
     * the next step's day (or {@code lastDay}); both corners are points, so straight lines between the
     * points draw steps.
     */
    private static YIntervalSeriesCollection band(List<Step> steps, int lastDay) {
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        YIntervalSeries run = null;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (!step.hasBand()) {
                run = null;
                continue;
            }
            if (run == null) {
                run = new YIntervalSeries(BAND_LABEL + " " + (collection.getSeriesCount() + 1), false, true);
                collection.addSeries(run);
            }
            int end = i + 1 < steps.size() ? steps.get(i + 1).day() : lastDay;
            run.add(step.day(), step.share(), step.lower(), step.upper());
            run.add(end, step.share(), step.lower(), step.upper());
        }
        return collection;
    }

    private static void style(XYPlot plot, int bandSeries) {
        XYStepRenderer line = (XYStepRenderer) plot.getRenderer(0);
        line.setSeriesPaint(0, ESTIMATE);
        line.setSeriesStroke(0, ESTIMATE_STROKE);
        line.setSeriesShapesVisible(0, false);
        DeviationRenderer shading = (DeviationRenderer) plot.getRenderer(1);
        shading.setAlpha(1f); // BAND is translucent itself, so the legend shows the same colour
        for (int series = 0; series < bandSeries; series++) {
            shading.setSeriesFillPaint(series, BAND);
            shading.setSeriesPaint(series, BAND);
        }
        labelStyle(plot.getDomainMarkers(Layer.FOREGROUND));
        labelStyle(plot.getRangeMarkers(Layer.FOREGROUND));
    }

    /** Marker labels in the theme's small font on a mostly opaque white ground, legible over band and grid. */
    private static void labelStyle(Collection<?> markers) {
        if (markers == null) {
            return;
        }
        for (Object marker : markers) {
            ValueMarker line = (ValueMarker) marker;
            line.setLabelFont(ChartTheme.font(Font.PLAIN, 7.5f));
            line.setLabelPaint(ChartTheme.TEXT);
            line.setLabelBackgroundColor(LABEL_GROUND);
            line.setLabelOffset(new RectangleInsets(2, 3, 2, 3));
        }
    }

    private static LegendItemCollection legend(boolean band, int limitDays, boolean target) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(line(ESTIMATE_LABEL, ESTIMATE, ESTIMATE_STROKE));
        if (band) {
            LegendItem area = new LegendItem(BAND_LABEL, null, null, null, new Rectangle2D.Double(-6, -4, 12, 8), BAND);
            area.setLabelFont(ChartTheme.font(Font.PLAIN, 8f));
            items.add(area);
        }
        items.add(line("Grenze " + GermanFormat.count(limitDays) + " Tage", LIMIT, LIMIT_STROKE));
        if (target) {
            items.add(line(TARGET_LABEL, TARGET, TARGET_STROKE));
        }
        return items;
    }

    private static LegendItem line(String label, Color colour, BasicStroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-6, -1, 12, 2), false, colour, false,
                colour, stroke, true, new Line2D.Double(-8, 0, 8, 0), stroke, colour);
        item.setLabelFont(ChartTheme.font(Font.PLAIN, 8f));
        return item;
    }

    /** Ticks on whole weeks, doubling (7, 14, 28, 56, …) until at most 6 intervals fit: 0..70 → 14, 0..90 → 28. */
    static int dayTickUnit(double upperDay) {
        int unit = 7;
        while (upperDay / unit > 6) {
            unit *= 2;
        }
        return unit;
    }

    /** "80 %", "82,5 %" (German percent format, no-break space before the sign). */
    static String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(GermanFormat.LOCALE);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private static void check(List<Step> steps, int lastDay, int limitDays, Double target) {
        if (lastDay < 0) {
            throw new IllegalArgumentException("lastDay must be at least 0, got " + lastDay);
        }
        if (limitDays < 0) {
            throw new IllegalArgumentException("limitDays must be at least 0, got " + limitDays);
        }
        if (target != null && !(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be a share between 0 and 1, got " + target);
        }
        Step previous = null;
        for (Step step : steps) {
            requireNonNull(step, "step is null");
            if (step.day() < 0) {
                throw new IllegalArgumentException("Step day must be at least 0: " + step);
            }
            if (!(step.share() >= 0 && step.share() <= 1)) {
                throw new IllegalArgumentException("Step share must be between 0 and 1: " + step);
            }
            if (step.hasBand() && !(0 <= step.lower() && step.lower() <= step.upper() && step.upper() <= 1)) {
                throw new IllegalArgumentException("Step band must satisfy 0 <= lower <= upper <= 1: " + step);
            }
            if (previous != null && step.day() <= previous.day()) {
                throw new IllegalArgumentException("Steps must be in increasing day order: " + step + " after " + previous);
            }
            if (previous != null && step.share() < previous.share()) {
                throw new IllegalArgumentException("Step share must not decrease: " + step + " after " + previous);
            }
            previous = step;
        }
        if (previous != null && lastDay < previous.day()) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before the last step on day " + previous.day());
        }
    }
}
