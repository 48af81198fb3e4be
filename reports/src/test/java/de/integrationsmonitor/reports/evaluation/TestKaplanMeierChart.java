package de.integrationsmonitor.reports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import de.integrationsmonitor.reports.evaluation.KaplanMeierChart.Step;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class TestKaplanMeierChart {
    private static final List<Step> STEPS = List.of(
            new Step(7, 0.1, 0.02, 0.3),
            new Step(14, 0.25, 0.12, 0.43),
            new Step(56, 0.6, 0.45, 0.75));

    private static JFreeChart chart() {
        return KaplanMeierChart.chart(STEPS, 90, 56, "56 Tage (8 Wochen)", 0.8);
    }

    @Test
    void estimateIsARightContinuousStepFromZeroToTheLastDay() {
        XYPlot plot = chart().getXYPlot();
        XYDataset estimate = plot.getDataset(0);

        assertThat(plot.getRenderer(0)).isInstanceOf(XYStepRenderer.class);
        assertThat(estimate.getSeriesCount()).isEqualTo(1);
        assertThat(estimate.getSeriesKey(0)).isEqualTo("Kaplan–Meier-Schätzung");
        assertThat(points(estimate, 0)).containsExactly("0 0.0", "7 0.1", "14 0.25", "56 0.6", "90 0.6");
        assertThat(valueAt(estimate, 3)).isEqualTo(0.0);
        assertThat(valueAt(estimate, 20)).isEqualTo(0.25);
        assertThat(valueAt(estimate, 55)).isEqualTo(0.25);
        // on the event day the new share holds already
        assertThat(valueAt(estimate, 56)).isEqualTo(0.6);
        assertThat(valueAt(estimate, 90)).isEqualTo(0.6);
    }

    @Test
    void aStepOnDayZeroReplacesTheStartAtZero() {
        XYDataset estimate = KaplanMeierChart.chart(List.of(new Step(0, 0.05, 0.01, 0.2), new Step(30, 0.5, 0.3, 0.7)),
                30, 56, "56 Tage (8 Wochen)", null).getXYPlot().getDataset(0);

        // follow-up ends on the last event day: no extra point
        assertThat(points(estimate, 0)).containsExactly("0 0.05", "30 0.5");
    }

    @Test
    void bandFollowsTheStepsWithItsLowerAndUpperBounds() {
        XYPlot plot = chart().getXYPlot();
        IntervalXYDataset band = (IntervalXYDataset) plot.getDataset(1);

        assertThat(plot.getRenderer(1)).isInstanceOf(DeviationRenderer.class);
        assertThat(band.getSeriesCount()).isEqualTo(1);
        // day lower upper: each step's band runs flat to the next step's day, then jumps
        assertThat(intervals(band, 0)).containsExactly(
                "7 0.02 0.3", "14 0.02 0.3",
                "14 0.12 0.43", "56 0.12 0.43",
                "56 0.45 0.75", "90 0.45 0.75");
    }

    @Test
    void unknownBandLeavesAGap() {
        List<Step> steps = List.of(
                new Step(7, 0.1, 0.02, 0.3),
                new Step(14, 0.25, null, null),
                new Step(56, 0.6, 0.45, 0.75));
        IntervalXYDataset band = (IntervalXYDataset) KaplanMeierChart.chart(steps, 90, 56, "56 Tage (8 Wochen)", null)
                .getXYPlot().getDataset(1);

        assertThat(band.getSeriesCount()).isEqualTo(2);
        assertThat(intervals(band, 0)).containsExactly("7 0.02 0.3", "14 0.02 0.3");
        assertThat(intervals(band, 1)).containsExactly("56 0.45 0.75", "90 0.45 0.75");
    }

    @Test
    void limitLineTargetLineAndAxesAreGerman() {
        XYPlot plot = chart().getXYPlot();

        assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).singleElement().satisfies(marker -> {
            assertThat(((ValueMarker) marker).getValue()).isEqualTo(56.0);
            assertThat(((ValueMarker) marker).getLabel()).isEqualTo("56 Tage (8 Wochen)");
            assertThat(((ValueMarker) marker).getPaint()).isEqualTo(ChartTheme.VERMILLION);
        });
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).singleElement().satisfies(marker -> {
            assertThat(((ValueMarker) marker).getValue()).isEqualTo(0.8);
            assertThat(((ValueMarker) marker).getLabel()).isEqualTo("Ziel 80\u00a0%");
        });
        NumberAxis days = (NumberAxis) plot.getDomainAxis();
        NumberAxis share = (NumberAxis) plot.getRangeAxis();
        assertThat(days.getLabel()).isEqualTo("Tage seit Zuzug");
        assertThat(days.getLowerBound()).isEqualTo(0.0);
        assertThat(days.getUpperBound()).isEqualTo(90.0);
        assertThat(days.getTickUnit().getSize()).isEqualTo(28.0);
        assertThat(days.getTickUnit().valueToString(1008)).isEqualTo("1.008");
        assertThat(share.getLabel()).isEqualTo("Anteil erreicht");
        assertThat(share.getLowerBound()).isEqualTo(0.0);
        assertThat(share.getUpperBound()).isEqualTo(1.0);
        assertThat(share.getTickUnit().valueToString(0.5)).isEqualTo("50\u00a0%");
        assertThat(days.getLabelFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(plot.getRenderer(0).getSeriesPaint(0)).isEqualTo(ChartTheme.BLUE);
    }

    @Test
    void dayAxisReachesTwoWeeksPastTheLimitWhenFollowUpIsShorter() {
        NumberAxis days = (NumberAxis) KaplanMeierChart.chart(STEPS, 60, 56, "56 Tage (8 Wochen)", null)
                .getXYPlot().getDomainAxis();

        assertThat(days.getUpperBound()).isEqualTo(70.0);
        assertThat(days.getTickUnit().getSize()).isEqualTo(14.0);
        assertThat(KaplanMeierChart.dayTickUnit(42)).isEqualTo(7);
        assertThat(KaplanMeierChart.dayTickUnit(365)).isEqualTo(112);
    }

    @Test
    void legendNamesOnlyWhatIsDrawn() {
        assertThat(legend(chart())).containsExactly("Kaplan–Meier-Schätzung", "95-%-Konfidenzband", "Grenze 56 Tage", "Ziel");

        List<Step> withoutBand = List.of(new Step(10, 0.2, null, null));
        assertThat(legend(KaplanMeierChart.chart(withoutBand, 90, 28, "28 Tage (4 Wochen)", null)))
                .containsExactly("Kaplan–Meier-Schätzung", "Grenze 28 Tage");
    }

    @Test
    void withoutEventsAFlatLineAtZeroAndTheLimitLine() {
        JFreeChart chart = KaplanMeierChart.chart(List.of(), 90, 56, "56 Tage (8 Wochen)", null);
        XYPlot plot = chart.getXYPlot();

        assertThat(points(plot.getDataset(0), 0)).containsExactly("0 0.0", "90 0.0");
        assertThat(plot.getDataset(1).getSeriesCount()).isZero();
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).singleElement()
                .satisfies(marker -> assertThat(((ValueMarker) marker).getValue()).isEqualTo(56.0));
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).isNullOrEmpty();
        BufferedImage image = chart.createBufferedImage(515, KaplanMeierChart.preferredHeight());
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void rendersLineAndBandAndLeavesTheUnknownBandBlank() {
        ChartRenderingInfo info = new ChartRenderingInfo();
        JFreeChart chart = chart();
        BufferedImage image = chart.createBufferedImage(515, KaplanMeierChart.preferredHeight(), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();

        // day 30, 35 %: inside the band of the step on day 14 (12 %..43 %), above the line at 25 %
        int x = (int) plot.getDomainAxis().valueToJava2D(30, area, RectangleEdge.BOTTOM);
        int y = (int) plot.getRangeAxis().valueToJava2D(0.35, area, RectangleEdge.LEFT);
        // BAND (alpha 0x40) over white
        assertThat(close(rgb(image, x, y), 0xBFDCEC)).as("band colour").isTrue();
        // the line itself at 25 %
        int lineY = (int) plot.getRangeAxis().valueToJava2D(0.25, area, RectangleEdge.LEFT);
        assertThat(lineNear(image, x, lineY)).as("line colour").isTrue();
        // day 30, 50 %: above the band
        int above = (int) plot.getRangeAxis().valueToJava2D(0.5, area, RectangleEdge.LEFT) - 3;
        assertThat(rgb(image, x, above)).isEqualTo(0xFFFFFF);

        List<Step> gap = List.of(new Step(7, 0.1, 0.02, 0.3), new Step(14, 0.25, null, null), new Step(56, 0.6, 0.45, 0.75));
        BufferedImage withGap = KaplanMeierChart.chart(gap, 90, 56, "56 Tage (8 Wochen)", 0.8)
                .createBufferedImage(515, KaplanMeierChart.preferredHeight());
        assertThat(rgb(withGap, x, y)).isEqualTo(0xFFFFFF);
        assertThat(lineNear(withGap, x, lineY)).as("line colour").isTrue();
    }

    @Test
    void rejectsStepsThatAreNotAnEstimate() {
        assertThatThrownBy(() -> KaplanMeierChart.chart(List.of(new Step(7, 0.3, null, null), new Step(14, 0.2, null, null)),
                90, 56, "56 Tage", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> KaplanMeierChart.chart(List.of(new Step(14, 0.2, null, null), new Step(7, 0.3, null, null)),
                90, 56, "56 Tage", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increasing day order");
        assertThatThrownBy(() -> KaplanMeierChart.chart(STEPS, 40, 56, "56 Tage", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastDay 40 is before the last step on day 56");
        assertThatThrownBy(() -> KaplanMeierChart.chart(STEPS, 90, 56, "56 Tage", 80.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target must be a share between 0 and 1, got 80.0");
        assertThatThrownBy(() -> KaplanMeierChart.chart(List.of(new Step(7, 0.3, 0.4, 0.2)), 90, 56, "56 Tage", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower <= upper");
    }

    /** The estimate on {@code day}: the y of the last point on or before it (right-continuous steps). */
    private static double valueAt(XYDataset dataset, int day) {
        double value = Double.NaN;
        for (int item = 0; item < dataset.getItemCount(0); item++) {
            if (dataset.getXValue(0, item) <= day) {
                value = dataset.getYValue(0, item);
            }
        }
        return value;
    }

    private static List<String> points(XYDataset dataset, int series) {
        List<String> points = new ArrayList<>();
        for (int item = 0; item < dataset.getItemCount(series); item++) {
            points.add((int) dataset.getXValue(series, item) + " " + dataset.getYValue(series, item));
        }
        return points;
    }

    private static List<String> intervals(IntervalXYDataset dataset, int series) {
        List<String> intervals = new ArrayList<>();
        for (int item = 0; item < dataset.getItemCount(series); item++) {
            intervals.add((int) dataset.getXValue(series, item) + " " + dataset.getStartYValue(series, item) + " "
                    + dataset.getEndYValue(series, item));
        }
        return intervals;
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> labels = new ArrayList<>();
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    /** Some pixel in the rows around {@code y} has the estimate's blue (the 1.8 pt line is anti-aliased). */
    private static boolean lineNear(BufferedImage image, int x, int y) {
        for (int row = y - 1; row <= y + 1; row++) {
            if (close(rgb(image, x, row), 0x0072B2)) {
                return true;
            }
        }
        return false;
    }

    /** Every channel within 3 of the expected colour (alpha blending rounds). */
    private static boolean close(int actual, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((actual >> shift & 0xFF) - (expected >> shift & 0xFF)) > 3) {
                return false;
            }
        }
        return true;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
