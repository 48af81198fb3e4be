package de.integrationsmonitor.generator;

import java.util.Arrays;
import java.util.List;

/** Where a generator writes the rows of one input file: a {@link CsvFile} in memory or a {@link CsvWriter} on disk. */
interface CsvSink {

    /** Appends a data row (a deliberate fault or valid edge case where {@code note} is not null) and returns its 1-based line. */
    int add(List<String> values, Note note);

    default int add(List<String> values) {
        return add(values, null);
    }

    default int add(String... values) {
        return add(Arrays.asList(values), null);
    }
}
