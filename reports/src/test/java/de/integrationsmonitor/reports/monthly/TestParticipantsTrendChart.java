package de.integrationsmonitor.reports.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class TestParticipantsTrendChart {
    // deliberately out of order: the chart sorts by month
    private static final List<MonthPoint> POINTS = List.of(
            new MonthPoint(YearMonth.of(2026, 10), 1234, 87),
            new MonthPoint(YearMonth.of(2026, 8), 950, 80),
            new MonthPoint(YearMonth.of(2026, 9), 1010, 85));

    @Test
    void barsArePerMonthInOrderWithGermanLabels() {
        JFreeChart chart = ParticipantsTrendChart.chart(POINTS, Set.of());
        CategoryPlot plot = chart.getCategoryPlot();

        assertThat(plot.getDataset(0).getColumnKeys()).containsExactly("Aug. 2026", "Sept. 2026", "Okt. 2026");
        assertThat(plot.getDataset(0).getRowKeys()).containsExactly("Teilnehmende");
        assertThat(plot.getDataset(0).getValue("Teilnehmende", "Okt. 2026").longValue()).isEqualTo(1234L);
        assertThat(plot.getDataset(1).getRowKeys()).containsExactly("aktive Angebote");
        assertThat(plot.getDataset(1).getValue("aktive Angebote", "Aug. 2026").longValue()).isEqualTo(80L);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Monat");
        assertThat(plot.getRangeAxis(0).getLabel()).isEqualTo("Teilnehmende");
        assertThat(plot.getRangeAxis(1).getLabel()).isEqualTo("aktive Angebote");
        assertThat(((NumberAxis) plot.getRangeAxis(0)).getNumberFormatOverride().format(1234)).isEqualTo("1.234");
    }

    @Test
    void monthWithoutDataKeepsItsPlaceAndIsLabelledNotZero() {
        List<MonthPoint> withGap = List.of(
                new MonthPoint(YearMonth.of(2026, 8), 950, 80),
                new MonthPoint(YearMonth.of(2026, 10), 0, 87));
        CategoryPlot plot = ParticipantsTrendChart.chart(withGap, Set.of()).getCategoryPlot();

        assertThat(plot.getDataset(0).getColumnKeys()).containsExactly("Aug. 2026", "Sept. 2026", "Okt. 2026");
        assertThat(plot.getDataset(0).getValue("Teilnehmende", "Sept. 2026")).isNull();
        assertThat(plot.getDataset(1).getValue("aktive Angebote", "Sept. 2026")).isNull();
        // a real zero stays a zero
        assertThat(plot.getDataset(0).getValue("Teilnehmende", "Okt. 2026").longValue()).isZero();
        assertThat(plot.getAnnotations()).hasSize(1);
        CategoryTextAnnotation label = (CategoryTextAnnotation) plot.getAnnotations().get(0);
        assertThat(label.getText()).isEqualTo("keine Daten");
        assertThat(label.getCategory()).isEqualTo("Sept. 2026");
        assertThat(ParticipantsTrendChart.description(withGap, Set.of())).endsWith("Für 1 Monat liegen keine Daten vor.");
    }

    @Test
    void usesThemeFontAndColourBlindSafeColours() {
        CategoryPlot plot = ParticipantsTrendChart.chart(POINTS, Set.of()).getCategoryPlot();
        assertThat(plot.getDomainAxis().getLabelFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(plot.getRangeAxis().getTickLabelFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(plot.getRenderer(0).getSeriesPaint(0)).isEqualTo(ChartTheme.BLUE);
        assertThat(plot.getRenderer(1).getSeriesPaint(0)).isEqualTo(ChartTheme.VERMILLION);
    }

    @Test
    void renderableDrawsWithoutError() {
        Graphics2DRenderable renderable = (Graphics2DRenderable) ParticipantsTrendChart.renderable(POINTS, Set.of());
        BufferedImage image = new BufferedImage(515, 250, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            renderable.render(DefaultJasperReportsContext.getInstance(), graphics, new Rectangle2D.Double(0, 0, 515, 250));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            graphics.dispose();
        }
        // some bar pixel in Okabe-Ito blue was drawn
        boolean blueFound = false;
        for (int x = 0; x < image.getWidth() && !blueFound; x++) {
            for (int y = 0; y < image.getHeight() && !blueFound; y++) {
                blueFound = (image.getRGB(x, y) & 0xFFFFFF) == 0x0072B2;
            }
        }
        assertThat(blueFound).isTrue();
    }

    @Test
    void descriptionNamesPeriodAndValues() {
        assertThat(ParticipantsTrendChart.description(POINTS, Set.of())).isEqualTo(
                "Diagramm: Teilnehmende je Monat (Balken) und aktive Angebote (Linie) von August 2026 bis Oktober 2026."
                        + " Teilnehmende 950 im ersten und 1.234 im letzten Monat; aktive Angebote 80 und 87.");
        assertThat(ParticipantsTrendChart.description(List.of(), Set.of())).contains("keine Daten");
    }

    @Test
    void aHiddenMonthHasNoBarAndShowsTheMarkInChartAndText() {
        // August's 2 participants are a small count: no bar (its height would give it away), "•" at its foot
        List<MonthPoint> points = List.of(new MonthPoint(YearMonth.of(2026, 8), 2, 80), new MonthPoint(YearMonth.of(2026, 9), 40, 85));
        CategoryPlot plot = ParticipantsTrendChart.chart(points, Set.of(YearMonth.of(2026, 8))).getCategoryPlot();

        assertThat(plot.getDataset(0).getValue("Teilnehmende", "Aug. 2026")).isNull();
        assertThat(plot.getDataset(0).getValue("Teilnehmende", "Sept. 2026").longValue()).isEqualTo(40L);
        assertThat(plot.getDataset(1).getValue("aktive Angebote", "Aug. 2026").longValue()).isEqualTo(80L);
        assertThat(plot.getAnnotations()).singleElement()
                .satisfies(a -> assertThat(((CategoryTextAnnotation) a).getText()).isEqualTo("•"));
        assertThat(ParticipantsTrendChart.description(points, Set.of(YearMonth.of(2026, 8))))
                .contains("Teilnehmende • im ersten und 40 im letzten Monat");
    }
}
