package de.integrationsmonitor.reports.common.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one place for chart fonts and colours. Fonts are DejaVu Sans, the family every report
 * template uses; the TrueType files come from the jasperreports-fonts jar and are registered
 * with Java2D here, so charts measure and draw text the same way on a machine without any
 * system fonts. In PDF output Jasper maps the AWT font back to its DejaVu font extension, so
 * chart text is embedded like the rest of the report.
 *
 * <p>Colours are the Okabe–Ito palette, which stays distinguishable with red–green colour
 * blindness; series use them in the order of {@link #SERIES}.
 */
public final class ChartTheme {
    /** Font family shared with the JRXML styles (jasperreports-fonts: "DejaVu Sans"). */
    public static final String FONT_FAMILY = "DejaVu Sans";

    /** Resource folder of the DejaVu TrueType files inside jasperreports-fonts. */
    static final String FONT_FOLDER = "/net/sf/jasperreports/fonts/dejavu/";
    static final List<String> FONT_FILES = List.of(
            "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf");

    // Okabe–Ito (Okabe & Ito 2008, "Color Universal Design").
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
    public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
    public static final Color BLACK = Color.BLACK;

    /** Series colours in order of use. */
    public static final List<Color> SERIES =
            List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, BLACK);

    /** Text colour, the same dark grey as the report's body text. */
    public static final Color TEXT = new Color(0x1F, 0x29, 0x33);
    public static final Color GRID = new Color(0xD0, 0xD7, 0xDE);
    public static final Color AXIS = new Color(0x7B, 0x87, 0x94);

    private static volatile boolean fontsRegistered;

    private ChartTheme() {}

    /** DejaVu Sans in the given AWT style and point size; registers the font files on first use. */
    public static Font font(int style, float size) {
        registerFonts();
        return new Font(FONT_FAMILY, style, 1).deriveFont(style, size);
    }

    /**
     * Registers the DejaVu Sans files from the jasperreports-fonts jar with the local graphics
     * environment. Idempotent; a system font of the same name wins (same glyphs).
     */
    public static void registerFonts() {
        if (fontsRegistered) {
            return;
        }
        synchronized (ChartTheme.class) {
            if (fontsRegistered) {
                return;
            }
            GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
            for (String file : FONT_FILES) {
                try (InputStream in = ChartTheme.class.getResourceAsStream(FONT_FOLDER + file)) {
                    if (in == null) {
                        throw new IllegalStateException("Font " + FONT_FOLDER + file
                                + " not found on the classpath; is net.sf.jasperreports:jasperreports-fonts a dependency?");
                    }
                    environment.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
                } catch (IOException | FontFormatException e) {
                    throw new IllegalStateException("Cannot load font " + FONT_FOLDER + file + ": " + e.getMessage(), e);
                }
            }
            fontsRegistered = true;
        }
    }

    /** Applies fonts, palette and a plain white, gridded look to {@code chart}. */
    public static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("Integrationsmonitor", false);
        theme.setExtraLargeFont(font(Font.BOLD, 11f));
        theme.setLargeFont(font(Font.BOLD, 9f));
        theme.setRegularFont(font(Font.PLAIN, 8f));
        theme.setSmallFont(font(Font.PLAIN, 7.5f));
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(
                SERIES.toArray(new Paint[0]),
                SERIES.toArray(new Paint[0]),
                new Paint[] {AXIS},
                new BasicStroke[] {new BasicStroke(1.5f)},
                new BasicStroke[] {new BasicStroke(0.5f)},
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.getPlot().setOutlineVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }
}
