package de.integrationsmonitor.reports.common.render;

import java.text.Normalizer;
import java.util.Locale;

/** Stable ASCII parts of output file names. */
public final class FileNames {
    private FileNames() {}

    /** Lower case, umlauts transcribed, everything but letters and digits a dash: "Köln-Mülheim (Süd)" → "koeln-muelheim-sued". */
    public static String slug(String name) {
        String transcribed = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String ascii = Normalizer.normalize(transcribed, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
