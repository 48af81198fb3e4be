package de.integrationsmonitor.reports.common.charts;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.charts.renderers.JCommonDrawableRendererImpl;
import net.sf.jasperreports.renderers.Renderable;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.AbstractXYZDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Categorical heatmap: a matrix of rows × columns whose cells carry a colour class ({@link Shade}),
 * a short centred text and optionally a thick frame. Row labels stand on the left, column labels
 * on top (turned by 90° when they do not fit next to each other), the legend at the bottom.
 *
 * <p>The colours stay distinguishable with red–green colour blindness and in greyscale print:
 * ZERO is black, LOW Okabe–Ito orange, MEDIUM a light sky blue, HIGH Okabe–Ito blue, NEUTRAL
 * light grey; a position without a cell stays white. Handed to Jasper as a vector renderable.
 */
public final class Heatmap {
    /** Colour class of a cell. */
    public enum Shade { ZERO, LOW, MEDIUM, HIGH, NEUTRAL }

    /**
     * One cell; {@code text} is printed centred in the cell (may be "", {@code null} counts as ""),
     * {@code emphasised} draws a thick dark frame around it.
     */
    public record Cell(String row, String column, Shade shade, String text, boolean emphasised) implements Serializable {
        public Cell {
            requireNonNull(row, "row is null");
            requireNonNull(column, "column is null");
            requireNonNull(shade, "shade is null");
            text = text == null ? "" : text;
        }
    }

    static final Color MEDIUM_BLUE = new Color(0x9C, 0xD0, 0xEE);
    static final Color NEUTRAL_GREY = new Color(0xE6, 0xE6, 0xE6);
    static final Color NEUTRAL_TEXT = new Color(0x4D, 0x4D, 0x4D);
    /** Frame of an emphasised cell; a thin white line inside keeps it visible on dark cells. */
    static final Color FRAME = Color.BLACK;

    static final float CELL_FONT_SIZE = 7.5f;
    static final float MIN_CELL_FONT_SIZE = 5f;
    static final float LABEL_FONT_SIZE = 7.5f;
    /** Row height {@link #preferredHeight(int)} aims at. */
    static final int ROW_HEIGHT = 15;
    /** Room for column labels of up to ~20 characters turned by 90°, the legend and padding. */
    static final int FRAME_HEIGHT = 144;

    private static final float FRAME_WIDTH = 2f;
    private static final float GAP = 1f;

    private Heatmap() {}

    /** Fill colour of {@code shade}. */
    public static Color fill(Shade shade) {
        return switch (shade) {
            case ZERO -> Color.BLACK;
            case LOW -> ChartTheme.ORANGE;
            case MEDIUM -> MEDIUM_BLUE;
            case HIGH -> ChartTheme.BLUE;
            case NEUTRAL -> NEUTRAL_GREY;
        };
    }

    /** Text colour on a cell of {@code shade}. */
    public static Color textColour(Shade shade) {
        return switch (shade) {
            case ZERO, HIGH -> Color.WHITE;
            case LOW, MEDIUM -> Color.BLACK;
            case NEUTRAL -> NEUTRAL_TEXT;
        };
    }

    /**
     * The heatmap: rows top to bottom and columns left to right in the given order; a (row,
     * column) without a cell is drawn white with no text. The legend names each shade that has a
     * label in {@code legend}, in enum order. Empty {@code rows} or {@code columns} give a chart
     * that only says "keine Daten".
     *
     * @throws IllegalArgumentException if a cell names an unknown row or column, a row or column
     *         is listed twice, or two cells share a position
     */
    public static JFreeChart chart(List<String> rows, List<String> columns, List<Cell> cells, Map<Shade, String> legend) {
        return chart(rows, columns, cells, legend, null);
    }

