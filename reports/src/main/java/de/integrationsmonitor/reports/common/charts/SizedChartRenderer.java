package de.integrationsmonitor.reports.common.charts;

import static java.util.Objects.requireNonNull;

import java.awt.Graphics2D;
import java.awt.geom.Dimension2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.DimensionRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.jfree.chart.JFreeChart;

/**
 * A chart as a vector renderable with a natural size, so an image element with
 * {@code scaleImage="RetainShape"} keeps its proportions: a heatmap with few rows stays compact at
 * the top of its box instead of being stretched to the box's height.
 */
public final class SizedChartRenderer extends AbstractRenderer implements Graphics2DRenderable, DimensionRenderable {
    private static final long serialVersionUID = 1L;

    private final JFreeChart chart;
    private final double width;
    private final double height;

    public SizedChartRenderer(JFreeChart chart, double width, double height) {
        this.chart = requireNonNull(chart, "chart is null");
        this.width = width;
        this.height = height;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D rectangle) {
        chart.draw(graphics, rectangle);
    }

    @Override
    public Dimension2D getDimension(JasperReportsContext context) {
        return new java.awt.Dimension((int) Math.round(width), (int) Math.round(height));
    }
}

