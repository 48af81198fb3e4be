package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One uninterrupted {@code imon run} of the hand-made fixture (pipelines/src/test/resources/fixture-input) into an
 * empty warehouse, in this JVM, shared by the integration tests of this module: {@link ImonEndToEndIT} checks it,
 * {@link CrashSafetyIT} compares its killed runs with it, {@link StandaloneClusterIT} compares the cluster run with it.
 * Failsafe runs all of them in one JVM, so the run happens once, for whichever test asks first.
 *
 * <p>The folders are shared: nobody writes to them. A test that reruns or changes the warehouse works on a
 * {@link #copy(Path, Path)}.
 */
final class FixtureRun {
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    static final Path FIXTURE = PROJECT.resolve("pipelines/src/test/resources/fixture-input");
    private static final Path BASE = Path.of("target/fixture-run").toAbsolutePath();

    private static FixtureRun run;

    /** The input folder (a copy of the fixture). */
    final Path input;
    /** The warehouse after the run. */
    final Path warehouse;
    /** The reports of the run. */
    final Path out;
    /** What the run printed to standard output. */
    final String output;

    private FixtureRun(Path input, Path warehouse, Path out, String output) {
        this.input = input;
        this.warehouse = warehouse;
        this.out = out;
        this.output = output;
    }

    /** The run, started on the first call. */
    static synchronized FixtureRun get() {
        if (run == null) {
            run = start();
        }
        return run;
    }

    /** The run id the run printed ({@code Fertig: Lauf <id>, ...}). */
    String runId() {
        return output.replaceAll("(?s).*Fertig: Lauf (\\S+),.*", "$1");
    }

    private static FixtureRun start() {
        try {
            deleteRecursively(BASE);
            Path input = BASE.resolve("input");
            copy(FIXTURE, input);
            Path warehouse = BASE.resolve("warehouse");
            Path out = BASE.resolve("out");
            SharedSparkSession.get();
            long started = System.nanoTime();
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exitCode = Imon.execute(new PrintWriter(stdout), new PrintWriter(stderr), "run", "--conf",
                    PROJECT.resolve("conf").toString(), "--input", input.toString(), "--warehouse", warehouse.toString(),
                    "--out", out.toString());
            assertThat(exitCode).as(stderr.toString()).isZero();
            System.out.printf("FixtureRun: imon run on the fixture in %.0f s%n", (System.nanoTime() - started) / 1e9);
            return new FixtureRun(input, warehouse, out, stdout.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree (a warehouse, an input or output folder), keeping the files' times. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes a folder tree; nothing when it does not exist. */
    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
