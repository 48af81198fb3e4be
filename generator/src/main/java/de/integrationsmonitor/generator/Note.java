package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

/**
 * Why a generated row is special: either a deliberate fault with the reason code the data
 * contract implies, or a valid edge case that the pipeline must accept.
 *
 * @param reason      contract reason code, or {@code null} for a valid edge case
 * @param column      the column that makes the row special ("" where the whole row does)
 * @param value       the offending or unusual value as written
 * @param description what the row tests, in one sentence
 */
record Note(String reason, String column, String value, String description) {

    Note {
        requireNonNull(column, "column is null");
        requireNonNull(value, "value is null");
        requireNonNull(description, "description is null");
    }

    static Note fault(String reason, String column, String value, String description) {
        return new Note(requireNonNull(reason, "reason is null"), column, value, description);
    }

    static Note edgeCase(String column, String value, String description) {
        return new Note(null, column, value, description);
    }

    boolean isFault() {
        return reason != null;
    }
}
