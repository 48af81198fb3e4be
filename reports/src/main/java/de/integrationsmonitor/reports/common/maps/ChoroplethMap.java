package de.integrationsmonitor.reports.common.maps;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.charts.ChartTheme;
import de.integrationsmonitor.reports.common.maps.MapGeometry.Region;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Dimension2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.DimensionRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A choropleth map as a vector renderable: one panel per variable (small multiples, e.g. the six languages with the
 * largest gaps), each drawing the same regions filled by their class, with one legend, a scale bar and a note under
 * the panels. A region without a class in a panel is "keine Daten" (white with grey diagonal lines), which is never a colour
 * of a value. Schematic regions (cells from centres, not delivered shapes) have a dashed outline and the note says so.
 * The shapes are drawn as paths (JTS {@link ShapeWriter}), so the PDF keeps them as vectors.
 */
public final class ChoroplethMap extends AbstractRenderer implements Graphics2DRenderable, DimensionRenderable {
    private static final long serialVersionUID = 1L;

    /** The class of a region without a value in a panel. */
    public static final String NO_DATA = "keine Daten";

    private static final double PANEL_GAP = 8;
    private static final double TITLE_HEIGHT = 11;
    private static final double LEGEND_ROW = 10;
    private static final Color OUTLINE = new Color(0x4D, 0x4D, 0x4D);
    private static final Color CONTEXT_FILL = new Color(0xF4, 0xF4, 0xF4);

    /**
     * A class of the legend: its key (as the panels name it), the label, the fill and, for a hatched class, the colour
     * of its diagonal lines (null: solid).
     */
    public record LegendEntry(String key, String label, Paint paint, Color hatch) {
        public LegendEntry(String key, String label, Paint paint) {
            this(key, label, paint, null);
        }
    }

    /** "keine Daten": white, hatched in grey. */
    public static LegendEntry noData() {
        return new LegendEntry(NO_DATA, NO_DATA, Color.WHITE, new Color(0x8A, 0x8A, 0x8A));
    }

    /** One map of the small multiples: its title and each region's class key (region id to key). */
    public record Panel(String title, Map<String, String> classes) {}

    private final transient List<Region> regions;
    private final transient List<Region> context;
    private final List<Panel> panels;
    private final transient List<LegendEntry> legend;
    private final String note;
    private final int columns;
    private final double width;
    private final boolean labelled;

    /**
     * @param columns  panels per row
     * @param labelled whether the first panel names the regions
     * @param note     a line under the legend (e.g. the source, "schematisch"), may be empty
     */
    public ChoroplethMap(List<Region> regions, List<Panel> panels, List<LegendEntry> legend, String note, int columns, double width,
                         boolean labelled) {
        this(regions, List.of(), panels, legend, note, columns, width, labelled);
    }

    /** @param context regions drawn beneath, light and without a class (e.g. the Gemeinde around its Stadtteile) */
    public ChoroplethMap(List<Region> regions, List<Region> context, List<Panel> panels, List<LegendEntry> legend, String note,
                         int columns, double width, boolean labelled) {
        this.regions = List.copyOf(regions);
        this.context = List.copyOf(context);
        this.panels = List.copyOf(panels);
        this.legend = List.copyOf(legend);
        this.note = requireNonNull(note, "note is null");
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        this.width = width;
        this.labelled = labelled;
        if (this.regions.isEmpty() || this.panels.isEmpty()) {
            throw new IllegalArgumentException("a map needs regions and panels");
        }
    }

