package de.integrationsmonitor.pipelines.bronze;

/** What the bronze load did with one delivered file. */
public record FileOutcome(String sourceFile, String checksum, Status status, long rows, String message) {

    public enum Status {
        /** First delivery of this file name. */
        LOADED,
        /** Same name, new content: the file's previous rows were replaced. */
        REPLACED,
        /** Identical to what bronze already holds: nothing written. */
        UNCHANGED,
        /** Refused as a whole (encoding, separator, header). */
        REJECTED,
        /** Not a file of the data contract; left alone. */
        IGNORED
    }
}
