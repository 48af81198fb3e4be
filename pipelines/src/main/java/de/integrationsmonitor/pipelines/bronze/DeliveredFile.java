package de.integrationsmonitor.pipelines.bronze;

import java.util.List;
import java.util.Map;

/** The outcome of reading one delivered CSV file: its rows, or the reason the whole file is refused. */
public sealed interface DeliveredFile {

    String relativePath();

    /** A readable file; {@code values} of a row follow the source's column order (null = column absent). */
    record Accepted(String relativePath, String checksum, String encoding, List<String> extraColumns, List<RawRow> rows)
            implements DeliveredFile {
        public Accepted {
            extraColumns = List.copyOf(extraColumns);
            rows = List.copyOf(rows);
        }
    }

    /** A file refused as a whole, with a machine-readable reason and a German message naming the file. */
    record Rejected(String relativePath, String checksum, String reason, String message) implements DeliveredFile {}

    /** One data record: its 1-based line in the file (header = line 1), values and unknown extra columns. */
    record RawRow(int line, List<String> values, Map<String, String> extras) {
        public RawRow {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            extras = Map.copyOf(extras);
        }
    }
}
