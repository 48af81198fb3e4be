package de.integrationsmonitor.pipelines.run;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Receives the stages of a run one at a time, so the caller can time and describe each (the command line
 * prints one line per stage). A stage's description is German, for the console.
 */
public interface Stages {
    <T> T stage(String name, Supplier<T> work, Function<T, String> describe);
}
