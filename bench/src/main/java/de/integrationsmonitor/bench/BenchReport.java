package de.integrationsmonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One dated section of BENCHMARKS.md: the command, the machine, a table of the measurements and the equality check. */
record BenchReport(Instant startedAt, String machine, String scale, long seed, String command, Path workDir, Path home, List<String> jvmOptions,
                   Bench.InputSummary input, double generationSeconds, RunProcess.Measurement fullRun, Bench.ReportFiles reportFiles,
                   Bench.Incremental delivery,
                   RunProcess.Measurement beforeMonth, RunProcess.Measurement monthly, String duckDbVersion,
                   DuckDbBaseline.Result duck, DuckDbBaseline.Result duckMonthly, List<MartComparison.Outcome> fullOutcomes,
                   List<MartComparison.Outcome> monthlyOutcomes) {

    /** What each stage of {@code imon run} does, for the table. */
    private static final java.util.Map<String, String> STAGES = java.util.Map.ofEntries(
            java.util.Map.entry("Start", "Spark session"),
            java.util.Map.entry("Bronze", "CSV files into bronze Delta tables"),
            java.util.Map.entry("Silber", "validation, vocabularies, offer history, quarantine"),
            java.util.Map.entry("Gold", "facts and marts of all covered months"),
            java.util.Map.entry("Prüfungen", "data-quality checks"),
            java.util.Map.entry("Berichtsdaten", "gold queries of every area's reports and the Landesübersicht; the run's disclosure plan"),
            java.util.Map.entry("Berichte", "Monatsbericht (PDF, XLSX) and Workshop-Auswertung of every area"),
            java.util.Map.entry("Lücken", "Versorgungslücken PDFs and XLSX of every area"),
            java.util.Map.entry("Land", "Landesübersicht PDF and XLSX"),
            java.util.Map.entry("Evaluation", "Modellprojekt-Evaluation PDF and XLSX"),
            java.util.Map.entry("Abschluss", "run log (ops.run_log, ops.run_tables)"),
            java.util.Map.entry("Planung", "full or incremental, or nothing to do"));

    private static final String HEADER = """
            # Benchmarks

            Results of `./imon bench`, newest last. Each section names the command that produced it; timings come from one
            invocation on the machine described, which may have been shared with other jobs (see the load average).

            """;

    void appendTo(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, HEADER, StandardCharsets.UTF_8);
        }
        // a blank line first: the file may end right after a table, which would swallow the new heading
        Files.writeString(file, "\n" + markdown(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("## Scale " + scale + " — " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(startedAt.atZone(ZoneOffset.UTC)));
        lines.add("");
        lines.add("Command: `" + command + "` (work folder `" + relative(workDir) + "`)");
        lines.add("");
        lines.add("- Machine: " + machine);
        lines.add("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; `imon run` as a separate process with the launcher's options `" + memoryOptions()
                + "` (plus Spark's `--add-opens`), Spark `local[*]`");
        lines.add("- DuckDB " + duckDbVersion + " (JDBC, in the bench process, a fresh in-memory database, default threads)");
        lines.add(String.format(Locale.ROOT, "- Input: %d CSV files, %,d data rows, %.1f MB (generator seed %d)", input.files(),
                input.rows(), input.bytes() / 1e6, seed));
        lines.add("");
        lines.add("| step | seconds | rows/s | peak heap used / after GC (MB) | peak RSS (MB) | what |");
        lines.add("|---|---:|---:|---:|---:|---|");
        lines.add(row("generation", generationSeconds, -1, "", -1, "SampleDataGenerator, scale " + scale));
        long rows = fullRun.bronzeRows();
        lines.add(row("full run", fullRun.wallSeconds(), rate(rows, fullRun.wallSeconds()), heap(fullRun), fullRun.peakRssMb(),
                "`imon run` on the generated input without " + delivery.heldBack().stream().map(f -> "`" + f + "`")
                        .collect(Collectors.joining(" and ")) + ", fresh warehouse, whole process (JVM and Spark start included); "
                        + String.format(Locale.ROOT, "%,d", rows) + " rows read by Bronze"));
        fullRun.stages().forEach((stage, seconds) -> lines.add(row("· " + stage, seconds, -1, "", -1,
                STAGES.getOrDefault(stage, "stage line of the run"))));
        gapRows(lines, fullRun, "");
        double marts = fullRun.sum(Bench.MART_STAGES.toArray(String[]::new));
        lines.add(row("marts (" + String.join(" + ", Bench.MART_STAGES) + ")", marts, rate(rows, marts), "", -1,
                "the stages that produce the three marts"));
        double rendering = fullRun.sum(Bench.REPORT_STAGES.toArray(String[]::new));
        lines.add(row("report rendering (" + String.join(" + ", Bench.REPORT_STAGES) + ")", rendering, -1, "", -1,
                String.format(Locale.ROOT, "every PDF and XLSX of the run, with their queries: %,d files for %,d areas (KI folders), "
                        + "the Landesübersicht and the Modellprojekt-Evaluation; peak RSS: the full run's", reportFiles.files(), reportFiles.areas())));
        lines.add(row("incremental monthly run", monthly.wallSeconds(), rate(monthly.bronzeRows(), monthly.wallSeconds()), heap(monthly),
                monthly.peakRssMb(), "`run --month " + delivery.month() + "` after delivering " + delivery.heldBack().stream().map(f -> "`" + f + "`")
                        .collect(Collectors.joining(" and ")) + " on top of the full run above; whole process; rows/s: the "
                        + String.format(Locale.ROOT, "%,d", monthly.bronzeRows()) + " new rows"));
        double monthlyMarts = monthly.sum(Bench.MART_STAGES.toArray(String[]::new));
        lines.add(row("· marts of the monthly run", monthlyMarts, -1, "", -1, String.join(" + ", Bench.MART_STAGES)));
        gapRows(lines, monthly, " of the monthly run");
        double duckSeconds = duck.total().toNanos() / 1e9;
        lines.add(row("DuckDB baseline", duckSeconds, rate(duck.inputRows(), duckSeconds), "", -1, String.format(Locale.ROOT,
                "load %.2f s + compute %.2f s of the three marts from the same CSV files (%,d rows; statements.csv feeds no mart)",
                duck.load().toNanos() / 1e9, duck.compute().toNanos() / 1e9, duck.inputRows())));
        double duckAllSeconds = duckMonthly.total().toNanos() / 1e9;
        lines.add(row("DuckDB, all months", duckAllSeconds, rate(duckMonthly.inputRows(), duckAllSeconds), "", -1, String.format(Locale.ROOT,
                "the same with the delivered month: the full recompute the monthly run is compared with (%,d rows)", duckMonthly.inputRows())));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "**DuckDB baseline, where its time goes:** load %.2f s, compute %.2f s; slowest statements: %s "
                        + "(time per statement and the query trees of the slowest in `%s` of the work folder).",
                duck.load().toNanos() / 1e9, duck.compute().toNanos() / 1e9, duck.heaviestSummary(5), Bench.DUCKDB_PROFILE));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "**Incremental month / DuckDB full recompute:** %.1f× (%.1f s whole process, %.1f s for its "
                + "mart stages, against %.2f s).", monthly.wallSeconds() / duckAllSeconds, monthly.wallSeconds(), monthlyMarts, duckAllSeconds));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "**Ours / DuckDB:** %.1f× for the marts (%s, %.1f s, against DuckDB's load + compute, %.2f s); "
                        + "%.1f× for the whole run (%.1f s, which also starts the JVM and Spark, runs the data-quality checks and renders "
                        + "the reports).", marts / duckSeconds, String.join(" + ", Bench.MART_STAGES), marts, duckSeconds,
                fullRun.wallSeconds() / duckSeconds, fullRun.wallSeconds()));
        lines.add("");
        lines.add("**Same numbers** (counts, texts and booleans exact; doubles within " + MartComparison.RELATIVE_TOLERANCE
                + " relative, " + MartComparison.ABSOLUTE_TOLERANCE + " absolute near 0): full run — " + equality(fullOutcomes) + "; monthly run "
                + delivery.month() + " — " + equality(monthlyOutcomes) + ".");
        lines.add("");
        lines.add("**Cost model** (`imon run --kosten`: per stage Spark jobs and the seconds in them, Delta commits, `_delta_log` "
                + "listings and files read, table and history lookups, JIT and GC seconds) of the full run:");
        lines.add("");
        lines.addAll(fullRun.costLines());
        lines.add("");
        lines.add("and of the monthly run:");
        lines.add("");
        lines.addAll(monthly.costLines());
        lines.add("");
        lines.add("Peak heap used: the largest heap in use before a garbage collection or at exit; after GC: the largest heap "
                + "still occupied right after a collection, an upper bound of the live data (a young collection leaves old garbage "
                + "in place). Both from the run's own GC log; G1 lets the heap fill towards -Xmx before it collects, so \"used\" "
                + "mostly follows -Xmx. "
                + "Peak RSS: maximum resident set size of the `imon run` process (`/usr/bin/time`, else `VmHWM`).");
        lines.add("");
        return String.join("\n", lines) + "\n";
    }

    /** The coverage marts' seconds and, of those, the access mart's, as the run's Gold line names them. */
    private static void gapRows(List<String> lines, RunProcess.Measurement run, String which) {
        run.stageLines().stream().map(RunProcess.Stage::parse).flatMap(java.util.Optional::stream)
                .filter(stage -> stage.name().equals("Gold")).findFirst().ifPresent(gold -> {
                    double[] seconds = gold.gapSeconds();
                    if (seconds[0] >= 0) {
                        lines.add(row("· · coverage marts" + which, seconds[0], -1, "", -1,
                                "part of Gold: coverage_gaps, coverage_gaps_districts, supply_matrix and offer_access, written side by side"));
                    }
                    if (seconds[1] >= 0) {
                        lines.add(row("· · · access mart" + which, seconds[1], -1, "", -1,
                                "gold.offer_access (E2SFCA over the Gemeinde pairs within access.catchment-km): its write, beside the others"));
                    }
                });
    }

    private static String equality(List<MartComparison.Outcome> outcomes) {
        return outcomes.stream().map(o -> "`" + o.mart().tableName() + "` " + String.format(Locale.ROOT, "%,d", o.oursRows()) + " rows "
                + (o.isEqual() ? "equal" : String.format(Locale.ROOT, "**%,d differences**", o.differences()))).collect(Collectors.joining(", "));
    }

    private String memoryOptions() {
        return jvmOptions.stream().filter(o -> o.startsWith("-X") && !o.startsWith("-Xlog")).collect(Collectors.joining(" "));
    }

    private String relative(Path path) {
        return path.startsWith(home) ? home.relativize(path).toString() : path.toString();
    }

    private static long rate(long rows, double seconds) {
        return rows < 0 || seconds <= 0 ? -1 : Math.round(rows / seconds);
    }

    private static String row(String step, double seconds, long rowsPerSecond, String heap, long rssMb, String what) {
        return "| " + step + " | " + String.format(Locale.ROOT, seconds < 10 ? "%.2f" : "%.1f", seconds) + " | " + number(rowsPerSecond)
                + " | " + heap + " | " + number(rssMb) + " | " + what + " |";
    }

    private static String heap(RunProcess.Measurement run) {
        return number(run.peakHeapMb()) + " / " + number(run.peakLiveHeapMb());
    }

    private static String number(long value) {
        return value < 0 ? "" : String.format(Locale.ROOT, "%,d", value);
    }
}
