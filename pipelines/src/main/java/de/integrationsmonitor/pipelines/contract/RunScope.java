package de.integrationsmonitor.pipelines.contract;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run has to recompute; decided after bronze by {@code run.RunPlanner}, passed to silver and gold.
 * A run is incremental when the warehouse holds an earlier successful run made with the same settings: then silver refines again only the files loaded into bronze since that
 * run started (new or re-delivered, also by a run that crashed in between), and gold recomputes only the
 * months they touch. Anything else (first run, changed conf/, changed reference data, a silver or gold table
 * written by a run that did not finish, {@code --full}) rebuilds silver and gold completely; both ways give
 * the same gold content.
 *
 * @param fullReason   why everything is rebuilt (German, shown on the console), or null for an incremental run
 * @param changedFiles per source, the files loaded since the last successful run (incremental runs only)
 */
public record RunScope(String fullReason, Map<Source, Set<String>> changedFiles) {
    public RunScope {
        Map<Source, Set<String>> copy = new EnumMap<>(Source.class);
        changedFiles.forEach((source, files) -> copy.put(source, Set.copyOf(files)));
        changedFiles = java.util.Collections.unmodifiableMap(copy);
    }

    public static RunScope full(String reason) {
        return new RunScope(requireNonNull(reason, "reason is null"), Map.of());
    }

    public boolean isFull() {
        return fullReason != null;
    }

    /** The files of {@code source} loaded since the last successful run (empty for a full run). */
    public Set<String> changed(Source source) {
        return changedFiles.getOrDefault(source, Set.of());
    }

    public boolean anyChanged(Source... sources) {
        return Stream.of(sources).anyMatch(source -> !changed(source).isEmpty());
    }

    /** One line for the console and the run log. */
    public String describe() {
        if (isFull()) {
            return "vollständig (" + fullReason + ")";
        }
        long files = changedFiles.values().stream().mapToLong(Set::size).sum();
        return "inkrementell (" + files + (files == 1 ? " neue oder geänderte Datei" : " neue oder geänderte Dateien") + ")";
    }
}