    /**
     * As {@link #chart(List, List, List, Map)}, with a last legend item {@code emphasisLabel}
     * (a framed white box) explaining the frame; {@code null} leaves it out.
     */
    public static JFreeChart chart(List<String> rows, List<String> columns, List<Cell> cells, Map<Shade, String> legend,
            String emphasisLabel) {
        requireNonNull(rows, "rows is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(cells, "cells is null");
        requireNonNull(legend, "legend is null");
        if (rows.isEmpty() || columns.isEmpty()) {
            return noData();
        }
        CellDataset dataset = new CellDataset(rows, columns, cells);

        LabelAxis columnAxis = new LabelAxis(columns);
        columnAxis.setRange(-0.5, columns.size() - 0.5);
        LabelAxis rowAxis = new LabelAxis(rows);
        rowAxis.setRange(-0.5, rows.size() - 0.5);
        rowAxis.setInverted(true);

        CellRenderer renderer = new CellRenderer();
        XYPlot plot = new XYPlot(dataset, columnAxis, rowAxis, renderer);
        plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setRangeAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setFixedLegendItems(legendItems(legend, emphasisLabel));

        JFreeChart chart = new JFreeChart(null, ChartTheme.font(Font.BOLD, 11f), plot, true);
        ChartTheme.apply(chart);
        // after the theme, which resets fonts, grid lines and the outline
        for (LabelAxis axis : List.of(columnAxis, rowAxis)) {
            axis.setTickLabelFont(ChartTheme.font(Font.PLAIN, LABEL_FONT_SIZE));
            axis.setTickLabelPaint(ChartTheme.TEXT);
            axis.setAxisLineVisible(false);
            axis.setTickMarksVisible(false);
            axis.setTickLabelInsets(new RectangleInsets(2, 2, 2, 3));
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(true);
        plot.setOutlinePaint(ChartTheme.GRID);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        LegendTitle legendTitle = chart.getLegend();
        if (plot.getLegendItems().getItemCount() == 0) {
            chart.removeLegend();
        } else {
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setItemFont(ChartTheme.font(Font.PLAIN, LABEL_FONT_SIZE));
            legendTitle.setMargin(new RectangleInsets(6, 0, 0, 0));
            legendTitle.setItemLabelPadding(new RectangleInsets(2, 3, 2, 8));
        }
        return chart;
    }

    /** The chart as a Jasper image expression value (drawn as vector graphics by the PDF exporter). */
    public static Renderable renderable(List<String> rows, List<String> columns, List<Cell> cells, Map<Shade, String> legend) {
        return new JCommonDrawableRendererImpl(chart(rows, columns, cells, legend));
    }

    /** As {@link #renderable(List, List, List, Map)} with a legend item for the frame. */
    public static Renderable renderable(List<String> rows, List<String> columns, List<Cell> cells, Map<Shade, String> legend,
            String emphasisLabel) {
        return new JCommonDrawableRendererImpl(chart(rows, columns, cells, legend, emphasisLabel));
    }

    /**
     * Height in points a chart with {@code rowCount} rows needs so that rows are about 15 pt high,
     * with room for column labels of up to ~20 characters turned by 90° and a two-line legend.
     * Meant for a width of about 515 pt (A4 portrait between margins).
     */
    public static int preferredHeight(int rowCount) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount < 0: " + rowCount);
        }
        return rowCount == 0 ? 60 : FRAME_HEIGHT + ROW_HEIGHT * rowCount;
    }

