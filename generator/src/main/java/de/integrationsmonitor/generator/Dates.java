package de.integrationsmonitor.generator;

import java.time.LocalDate;

/** Date formatting without locale surprises: ISO {@code YYYY-MM-DD} or German {@code DD.MM.YYYY}. */
final class Dates {

    /** How a delivering office writes its dates. */
    enum Style { ISO, GERMAN }

    private Dates() {}

    static String format(LocalDate date, Style style) {
        if (date == null) {
            return "";
        }
        return style == Style.ISO ? iso(date) : german(date);
    }

    static String iso(LocalDate date) {
        return pad(date.getYear(), 4) + "-" + pad(date.getMonthValue(), 2) + "-" + pad(date.getDayOfMonth(), 2);
    }

    static String german(LocalDate date) {
        return pad(date.getDayOfMonth(), 2) + "." + pad(date.getMonthValue(), 2) + "." + pad(date.getYear(), 4);
    }

    private static String pad(int number, int width) {
        StringBuilder text = new StringBuilder(Integer.toString(number));
        while (text.length() < width) {
            text.insert(0, '0');
        }
        return text.toString();
    }
}
