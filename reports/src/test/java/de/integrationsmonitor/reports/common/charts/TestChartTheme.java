package de.integrationsmonitor.reports.common.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TestChartTheme {
    @Test
    void fontIsDejaVuSansFromTheFontsJar() {
        Font font = ChartTheme.font(Font.PLAIN, 9f);
        // Without registration an unknown family silently falls back to "Dialog".
        assertThat(font.getFamily()).isEqualTo("DejaVu Sans");
        assertThat(font.getSize2D()).isEqualTo(9f);
        assertThat(font.canDisplayUpTo("Größe Mülheim Teilnehmende – Ä Ö Ü ß")).isEqualTo(-1);
        assertThat(ChartTheme.font(Font.BOLD, 11f).isBold()).isTrue();
    }

    @Test
    void fontFilesAreOnTheClasspath() {
        for (String file : ChartTheme.FONT_FILES) {
            assertThat(ChartTheme.class.getResource(ChartTheme.FONT_FOLDER + file)).as(file).isNotNull();
        }
    }

    @Test
    void paletteIsOkabeItoWithDistinctColours() {
        assertThat(ChartTheme.SERIES).hasSize(8).startsWith(ChartTheme.BLUE, ChartTheme.ORANGE);
        assertThat(new HashSet<>(ChartTheme.SERIES)).hasSize(ChartTheme.SERIES.size());
        assertThat(ChartTheme.BLUE.getRGB() & 0xFFFFFF).isEqualTo(0x0072B2);
        assertThat(ChartTheme.VERMILLION.getRGB() & 0xFFFFFF).isEqualTo(0xD55E00);
    }
}
