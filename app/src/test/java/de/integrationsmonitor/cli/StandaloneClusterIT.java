package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.integrationsmonitor.pipelines.contract.Layer;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code target/imon.jar} with spark-submit on a real Spark standalone cluster (a
 * master and one worker on 127.0.0.1, started from the Spark jars in {@code target/lib}; nothing is
 * downloaded) and, meanwhile, the same input in local mode in this JVM (the embedded default from
 * conf/; the module's shared {@link FixtureRun}); then checks that both runs wrote the same gold tables and that the cluster run really ran
 * its tasks in an executor started by the worker.
 *
 * <p>The worker launches executors as {@code java -cp $SPARK_HOME/jars/*}. The test's SPARK_HOME holds
 * links to every jar of {@code target/lib} except the ones a Spark distribution does not have and
 * executors need from the application: imon's pipelines and Delta Lake. Those reach the executor
 * only through {@code --jars}, as on a real cluster (README, "Running on a cluster").
 *
 * <p>Everything lives below {@code target/standalone-cluster}: logs of master, worker, both runs and
 * the executor's stderr (in {@code work/}); their tails are printed when something fails.
 */
class StandaloneClusterIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path PROJECT = MODULE.getParent();
    private static final Path JAR = MODULE.resolve("target/imon.jar");
    private static final Path LIB = MODULE.resolve("target/lib");
    private static final Path BASE = MODULE.resolve("target/standalone-cluster");
    /** The name {@code SparkSessions} gives every imon application. */
    private static final String APP_NAME = "integrationsmonitor";
    /** Jars a Spark installation lacks; the application ships them with --jars. */
    private static final List<String> APPLICATION_JAR_PREFIXES = List.of("imon-", "delta-");
    /** The sample-data generator is a tool of the command line, not part of a cluster run: neither shipped nor installed. */
    private static final String GENERATOR_JAR_PREFIX = "imon-generator-";
    /** Bookkeeping columns that name the run or its clock, not the data. */
    private static final Set<String> RUN_COLUMNS = Set.of("run_id", "started_at", "finished_at", "checked_at", "arguments");
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final int TAIL_LINES = 40;

    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final Map<String, Path> LOGS = new LinkedHashMap<>();

    static Process master;
    static Process worker;
    static Path localWarehouse;
    static Path clusterWarehouse;
    /** The cluster run's warehouse as a URI, the form a shared file system takes (s3a://, hdfs://, file://). */
    static String clusterWarehouseUri;
    static Path localOut;
    static Path clusterOut;
    static int masterWebUiPort;

    @BeforeAll
    static void runLocallyAndOnTheCluster() throws IOException, InterruptedException {
        FixtureRun.deleteRecursively(BASE);
        Files.createDirectories(BASE);
        Path input = BASE.resolve("input");
        FixtureRun.copy(MODULE.resolve("../pipelines/src/test/resources/fixture-input"), input);
        clusterWarehouse = BASE.resolve("warehouse-cluster");
        clusterWarehouseUri = clusterWarehouse.toUri().toString().replaceFirst("/$", "");
        clusterOut = BASE.resolve("out-cluster");

        Path sparkHome = sparkHomeWithoutApplicationJars();
        Map<String, String> sparkEnvironment = Map.of(
                "SPARK_HOME", sparkHome.toString(),
                "SPARK_SCALA_VERSION", "2.13", // the launcher's scala version lookup needs it outside a Spark build tree
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_DIRS", BASE.resolve("local-dirs").toString());
        String sparkClasspath = sparkHome.resolve("jars") + "/*";
        int masterPort = freePort();
        masterWebUiPort = freePort();
        String masterUrl = "spark://127.0.0.1:" + masterPort;

        master = start("master", sparkEnvironment, java(sparkClasspath, "-Xmx512m", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterWebUiPort)));
        worker = start("worker", sparkEnvironment, java(sparkClasspath, "-Xmx512m", "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", BASE.resolve("work").toString(), masterUrl));
        awaitMaster(json -> json.path("aliveworkers").asInt() == 1, "one alive worker");

        Process cluster = start("cluster-run", sparkEnvironment, java(sparkClasspath, "-Xmx2g", "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl, "--deploy-mode", "client",
                "--class", Imon.class.getName(),
                "--jars", String.join(",", applicationJars()),
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m",
                "--conf", "spark.ui.enabled=false",
                // The fixture is tiny: the embedded mode's small-data settings (no code generation, no adaptive
                // re-planning) keep the test short. What is tested here is the distribution, not Spark's planner.
                "--conf", setting("spark.sql.codegen.wholeStage"),
                "--conf", setting("spark.sql.codegen.factoryMode"),
                "--conf", setting("spark.sql.adaptive.enabled"),
                JAR.toString(),
                "run", "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                "--warehouse", clusterWarehouseUri, "--out", clusterOut.toString()));

        // Meanwhile the same input in local mode, in this JVM: the module's shared FixtureRun (ImonEndToEndIT checks it).
        FixtureRun local = FixtureRun.get();
        localWarehouse = local.warehouse;
        localOut = local.out;
        Files.writeString(BASE.resolve("local-run.log"), local.output);
        LOGS.put("local-run", BASE.resolve("local-run.log"));
        awaitSuccess("cluster-run", cluster);
        awaitMaster(json -> !completedApplications(json).isEmpty(), "the finished application");
    }

    @AfterAll
    static void stopCluster() {
        // Newest first: the runs, then the worker (its executors are its children), then the master.
        for (int i = PROCESSES.size() - 1; i >= 0; i--) {
            Process process = PROCESSES.get(i);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void theClusterRanTheTasksInAnExecutorOfTheWorker() throws IOException {
        JsonNode master = masterStatus();
        List<JsonNode> applications = completedApplications(master);
        assertThat(applications).as(StandaloneClusterIT::diagnostics).hasSize(1);
        JsonNode application = applications.get(0);
        assertThat(application.path("state").asText()).as(StandaloneClusterIT::diagnostics).isEqualTo("FINISHED");
        assertThat(application.path("cores").asInt()).as("cores granted to the application").isEqualTo(2);
        String applicationId = application.path("id").asText();

        assertThat(Files.readString(LOGS.get("cluster-run"))).contains("Connected to Spark cluster with app ID " + applicationId);
        Path executorLog = BASE.resolve("work").resolve(applicationId).resolve("0").resolve("stderr");
        assertThat(executorLog).as(StandaloneClusterIT::diagnostics).exists();
        String executor = Files.readString(executorLog);
        assertThat(executor).as("the executor fetched the jars shipped with --jars from the driver")
                .containsPattern("Fetching spark://127\\.0\\.0\\.1:\\d+/jars/delta-spark_2\\.13-[^ ]+\\.jar")
                .containsPattern("Fetching spark://127\\.0\\.0\\.1:\\d+/jars/imon-pipelines-[^ ]+\\.jar")
                .containsPattern("Fetching spark://127\\.0\\.0\\.1:\\d+/jars/imon\\.jar");
        long finishedTasks = executor.lines().filter(line -> line.contains("Executor: Finished task")).count();
        assertThat(finishedTasks).as("tasks the executor finished").isGreaterThan(100);
        // The executor's own class path is the Spark installation, without Delta: Delta came with --jars.
        assertThat(executor.lines().findFirst().orElse("")).startsWith("Spark Executor Command:").doesNotContain("delta-spark");
    }

    @Test
    void bothRunsFinishWithTheSameReportFiles() throws IOException {
        assertThat(Files.readString(LOGS.get("cluster-run"))).contains("Fertig: Lauf").contains("Berichtsmonat 2026-10");
        assertThat(fileNames(clusterOut)).isEqualTo(fileNames(localOut)).contains("kreis-recklinghausen/monatsbericht_2026-10.pdf",
                "bielefeld/versorgungsluecken_2026-10.xlsx", "modellprojekte/modellprojekt_evaluation_einwanderung-gestalten-nrw_2026-10.pdf");
    }

    /**
     * Every gold and ops table of the catalog: same columns and types, and the same rows as a multiset (order
     * aside, duplicates counted). Columns naming the run or its clock are left out.
     */
    @Test
    void goldTablesOfTheClusterRunEqualThoseOfTheLocalRun() {
        SparkSession spark = SharedSparkSession.get();
        Warehouse local = new Warehouse(spark, localWarehouse.toString());
        Warehouse cluster = new Warehouse(spark, clusterWarehouseUri);
        List<TableDef> gold = TableCatalog.all().stream().filter(table -> table.layer() == Layer.GOLD || table.layer() == Layer.OPS).toList();
        assertThat(gold).contains(TableCatalog.GOLD_KPI_MONTHLY, TableCatalog.GOLD_COVERAGE_GAPS, TableCatalog.OPS_RUN_LOG);
        long rows = 0;
        for (TableDef table : gold) {
            assertThat(local.exists(table)).as("local run wrote " + table).isTrue();
            assertThat(cluster.exists(table)).as("cluster run wrote " + table).isTrue();
            Dataset<Row> expected = withoutRunColumns(local.read(table));
            Dataset<Row> actual = withoutRunColumns(cluster.read(table));
            assertThat(actual.schema()).as("schema of " + table).isEqualTo(expected.schema());
            List<Row> expectedRows = expected.collectAsList();
            assertThat(actual.collectAsList()).as("rows of " + table).containsExactlyInAnyOrderElementsOf(expectedRows);
            rows += expectedRows.size();
        }
        assertThat(rows).as("rows compared").isGreaterThan(100);
        // Not two empty or two broken warehouses: the hand-computed figures of ImonEndToEndIT are there.
        // two months of Kreis Recklinghausen and its two Gemeinden, Bielefeld and Münster with their one Gemeinde each
        assertThat(cluster.read(TableCatalog.GOLD_KPI_MONTHLY).count()).isEqualTo(14);
        assertThat(cluster.read(TableCatalog.GOLD_COVERAGE_GAPS).filter("is_gap").count()).isEqualTo(3);
    }

    private static Dataset<Row> withoutRunColumns(Dataset<Row> rows) {
        return rows.drop(Arrays.stream(rows.columns()).filter(RUN_COLUMNS::contains).toArray(String[]::new));
    }

    /** A throwaway SPARK_HOME: {@code jars/} links every jar of target/lib but the application's own. */
    private static Path sparkHomeWithoutApplicationJars() throws IOException {
        Path jars = Files.createDirectories(BASE.resolve("spark-home/jars"));
        for (Path jar : libraryJars()) {
            if (!isApplicationJar(jar)) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        return jars.getParent();
    }

    /** What --jars ships: every jar of target/lib that the Spark installation lacks. */
    private static List<String> applicationJars() throws IOException {
        Path installed = BASE.resolve("spark-home/jars");
        List<String> jars = libraryJars().stream().filter(jar -> !Files.exists(installed.resolve(jar.getFileName())))
                .map(Path::toString).toList();
        assertThat(jars).as("jars shipped with --jars").isNotEmpty().allSatisfy(jar -> assertThat(isApplicationJar(Path.of(jar))).isTrue());
        return jars;
    }

    private static boolean isApplicationJar(Path jar) {
        String name = jar.getFileName().toString();
        return APPLICATION_JAR_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static List<Path> libraryJars() throws IOException {
        assertThat(JAR).as("the packaged jar (mvn package runs before this test)").exists();
        try (Stream<Path> files = Files.list(LIB)) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName().toString().startsWith(GENERATOR_JAR_PREFIX)).sorted().toList();
        }
    }

    private static List<String> java(String classpath, String heap, String mainClass, String... arguments) {
        // the launcher's JIT settings (imon): C1 only, with room for its code; the default 48 MB of a C1-only JVM filled
        // up in the driver during Gold once ("CodeCache is full", then an InternalError)
        List<String> command = new ArrayList<>(List.of(javaExecutable(), heap, "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m"));
        // The --add-opens list bin/spark-submit and bin/spark-class give every Spark JVM on Java 17.
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /** One of the embedded mode's small-data settings as {@code key=value}. */
    private static String setting(String key) {
        return key + "=" + SparkSessions.smallDataSettings().get(key);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process start(String name, Map<String, String> environment, List<String> command) throws IOException {
        Path log = BASE.resolve(name + ".log");
        LOGS.put(name, log);
        ProcessBuilder builder = new ProcessBuilder(command).directory(BASE.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // No Spark settings of the machine (SPARK_CONF_DIR, a real SPARK_HOME, ...) leak into the test's cluster.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SPARK_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }

    private static void awaitSuccess(String name, Process process) throws InterruptedException {
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail(name + " did not finish within " + RUN_TIMEOUT + "\n" + diagnostics());
        }
        if (process.exitValue() != 0) {
            fail(name + " exited with " + process.exitValue() + "\n" + diagnostics());
        }
    }

    private static void awaitMaster(java.util.function.Predicate<JsonNode> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process daemon : List.of(master, worker)) {
                if (!daemon.isAlive()) {
                    fail((daemon == master ? "master" : "worker") + " exited with " + daemon.exitValue() + "\n" + diagnostics());
                }
            }
            try {
                if (condition.test(masterStatus())) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the master's web UI is not up yet
            }
            Thread.sleep(250);
        }
        fail("the master did not report " + what + " within " + STARTUP_TIMEOUT + "\n" + diagnostics());
    }

    /** The master's status as its web UI serves it at {@code /json/}. */
    private static JsonNode masterStatus() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("master answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static List<JsonNode> completedApplications(JsonNode master) {
        return StreamSupport.stream(master.path("completedapps").spliterator(), false)
                .filter(application -> APP_NAME.equals(application.path("name").asText())).toList();
    }

    /** The last lines of every log: master, worker, both runs and the executors. */
    private static String diagnostics() {
        Map<String, Path> logs = new LinkedHashMap<>(LOGS);
        try (Stream<Path> files = Files.exists(BASE.resolve("work")) ? Files.walk(BASE.resolve("work")) : Stream.empty()) {
            files.filter(file -> file.getFileName().toString().equals("stderr"))
                    .forEach(file -> logs.put("executor " + BASE.relativize(file), file));
        } catch (IOException e) {
            logs.put("executor logs unreadable: " + e.getMessage(), BASE.resolve("missing"));
        }
        StringBuilder text = new StringBuilder();
        logs.forEach((name, file) -> {
            text.append("----- ").append(name).append(" (").append(file).append(") -----\n");
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(line -> text.append(line).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                text.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        });
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The report files below {@code directory}, as paths relative to it ("bielefeld/monatsbericht_2026-10.pdf"). */
    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).sorted().collect(Collectors.toList());
        }
    }
}