    /**
     * Height in points that gives {@code chart} (made by this class) rows of about 15 pt when drawn
     * {@code width} points wide, measured by laying it out once; tighter than {@link
     * #preferredHeight(int)} when the column labels are short or fit without turning.
     */
    public static int preferredHeight(JFreeChart chart, double width) {
        requireNonNull(chart, "chart is null");
        if (!(chart.getPlot() instanceof XYPlot plot) || !(plot.getRangeAxis() instanceof LabelAxis rowAxis)) {
            return preferredHeight(0);
        }
        double trialHeight = 2000;
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, trialHeight), info);
        } finally {
            g2.dispose();
        }
        double labelsAndLegend = trialHeight - info.getPlotInfo().getDataArea().getHeight();
        return (int) Math.ceil(labelsAndLegend + ROW_HEIGHT * rowAxis.labels.size());
    }

    private static JFreeChart noData() {
        XYPlot plot = new XYPlot();
        plot.setNoDataMessage(GermanFormat.NO_DATA);
        JFreeChart chart = new JFreeChart(null, ChartTheme.font(Font.BOLD, 11f), plot, false);
        ChartTheme.apply(chart);
        plot.setNoDataMessageFont(ChartTheme.font(Font.ITALIC, 8f));
        plot.setNoDataMessagePaint(ChartTheme.AXIS);
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        return chart;
    }

    private static LegendItemCollection legendItems(Map<Shade, String> legend, String emphasisLabel) {
        LegendItemCollection items = new LegendItemCollection();
        Shape box = new Rectangle2D.Double(-6, -4.5, 12, 9);
        Stroke outline = new BasicStroke(0.5f);
        for (Shade shade : Shade.values()) {
            String label = legend.get(shade);
            if (label != null) {
                items.add(new LegendItem(label, null, null, null, true, box, true, fill(shade), true, ChartTheme.AXIS,
                        outline, false, box, outline, Color.WHITE));
            }
        }
        if (emphasisLabel != null) {
            items.add(new LegendItem(emphasisLabel, null, null, null, true, box, true, Color.WHITE, true, FRAME,
                    new BasicStroke(FRAME_WIDTH), false, box, outline, Color.WHITE));
        }
        return items;
    }

    /** One series; item i is cell i: x the column index, y the row index, z the shade ordinal. */
    static final class CellDataset extends AbstractXYZDataset {
        private final List<Cell> cells;
        private final int[] columnIndex;
        private final int[] rowIndex;

        CellDataset(List<String> rows, List<String> columns, List<Cell> cells) {
            Map<String, Integer> rowPositions = positions(rows, "row");
            Map<String, Integer> columnPositions = positions(columns, "column");
            this.cells = List.copyOf(cells);
            this.columnIndex = new int[this.cells.size()];
            this.rowIndex = new int[this.cells.size()];
            Set<List<String>> seen = new HashSet<>();
            for (int i = 0; i < this.cells.size(); i++) {
                Cell cell = this.cells.get(i);
                Integer row = rowPositions.get(cell.row());
                Integer column = columnPositions.get(cell.column());
                if (row == null || column == null) {
                    throw new IllegalArgumentException("Cell " + cell + " names a row or column not in the lists");
                }
                if (!seen.add(List.of(cell.row(), cell.column()))) {
                    throw new IllegalArgumentException("Two cells for row " + cell.row() + ", column " + cell.column());
                }
                rowIndex[i] = row;
                columnIndex[i] = column;
            }
        }

        private static Map<String, Integer> positions(List<String> labels, String what) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                if (positions.put(requireNonNull(labels.get(i), what + " label is null"), i) != null) {
                    throw new IllegalArgumentException("The " + what + " " + labels.get(i) + " is listed twice");
                }
            }
            return positions;
        }

        Cell cell(int item) {
            return cells.get(item);
        }

        @Override
        public int getSeriesCount() {
            return 1;
        }

        @Override
        public Comparable<?> getSeriesKey(int series) {
            return "cells";
        }

        @Override
        public int getItemCount(int series) {
            return cells.size();
        }

        @Override
        public Number getX(int series, int item) {
            return columnIndex[item];
        }

        @Override
        public Number getY(int series, int item) {
            return rowIndex[item];
        }

        @Override
        public Number getZ(int series, int item) {
            return cells.get(item).shade().ordinal();
        }
    }

    /**
     * Draws each cell as a block one unit wide and high around its (x, y): pass 0 fills the blocks,
     * leaving a thin white gap between neighbours; pass 1 draws frames and texts on top, so a frame
     * is never covered by the next cell.
     */
    static final class CellRenderer extends AbstractXYItemRenderer {
        @Override
        public int getPassCount() {
            return 2;
        }

        /** The fill of the item's shade. */
        @Override
        public Paint getItemPaint(int series, int item) {
            Cell cell = ((CellDataset) getPlot().getDataset()).cell(item);
            return fill(cell.shade());
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                CrosshairState crosshairState, int pass) {
            Cell cell = ((CellDataset) dataset).cell(item);
            double x = dataset.getXValue(series, item);
            double y = dataset.getYValue(series, item);
            double x0 = domainAxis.valueToJava2D(x - 0.5, dataArea, plot.getDomainAxisEdge());
            double x1 = domainAxis.valueToJava2D(x + 0.5, dataArea, plot.getDomainAxisEdge());
            double y0 = rangeAxis.valueToJava2D(y - 0.5, dataArea, plot.getRangeAxisEdge());
            double y1 = rangeAxis.valueToJava2D(y + 0.5, dataArea, plot.getRangeAxisEdge());
            double half = GAP / 2;
            Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1) + half, Math.min(y0, y1) + half,
                    Math.abs(x1 - x0) - GAP, Math.abs(y1 - y0) - GAP);
            if (pass == 0) {
                g2.setPaint(getItemPaint(series, item));
                g2.fill(block);
                return;
            }
            if (cell.emphasised()) {
                drawFrame(g2, block);
            }
            if (!cell.text().isEmpty()) {
                drawText(g2, block, cell);
            }
        }

        private static void drawFrame(Graphics2D g2, Rectangle2D block) {
            double inset = FRAME_WIDTH / 2;
            g2.setPaint(FRAME);
            g2.setStroke(new BasicStroke(FRAME_WIDTH, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
            g2.draw(new Rectangle2D.Double(block.getX() + inset, block.getY() + inset,
                    block.getWidth() - FRAME_WIDTH, block.getHeight() - FRAME_WIDTH));
            double inner = FRAME_WIDTH + 0.4;
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(0.8f));
            g2.draw(new Rectangle2D.Double(block.getX() + inner, block.getY() + inner,
                    block.getWidth() - 2 * inner, block.getHeight() - 2 * inner));
        }

        /** Centred text, made smaller (down to {@link #MIN_CELL_FONT_SIZE}) if it does not fit. */
        private static void drawText(Graphics2D g2, Rectangle2D block, Cell cell) {
            int style = cell.shade() == Shade.ZERO ? Font.BOLD : Font.PLAIN;
            Font font = ChartTheme.font(style, CELL_FONT_SIZE);
            double room = block.getWidth() - 2 * (FRAME_WIDTH + 1);
            double width = TextUtils.getTextBounds(cell.text(), g2, g2.getFontMetrics(font)).getWidth();
            if (width > room && room > 0) {
                font = font.deriveFont((float) Math.max(MIN_CELL_FONT_SIZE, CELL_FONT_SIZE * room / width));
            }
            g2.setFont(font);
            g2.setPaint(textColour(cell.shade()));
            TextUtils.drawAlignedString(cell.text(), g2, (float) block.getCenterX(), (float) block.getCenterY(),
                    TextAnchor.HALF_ASCENT_CENTER);
        }
    }

    /**
     * One tick per label at 0, 1, 2, …, all of them drawn. On a top or bottom edge the labels
     * are turned by 90° (reading upwards) when the widest does not fit into one column.
     */
    static final class LabelAxis extends SymbolAxis {
        private final List<String> labels;
        private boolean turned;

        LabelAxis(List<String> labels) {
            super(null, labels.toArray(new String[0]));
            this.labels = List.copyOf(labels);
            setGridBandsVisible(false);
        }

        /** Whether the labels were turned by 90° in the last layout. */
        @Override
        public boolean isVerticalTickLabels() {
            return turned;
        }

        @Override
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            boolean horizontalAxis = RectangleEdge.isTopOrBottom(edge);
            turned = horizontalAxis && widestLabel(g2) + 2 > dataArea.getWidth() / labels.size();
            TextAnchor anchor;
            double angle = 0;
            if (!horizontalAxis) {
                anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            } else if (turned) {
                anchor = edge == RectangleEdge.TOP ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
                angle = -Math.PI / 2;
            } else {
                anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
            }
            List<NumberTick> ticks = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                ticks.add(new NumberTick(i, labels.get(i), anchor, anchor, angle));
            }
            return ticks;
        }

        private double widestLabel(Graphics2D g2) {
            FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
            double widest = 0;
            for (String label : labels) {
                widest = Math.max(widest, TextUtils.getTextBounds(label, g2, metrics).getWidth());
            }
            return widest;
        }
    }
}
