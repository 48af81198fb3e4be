package de.integrationsmonitor.bench;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code imon.jar run …} as a child process with given JVM options and measures it: wall time,
 * the seconds of each stage (from the stage lines the run prints), the rows Bronze read, the peak
 * heap (from the JVM's own GC log) and the peak resident set size of the process.
 *
 * <p>Peak heap: the heap in use can only drop at a garbage collection, so its maximum is the largest
 * "used before" of any collection or the use at exit; the child logs both ({@code -Xlog:gc,gc+heap+exit}).
 * Peak RSS: {@code /usr/bin/time}'s maximum resident set size where it exists, else the kernel's
 * high-water mark {@code VmHWM} in {@code /proc/<pid>/status}, read every 100 ms.
 */
final class RunProcess {
    /** A stage line of {@code imon run}: {@code [3] Silber      23,3 s  8.008 Zeilen: …}. */
    private static final Pattern STAGE = Pattern.compile("^\\[(\\d+)\\]\\s+(\\S+)\\s+([\\d.,]+) s\\s+(.*)$");
    private static final Pattern BRONZE_ROWS = Pattern.compile("\\(([\\d.]+) Zeilen\\)");
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern HEAP_AT_EXIT = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final List<String> jvmOptions;
    private final Path imonJar;
    private final Path home;

    RunProcess(List<String> jvmOptions, Path imonJar, Path home) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.imonJar = requireNonNull(imonJar, "imonJar is null");
        this.home = requireNonNull(home, "home is null");
    }

    /**
     * The launcher's class-data sharing options when its archive ({@code imon.jsa} beside the jar, written by the first
     * {@code ./imon run} after a build) is newer than the jar, so a measured run starts as a user's run does; else none.
     */
    static List<String> classDataSharing(Path imonJar) {
        Path archive = imonJar.resolveSibling("imon.jsa");
        try {
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(imonJar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
            }
        } catch (IOException e) {
            // no archive to use: the run starts without one, as the launcher's would
        }
        return List.of();
    }

    /** What one run took. */
    record Measurement(double wallSeconds, Map<String, Double> stages, long bronzeRows, long peakHeapMb, long peakLiveHeapMb,
                       long peakRssMb, List<String> stageLines, List<String> costLines) {
        Measurement {
            stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
            stageLines = List.copyOf(stageLines);
            costLines = List.copyOf(costLines);
        }

        double stage(String name) {
            Double seconds = stages.get(name);
            if (seconds == null) {
                throw new IllegalStateException("run printed no stage " + name + ": " + stages.keySet());
            }
            return seconds;
        }

        double sum(String... names) {
            double sum = 0;
            for (String name : names) {
                sum += stage(name);
            }
            return sum;
        }
    }

    /**
     * Runs {@code imon run} with {@code arguments}; its output goes to {@code logDir} (run.log, run.err,
     * gc.log), its stage lines also to {@code console}, indented. A failed run is an error.
     */
    Measurement run(List<String> arguments, Path logDir, PrintWriter console) {
        try {
            Files.createDirectories(logDir);
            Path gcLog = logDir.resolve("gc.log");
            Path timeOutput = logDir.resolve("time.txt");
            Files.deleteIfExists(gcLog);
            Files.deleteIfExists(timeOutput);
            boolean gnuTime = Files.isExecutable(GNU_TIME);
            List<String> command = new ArrayList<>();
            if (gnuTime) {
                command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", timeOutput.toString()));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(classDataSharing(imonJar));
            command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog + "::filecount=0");
            command.addAll(List.of("-jar", imonJar.toString(), "run", "--kosten"));
            command.addAll(arguments);
            Files.writeString(logDir.resolve("command.txt"), String.join(" ", command) + "\n");

            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectError(logDir.resolve("run.err").toFile()).start();
            process.getOutputStream().close();
            HighWaterMark rss = gnuTime ? null : HighWaterMark.watch(process.pid());
            Map<String, Double> stages = new LinkedHashMap<>();
            List<String> stageLines = new ArrayList<>();
            List<String> costLines = new ArrayList<>(); // the Markdown table of --kosten
            long bronzeRows = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(logDir.resolve("run.log")))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.println(line);
                    if (line.startsWith("|")) {
                        costLines.add(line);
                    }
                    Optional<Stage> stage = Stage.parse(line);
                    if (stage.isPresent()) {
                        stages.put(stage.get().name(), stage.get().seconds());
                        stageLines.add(line);
                        console.println("      " + line);
                        console.flush();
                        if ("Bronze".equals(stage.get().name())) {
                            bronzeRows = stage.get().bronzeRows();
                        }
                    }
                }
            }
            int exitCode = process.waitFor();
            double wall = (System.nanoTime() - started) / 1e9;
            long peakRssKb = gnuTime ? readGnuTime(timeOutput) : rss.stop();
            if (exitCode != 0) {
                throw new IllegalStateException("imon run endete mit Code " + exitCode + "; siehe " + logDir.resolve("run.log")
                        + " und " + logDir.resolve("run.err"));
            }
            HeapPeaks heap = HeapPeaks.of(gcLog);
            return new Measurement(wall, stages, bronzeRows, heap.usedMb(), heap.liveMb(), peakRssKb / 1024, stageLines, costLines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One stage line of {@code imon run}: its name, seconds and description. */
    private static final Pattern GAP_SECONDS = Pattern.compile("([0-9.,]+) s für Versorgungslücken");
    private static final Pattern ACCESS_SECONDS = Pattern.compile("davon ([0-9.,]+) s Erreichbarkeit");

    record Stage(String name, double seconds, String description) {
        static Optional<Stage> parse(String line) {
            Matcher stage = STAGE.matcher(line);
            if (!stage.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Stage(stage.group(2), Double.parseDouble(stage.group(3).replace(".", "").replace(',', '.')),
                    stage.group(4)));
        }

        /**
         * From a Gold line, the seconds it names for the coverage marts ("5,9 s für Versorgungslücken") and, of those, for
         * the access mart ("davon 3,8 s Erreichbarkeit"); -1 where the line names none.
         */
        double[] gapSeconds() {
            Matcher gaps = GAP_SECONDS.matcher(description);
            Matcher access = ACCESS_SECONDS.matcher(description);
            return new double[] {gaps.find() ? germanNumber(gaps.group(1)) : -1, access.find() ? germanNumber(access.group(1)) : -1};
        }

        private static double germanNumber(String text) {
            return Double.parseDouble(text.replace(".", "").replace(',', '.'));
        }

        /** The rows a Bronze line says were read from new or changed files, else -1. */
        long bronzeRows() {
            Matcher rows = BRONZE_ROWS.matcher(description);
            return rows.find() ? Long.parseLong(rows.group(1).replace(".", "")) : -1;
        }
    }

    /**
     * Heap peaks from a GC log, in MB (-1 when unknown): {@code usedMb} the largest heap in use before any
     * collection or at exit; {@code liveMb} the largest heap still occupied right after a collection, an upper
     * bound of the live data (a young collection leaves old garbage in place).
     */
    record HeapPeaks(long usedMb, long liveMb) {
        static HeapPeaks of(Path gcLog) throws IOException {
            if (!Files.exists(gcLog)) {
                return new HeapPeaks(-1, -1);
            }
            long used = -1;
            long live = -1;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher pause = GC_PAUSE.matcher(line);
                if (pause.find()) {
                    used = Math.max(used, Long.parseLong(pause.group(1)));
                    live = Math.max(live, Long.parseLong(pause.group(2)));
                }
                Matcher exit = HEAP_AT_EXIT.matcher(line);
                if (exit.find()) {
                    used = Math.max(used, Long.parseLong(exit.group(2)) / 1024);
                }
            }
            return new HeapPeaks(used, live);
        }
    }

    private static long readGnuTime(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.matches("\\d+")) {
                return Long.parseLong(line);
            }
        }
        return -1;
    }

    /** Polls {@code VmHWM} of a process until stopped; the last value read is the peak (it never decreases). */
    private static final class HighWaterMark {
        private final Thread thread;
        private volatile long kilobytes = -1;
        private volatile boolean running = true;

        private HighWaterMark(long pid) {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            thread = new Thread(() -> {
                while (running) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:")) {
                                kilobytes = Math.max(kilobytes, Long.parseLong(line.replaceAll("\\D", "")));
                            }
                        }
                        Thread.sleep(100);
                    } catch (IOException | RuntimeException e) {
                        return; // the process has ended
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-watch-" + pid);
            thread.setDaemon(true);
        }

        static HighWaterMark watch(long pid) {
            HighWaterMark watch = new HighWaterMark(pid);
            watch.thread.start();
            return watch;
        }

        long stop() {
            running = false;
            thread.interrupt();
            return kilobytes;
        }
    }
}
