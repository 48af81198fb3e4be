package de.integrationsmonitor.reports.common.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.reports.common.charts.Heatmap.Cell;
import de.integrationsmonitor.reports.common.charts.Heatmap.Shade;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

class TestHeatmap {
    private static final List<String> ROWS = List.of("deutsch", "türkisch", "afrikanische Sprachen");
    private static final List<String> COLUMNS = List.of("Oer-Erkenschwick", "Haltern am See");
    private static final List<Cell> CELLS = List.of(
            new Cell("deutsch", "Oer-Erkenschwick", Shade.ZERO, "0", true),
            new Cell("deutsch", "Haltern am See", Shade.LOW, "0,43", false),
            new Cell("türkisch", "Oer-Erkenschwick", Shade.MEDIUM, "0,87", false),
            new Cell("türkisch", "Haltern am See", Shade.NEUTRAL, "–", false),
            new Cell("afrikanische Sprachen", "Haltern am See", Shade.HIGH, "1,2", false));
    // afrikanische Sprachen × Oer-Erkenschwick has no cell: drawn white

    private static Map<Shade, String> legend() {
        Map<Shade, String> legend = new LinkedHashMap<>(); // deliberately not in enum order
        legend.put(Shade.NEUTRAL, "kein Bedarf erfasst");
        legend.put(Shade.HIGH, "1 und mehr");
        legend.put(Shade.ZERO, "kein Angebot für Mülheim");
        return legend;
    }

    @Test
    void oneItemPerCellWithTheShadeColour() {
        XYPlot plot = Heatmap.chart(ROWS, COLUMNS, CELLS, legend()).getXYPlot();
        XYZDataset dataset = (XYZDataset) plot.getDataset();

        assertThat(dataset.getSeriesCount()).isEqualTo(1);
        assertThat(dataset.getItemCount(0)).isEqualTo(CELLS.size());
        List<Object> paints = new ArrayList<>();
        for (int item = 0; item < CELLS.size(); item++) {
            paints.add(plot.getRenderer().getItemPaint(0, item));
        }
        assertThat(paints).containsExactly(Color.BLACK, ChartTheme.ORANGE, new Color(0x9CD0EE),
                new Color(0xE6E6E6), ChartTheme.BLUE);
        // x = column index, y = row index, z = shade
        assertThat(dataset.getXValue(0, 4)).isEqualTo(1.0);
        assertThat(dataset.getYValue(0, 4)).isEqualTo(2.0);
        assertThat(dataset.getZValue(0, 4)).isEqualTo(Shade.HIGH.ordinal());
        assertThat(Heatmap.textColour(Shade.ZERO)).isEqualTo(Color.WHITE);
        assertThat(Heatmap.textColour(Shade.LOW)).isEqualTo(Color.BLACK);
    }

    @Test
    void rowsRunTopToBottomAndColumnsLeftToRightUnderTopLabels() {
        JFreeChart chart = Heatmap.chart(ROWS, COLUMNS, CELLS, legend());
        XYPlot plot = chart.getXYPlot();
        SymbolAxis rowAxis = (SymbolAxis) plot.getRangeAxis();
        SymbolAxis columnAxis = (SymbolAxis) plot.getDomainAxis();

        assertThat(rowAxis.getSymbols()).containsExactly("deutsch", "türkisch", "afrikanische Sprachen");
        assertThat(columnAxis.getSymbols()).containsExactly("Oer-Erkenschwick", "Haltern am See");
        assertThat(plot.getDomainAxisEdge()).isEqualTo(RectangleEdge.TOP);
        assertThat(plot.getRangeAxisEdge()).isEqualTo(RectangleEdge.LEFT);
        Rectangle2D area = new Rectangle2D.Double(0, 0, 100, 100);
        assertThat(rowAxis.valueToJava2D(0, area, RectangleEdge.LEFT))
                .isLessThan(rowAxis.valueToJava2D(2, area, RectangleEdge.LEFT));

        // and on screen: ZERO (black) top left, HIGH (blue) bottom right, the absent cell white
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(515, Heatmap.preferredHeight(chart, 515), info);
        Rectangle2D data = info.getPlotInfo().getDataArea();
        double cellWidth = data.getWidth() / COLUMNS.size();
        double cellHeight = data.getHeight() / ROWS.size();
        // 5 px inside the corner: inside the fill, beside the centred text (and inside a frame)
        int left = (int) (data.getX() + 5);
        int right = (int) (data.getMaxX() - 5);
        int top = (int) (data.getY() + 5);
        int bottom = (int) (data.getMaxY() - 5);
        assertThat(cellHeight).isBetween(14.0, 17.0);
        assertThat(cellWidth).isGreaterThan(100.0);
        assertThat(rgb(image, left, top)).isEqualTo(0x000000);
        assertThat(rgb(image, right, bottom)).isEqualTo(0x0072B2);
        assertThat(rgb(image, left, bottom)).isEqualTo(0xFFFFFF);
        // the emphasised top left cell has its white inner frame line
        int frameLineX = (int) Math.round(data.getX() + 0.5 + 2.4);
        assertThat(rgb(image, frameLineX, (int) (data.getY() + cellHeight / 2))).isNotEqualTo(0x000000);
    }