    private Envelope extent() {
        Envelope envelope = new Envelope();
        regions.forEach(r -> envelope.expandToInclude(r.shape().getEnvelopeInternal()));
        context.forEach(r -> envelope.expandToInclude(r.shape().getEnvelopeInternal()));
        return envelope;
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private double panelWidth() {
        return (width - (columns - 1) * PANEL_GAP) / columns;
    }

    private double panelHeight() {
        Envelope e = extent();
        double aspect = e.getHeight() / Math.max(e.getWidth(), 1e-9);
        return Math.min(panelWidth() * Math.max(aspect, 0.45), columns == 1 ? 300 : 150);
    }

    private double legendHeight() {
        int perRow = 3;
        return ((legend.size() + 1 + perRow - 1) / perRow) * LEGEND_ROW + noteLines().size() * LEGEND_ROW + 4 + 18;
    }

    @Override
    public Dimension2D getDimension(JasperReportsContext context) {
        double height = rows() * (TITLE_HEIGHT + panelHeight() + PANEL_GAP) + legendHeight();
        return new java.awt.Dimension((int) Math.round(width), (int) Math.ceil(height));
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Dimension2D natural = getDimension(context);
            double scale = Math.min(area.getWidth() / natural.getWidth(), area.getHeight() / natural.getHeight());
            g.translate(area.getX(), area.getY());
            g.scale(scale, scale);
            Envelope extent = extent();
            double panelWidth = panelWidth();
            double panelHeight = panelHeight();
            double kmToPt = Math.min(panelWidth / Math.max(extent.getWidth(), 1e-9), panelHeight / Math.max(extent.getHeight(), 1e-9)) * 0.96;
            for (int i = 0; i < panels.size(); i++) {
                double x = (i % columns) * (panelWidth + PANEL_GAP);
                double y = (i / columns) * (TITLE_HEIGHT + panelHeight + PANEL_GAP);
                drawPanel(g, panels.get(i), x, y, panelWidth, panelHeight, extent, kmToPt, labelled && i == 0);
            }
            double legendTop = rows() * (TITLE_HEIGHT + panelHeight + PANEL_GAP);
            drawScaleBar(g, 0, legendTop + 2, kmToPt, panelWidth);
            drawLegend(g, 0, legendTop + 18);
        } finally {
            g.dispose();
        }
    }

