package de.integrationsmonitor.reports.common.render;

import java.util.regex.Pattern;

/**
 * Neutralises text that a spreadsheet would run as a formula (CSV/formula injection): a cell that
 * begins with =, +, -, @, tab or carriage return gets a leading apostrophe, unless it is a plain
 * number such as "-5" or "-0.25". Applied to every text cell of XLSX and CSV exports.
 */
public final class SpreadsheetSafety {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?([eE][+-]?\\d+)?");

    private SpreadsheetSafety() {}

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