    @Test
    void legendHasTheGivenLabelsInEnumOrder() {
        XYPlot plot = Heatmap.chart(ROWS, COLUMNS, CELLS, legend()).getXYPlot();
        List<LegendItem> items = legendItems(plot);

        assertThat(items).extracting(LegendItem::getLabel)
                .containsExactly("kein Angebot für Mülheim", "1 und mehr", "kein Bedarf erfasst");
        assertThat(items).extracting(LegendItem::getFillPaint)
                .containsExactly(Color.BLACK, ChartTheme.BLUE, new Color(0xE6E6E6));

        List<LegendItem> withFrame = legendItems(Heatmap.chart(ROWS, COLUMNS, CELLS, legend(), "Schwerpunkt").getXYPlot());
        assertThat(withFrame).extracting(LegendItem::getLabel).endsWith("Schwerpunkt").hasSize(4);
        assertThat(Heatmap.chart(ROWS, COLUMNS, CELLS, Map.of()).getLegend()).isNull();
    }

    @Test
    void emptyRowsOrColumnsGiveANoDataChart() {
        for (JFreeChart chart : List.of(
                Heatmap.chart(List.of(), COLUMNS, List.of(), legend()),
                Heatmap.chart(ROWS, List.of(), CELLS, legend()))) {
            assertThat(chart.getXYPlot().getNoDataMessage()).isEqualTo("keine Daten");
            assertThat(chart.getLegend()).isNull();
            assertThat(chart.createBufferedImage(515, Heatmap.preferredHeight(0))).isNotNull();
        }
    }

    @Test
    void cellsAreValidated() {
        assertThat(new Cell("deutsch", "Marl", Shade.LOW, null, false).text()).isEmpty();
        assertThatThrownBy(() -> Heatmap.chart(ROWS, COLUMNS,
                List.of(new Cell("polnisch", "Marl", Shade.LOW, "1", false)), legend()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("polnisch");
        assertThatThrownBy(() -> Heatmap.chart(ROWS, COLUMNS,
                List.of(CELLS.get(0), new Cell("deutsch", "Oer-Erkenschwick", Shade.HIGH, "", false)), legend()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Two cells");
    }

    @Test
    void columnLabelsTurnOnlyWhenTheyDoNotFit() {
        JFreeChart narrow = Heatmap.chart(ROWS, COLUMNS, CELLS, legend());
        narrow.createBufferedImage(515, 200);
        assertThat(narrow.getXYPlot().getDomainAxis().isVerticalTickLabels()).isFalse();

        List<String> many = List.of("Castrop-Rauxel", "Datteln", "Dorsten", "Gladbeck", "Haltern am See", "Herten",
                "Marl", "Oer-Erkenschwick", "Recklinghausen", "Waltrop");
        JFreeChart wide = Heatmap.chart(ROWS, many, List.of(), legend());
        wide.createBufferedImage(515, Heatmap.preferredHeight(ROWS.size()));
        assertThat(wide.getXYPlot().getDomainAxis().isVerticalTickLabels()).isTrue();
    }

    @Test
    void usesDejaVuAndRendersThroughJasper() throws Exception {
        XYPlot plot = Heatmap.chart(ROWS, COLUMNS, CELLS, legend()).getXYPlot();
        assertThat(plot.getRangeAxis().getTickLabelFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(plot.getDomainAxis().getTickLabelFont().canDisplayUpTo("Oer-Erkenschwick türkisch Mülheim"))
                .isEqualTo(-1);

        Graphics2DRenderable renderable = (Graphics2DRenderable) Heatmap.renderable(ROWS, COLUMNS, CELLS, legend());
        BufferedImage image = new BufferedImage(515, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            renderable.render(DefaultJasperReportsContext.getInstance(), graphics, new Rectangle2D.Double(0, 0, 515, 200));
        } finally {
            graphics.dispose();
        }
        boolean orangeFound = false;
        for (int x = 0; x < image.getWidth() && !orangeFound; x++) {
            for (int y = 0; y < image.getHeight() && !orangeFound; y++) {
                orangeFound = rgb(image, x, y) == 0xE69F00;
            }
        }
        assertThat(orangeFound).isTrue();
        // a filled report holding the chart can be stored (JasperPrint, virtualizer)
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(Heatmap.chart(ROWS, COLUMNS, CELLS, legend()));
        }
    }

    @Test
    void preferredHeightGivesRowsOfAboutFifteenPoints() {
        assertThat(Heatmap.preferredHeight(24) - Heatmap.preferredHeight(23)).isEqualTo(15);
        assertThat(Heatmap.preferredHeight(24)).isBetween(24 * 15 + 100, 24 * 15 + 180);
        assertThat(Heatmap.preferredHeight(0)).isPositive();

        // measured: rows of 15 pt whether the column labels turn (many columns) or not (few)
        List<String> many = List.of("Castrop-Rauxel", "Datteln", "Dorsten", "Gladbeck", "Haltern am See", "Herten",
                "Marl", "Oer-Erkenschwick", "Recklinghausen", "Waltrop");
        for (List<String> columns : List.of(COLUMNS, many)) {
            JFreeChart chart = Heatmap.chart(ROWS, columns, List.of(), legend());
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.createBufferedImage(515, Heatmap.preferredHeight(chart, 515), info);
            assertThat(info.getPlotInfo().getDataArea().getHeight() / ROWS.size()).isBetween(14.5, 15.5);
        }
        assertThat(Heatmap.preferredHeight(Heatmap.chart(List.of(), COLUMNS, List.of(), legend()), 515)).isPositive();
        assertThatThrownBy(() -> Heatmap.preferredHeight(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<LegendItem> legendItems(XYPlot plot) {
        List<LegendItem> items = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            items.add(plot.getLegendItems().get(i));
        }
        return items;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