    private void drawPanel(Graphics2D g, Panel panel, double x, double y, double w, double h, Envelope extent, double kmToPt,
                           boolean withLabels) {
        g.setFont(ChartTheme.font(Font.BOLD, 7.5f));
        g.setColor(ChartTheme.TEXT);
        g.drawString(panel.title(), (float) x, (float) (y + 8));
        double offsetX = x + (w - extent.getWidth() * kmToPt) / 2;
        double offsetY = y + TITLE_HEIGHT + (h - extent.getHeight() * kmToPt) / 2;
        // km plane (y up) to the page (y down)
        ShapeWriter writer = new ShapeWriter((src, dest) -> dest.setLocation(offsetX + (src.x - extent.getMinX()) * kmToPt,
                offsetY + (extent.getMaxY() - src.y) * kmToPt));
        for (Region region : context) {
            Shape shape = writer.toShape(region.shape());
            g.setColor(CONTEXT_FILL);
            g.fill(shape);
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(shape);
        }
        for (Region region : regions) {
            Shape shape = writer.toShape(region.shape());
            String key = panel.classes().getOrDefault(region.id(), NO_DATA);
            fill(g, shape, legend.stream().filter(e -> e.key().equals(key)).findFirst().orElse(noData()));
            g.setColor(region.schematic() ? OUTLINE : Color.WHITE);
            g.setStroke(region.schematic()
                    ? new BasicStroke(0.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 1.5f}, 0f)
                    : new BasicStroke(0.8f));
            g.draw(shape);
        }
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(0.4f));
        g.draw(new Rectangle2D.Double(x + 0.2, y + TITLE_HEIGHT, w - 0.4, h));
        if (withLabels) {
            g.setFont(ChartTheme.font(Font.PLAIN, 5.5f));
            FontMetrics metrics = g.getFontMetrics();
            for (Region region : regions) {
                Point inside = region.shape().getInteriorPoint();
                double px = offsetX + (inside.getX() - extent.getMinX()) * kmToPt;
                double py = offsetY + (extent.getMaxY() - inside.getY()) * kmToPt;
                String name = region.name();
                float tx = (float) (px - metrics.stringWidth(name) / 2.0);
                float ty = (float) (py + metrics.getAscent() / 2.0);
                // a white halo keeps the name readable on dark fills
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Shape outline = g.getFont().createGlyphVector(g.getFontRenderContext(), name).getOutline(tx, ty);
                g.draw(outline);
                g.setColor(Color.BLACK);
                g.drawString(name, tx, ty);
            }
        }
    }

    /** Fills a shape with a class: solid, or white or grey with diagonal lines clipped to it (vector, no image). */
    private static void fill(Graphics2D g, Shape shape, LegendEntry entry) {
        g.setPaint(entry.paint());
        g.fill(shape);
        if (entry.hatch() == null) {
            return;
        }
        Shape clip = g.getClip();
        g.clip(shape);
        Rectangle2D bounds = shape.getBounds2D();
        g.setColor(entry.hatch());
        g.setStroke(new BasicStroke(0.35f));
        for (double d = -bounds.getHeight(); d < bounds.getWidth(); d += 2.5) {
            g.draw(new Line2D.Double(bounds.getX() + d, bounds.getMaxY(), bounds.getX() + d + bounds.getHeight(), bounds.getY()));
        }
        g.setClip(clip);
    }

    /** A bar of a round length (1, 2, 5 × 10^n km) about a quarter of a panel wide. */
    private static void drawScaleBar(Graphics2D g, double x, double y, double kmToPt, double panelWidth) {
        double target = panelWidth / 4 / kmToPt;
        double km = niceLength(target);
        double length = km * kmToPt;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(x, y + 6, x + length, y + 6));
        g.draw(new Line2D.Double(x, y + 3, x, y + 9));
        g.draw(new Line2D.Double(x + length, y + 3, x + length, y + 9));
        g.setFont(ChartTheme.font(Font.PLAIN, 6.5f));
        g.drawString("0", (float) x - 2, (float) y + 16);
        String label = (km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km).replace('.', ',')) + " km";
        g.drawString(label, (float) (x + length + 4), (float) y + 9);
    }

    static double niceLength(double km) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(km, 1e-6))));
        for (double step : new double[] {5, 2, 1}) {
            if (step * magnitude <= km) {
                return step * magnitude;
            }
        }
        return magnitude;
    }

    private void drawLegend(Graphics2D g, double x, double y) {
        g.setFont(ChartTheme.font(Font.PLAIN, 6.5f));
        int perRow = 3;
        double columnWidth = width / perRow;
        List<LegendEntry> entries = new java.util.ArrayList<>(legend);
        if (entries.stream().noneMatch(e -> e.key().equals(NO_DATA))) {
            entries.add(noData());
        }
        for (int i = 0; i < entries.size(); i++) {
            double ex = x + (i % perRow) * columnWidth;
            double ey = y + (i / perRow) * LEGEND_ROW;
            Rectangle2D swatch = new Rectangle2D.Double(ex, ey, 9, 7);
            fill(g, swatch, entries.get(i));
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(0.4f));
            g.draw(swatch);
            g.setColor(ChartTheme.TEXT);
            g.drawString(entries.get(i).label(), (float) (ex + 13), (float) (ey + 6.5));
        }
        g.setFont(ChartTheme.font(Font.ITALIC, 6.5f));
        g.setColor(ChartTheme.TEXT);
        double noteTop = y + ((entries.size() + perRow - 1) / perRow) * LEGEND_ROW + 6;
        List<String> lines = noteLines();
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), (float) x, (float) (noteTop + i * LEGEND_ROW));
        }
    }

    /** The note broken at spaces into lines that fit the width (6.5 pt italic: about 3.4 pt per character). */
    private List<String> noteLines() {
        int perLine = Math.max(20, (int) (width / 3.4));
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : note.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
