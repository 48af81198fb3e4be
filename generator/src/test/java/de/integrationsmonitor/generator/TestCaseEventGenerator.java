package de.integrationsmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model-projects/case_events.csv of the sample (and of scale M), written on its own. */
class TestCaseEventGenerator {

    private static final long SEED = SampleDataGenerator.DEFAULT_SEED;
    private static final LocalDate REPORT_END = LocalDate.of(2026, 10, 31);
    private static final int LIMIT_DAYS = 56;

    @TempDir
    static Path sample;

    static Manifest manifest;
    static List<String> lines;
    static List<String[]> rows;

    @BeforeAll
    static void generate() throws IOException {
        manifest = new Manifest(SEED, Scale.S);
        CaseEventGenerator.generate(Scale.S, SEED).write(sample, manifest);
        lines = Files.readAllLines(sample.resolve(CaseEventGenerator.PATH), StandardCharsets.UTF_8);
        for (CsvFile file : ModelProjectGenerator.generate(Geography.sample(), SEED)) {
            file.write(sample, new Manifest(SEED, Scale.S));
        }
        rows = lines.stream().skip(1).map(line -> line.split(";", -1)).toList();
    }

    @Test
    void headerIsTheContracts() {
        assertThat(lines.get(0)).isEqualTo("Fall-ID;Projekt-ID;Ereignis;Datum");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(manifest.files()).containsExactly(new Manifest.WrittenFile(CaseEventGenerator.PATH, 3272));
    }

    @Test
    void everyModelProjectHasBetween40And110Cases() {
        Map<String, Set<String>> cases = new TreeMap<>();
        for (String[] row : rows) {
            if (!row[0].isEmpty()) {
                cases.computeIfAbsent(row[1], project -> new HashSet<>()).add(row[0]);
            }
        }
        Map<String, Integer> counts = cases.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().size(), (a, b) -> a, TreeMap::new));

        // EGN-09 adds the two arrivals after its end; EGN-99 is the mistyped project
        assertThat(counts).containsExactly(Map.entry("EGN-01", 85), Map.entry("EGN-02", 45), Map.entry("EGN-03", 110),
                Map.entry("EGN-04", 60), Map.entry("EGN-05", 105), Map.entry("EGN-06", 70), Map.entry("EGN-07", 50),
                Map.entry("EGN-08", 65), Map.entry("EGN-09", 57), Map.entry("EGN-10", 40), Map.entry("EGN-11", 95),
                Map.entry("EGN-12", 75), Map.entry("EGN-99", 1));
    }

    @Test
    void eachFaultIsAtItsRegisteredLineWithTheValueAsDelivered() {
        List<String> header = List.of(lines.get(0).split(";"));

        assertThat(manifest.faults()).extracting(row -> row.note().reason(), row -> row.line(), row -> row.note().column(),
                row -> row.note().value()).containsExactly(
                        tuple("missing_value", 420, "Fall-ID", ""),
                        tuple("duplicate_key", 1438, "Ereignis", "Kursanmeldung"),
                        tuple("bad_date", 1679, "Datum", "31.09.2025"),
                        tuple("unknown_project", 2375, "Projekt-ID", "EGN-99"),
                        tuple("unknown_label", 2595, "Ereignis", "Sprachkurs"),
                        tuple("event_before_start", 3150, "Datum", "01.10.2025"));
        for (Manifest.NotedRow fault : manifest.faults()) {
            String[] row = lines.get(fault.line() - 1).split(";", -1);
            assertThat(row[header.indexOf(fault.note().column())]).as(fault.toString()).isEqualTo(fault.note().value());
            // a quarantine value never shows a pseudonym
            assertThat(fault.note().value().isEmpty() || !fault.note().value().equals(row[0])).as(fault.toString()).isTrue();
        }
    }

    @Test
    void theDuplicateFollowsTheKeptRowAndTheEarlyKursbeginnPrecedesTheZuzug() {
        String[] duplicate = row(1438);
        String[] kept = row(1437);
        assertThat(kept).containsExactly(duplicate[0], "EGN-05", "Kursanmeldung", "2026-03-06");
        assertThat(duplicate[3]).isEqualTo("2026-03-13");

        String[] early = row(3150);
        assertThat(early).containsExactly("PFXE43", "EGN-12", "Kursbeginn", "01.10.2025");
        assertThat(rows).contains(new String[] {"PFXE43", "EGN-12", "Zuzug", "20.08.2026"});
        assertThat(rows.stream().filter(row -> row[0].equals("PFXE43") && row[2].equals("Kursbeginn"))).hasSize(1);
    }

    @Test
    void validEdgeCasesAreNotedAtTheirLines() {
        assertThat(manifest.edgeCases()).extracting(row -> row.line(), row -> row.note().column(), row -> row.note().value())
                .containsExactly(
                        tuple(95, "Datum", "2025-03-10"),
                        tuple(296, "Datum", "2026-11-02"),
                        tuple(468, "Datum", "07.12.2023"),
                        tuple(1267, "Ereignis", "ERSTBERATUNG"),
                        tuple(1808, "Datum", "2024-03-07"),
                        tuple(1927, "Fall-ID", "YWCHPT"),
                        tuple(2116, "Ereignis", " kursbeginn "),
                        tuple(2480, "Datum", "13.07.2026"),
                        tuple(2487, "Datum", "03.08.2026"),
                        tuple(2490, "Datum", "26.08.2026"),
                        tuple(2653, "Datum", "2026-11-04"),
                        tuple(2802, "Ereignis", "Erstberatung"));
        assertThat(row(95)[2]).isEqualTo("Erstberatung");
        assertThat(rows).contains(new String[] {row(95)[0], "EGN-01", "Zuzug", "2025-03-10"});
    }

    @Test
    void oneFallIdIsUsedInTwoProjectsForTwoPeople() {
        Map<String, Set<String>> projectsById = new HashMap<>();
        for (String[] row : rows) {
            projectsById.computeIfAbsent(row[0], id -> new HashSet<>()).add(row[1]);
        }

        assertThat(projectsById.entrySet().stream().filter(entry -> entry.getValue().size() > 1).toList())
                .containsExactly(Map.entry("YWCHPT", Set.of("EGN-04", "EGN-07")));
    }

    @Test
    void oneCaseHasNoZuzugAndEgn09HasTwoArrivalsAfterItsEnd() {
        Map<List<String>, Set<String>> milestones = new HashMap<>();
        for (String[] row : rows) {
            if (!row[0].isEmpty()) {
                milestones.computeIfAbsent(List.of(row[0], row[1]), key -> new HashSet<>()).add(row[2].strip().toLowerCase());
            }
        }
        assertThat(milestones.entrySet().stream().filter(entry -> !entry.getValue().contains("zuzug")).map(entry -> entry.getKey().get(1)))
                .containsExactly("EGN-11");

        assertThat(rows.stream().filter(row -> row[1].equals("EGN-09") && row[2].equals("Zuzug")
                && date(row[3]).isAfter(LocalDate.of(2026, 6, 30))).map(row -> row[3])).containsExactly("13.07.2026", "26.08.2026");
    }

    @Test
    void onlyTwoMilestonesLieAfterTheReportMonth() {
        assertThat(rows.stream().filter(row -> parses(row[3]) && date(row[3]).isAfter(REPORT_END)).map(row -> row[2] + " " + row[3]))
                .containsExactly("Kursbeginn 2026-11-02", "Erstberatung 2026-11-04");
    }

    @Test
    void coursesStartOnTheFirstWorkingDayFromThe1stOrThe15thSoWaitsTie() {
        List<LocalDate> starts = rows.stream().filter(row -> row[2].strip().equalsIgnoreCase("Kursbeginn")).map(row -> date(row[3])).toList();

        assertThat(starts).hasSize(698).allSatisfy(start -> {
            assertThat(start.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(start.getDayOfMonth()).satisfiesAnyOf(day -> assertThat(day).isBetween(1, 4),
                    day -> assertThat(day).isBetween(15, 17));
        });
        assertThat(CaseEventGenerator.nextCourseStart(LocalDate.of(2025, 12, 16))).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(CaseEventGenerator.nextCourseStart(LocalDate.of(2026, 11, 1))).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(CaseEventGenerator.nextCourseStart(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    /**
     * Share with Kursbeginn within 56 days by Kaplan–Meier (still waiting: censored at the report month's end or the
     * project's end) against the completed waits only, beside the latest IND-01 value delivered in values.csv.
     */
    @Test
    void kursbeginnWaitsMatchTheDeliveredIndicatorExceptWhereItIsOverstated() throws IOException {
        Map<String, Double> delivered = latestDeliveredInd01();
        assertThat(delivered).containsOnlyKeys("EGN-01", "EGN-05", "EGN-09", "EGN-10", "EGN-12");

        for (String project : List.of("EGN-05", "EGN-09", "EGN-10")) {
            assertThat(kaplanMeierShare(project)).as(project).isCloseTo(delivered.get(project), within(0.1));
        }
        for (String project : CaseEventGenerator.OVERSTATED_PROJECTS) {
            assertThat(kaplanMeierShare(project)).as(project).isLessThan(delivered.get(project) - 0.2);
            assertThat(naiveShare(project)).as(project).isGreaterThan(delivered.get(project) - 0.05);
        }
        assertThat(kaplanMeierShare("EGN-01")).isCloseTo(0.543, within(0.001));
        assertThat(naiveShare("EGN-01")).isCloseTo(0.896, within(0.001));
    }

    @Test
    void sameSeedGivesByteIdenticalEventsAndAnotherSeedOthers(@TempDir Path again, @TempDir Path other) throws IOException {
        CaseEventGenerator.generate(Scale.S, SEED).write(again, new Manifest(SEED, Scale.S));
        CaseEventGenerator.generate(Scale.S, SEED + 1).write(other, new Manifest(SEED + 1, Scale.S));

        byte[] bytes = Files.readAllBytes(sample.resolve(CaseEventGenerator.PATH));
        assertThat(Files.readAllBytes(again.resolve(CaseEventGenerator.PATH))).isEqualTo(bytes);
        assertThat(Files.readAllBytes(other.resolve(CaseEventGenerator.PATH))).isNotEqualTo(bytes);
    }

    @Test
    void scaleMHasThirteenTimesTheCasesOfEveryProjectAndTheSameSixFaults(@TempDir Path dir) throws IOException {
        Manifest scaled = new Manifest(SEED, Scale.M);
        CaseEventGenerator.generate(Scale.M, SEED).write(dir, scaled);
        List<String[]> scaledRows = Files.readAllLines(dir.resolve(CaseEventGenerator.PATH), StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.split(";", -1)).toList();

        Map<String, Set<String>> cases = new TreeMap<>();
        for (String[] row : scaledRows) {
            if (!row[0].isEmpty() && !row[1].equals("EGN-99")) {
                cases.computeIfAbsent(row[1], project -> new HashSet<>()).add(row[0]);
            }
        }
        assertThat(cases.keySet()).containsExactlyElementsOf(
                ModelProjectGenerator.modelProjects().stream().map(ModelProjectGenerator.Project::id).toList());
        assertThat(cases.get("EGN-01")).hasSize(85 * CaseEventGenerator.SCALED_CASES_FACTOR);
        assertThat(cases.get("EGN-09")).hasSize(55 * CaseEventGenerator.SCALED_CASES_FACTOR + 2);
        assertThat(cases.values()).allSatisfy(ids -> assertThat(ids.size()).isBetween(200, 1_500));
        assertThat(scaledRows).hasSizeBetween(35_000, 50_000);
        assertThat(scaled.faults()).extracting(row -> row.note().reason()).containsExactlyInAnyOrder("missing_value", "duplicate_key",
                "bad_date", "unknown_project", "unknown_label", "event_before_start");
        List<String> header = List.of(CaseEventGenerator.HEADER.toArray(String[]::new));
        for (Manifest.NotedRow fault : scaled.faults()) {
            assertThat(scaledRows.get(fault.line() - 2)[header.indexOf(fault.note().column())]).as(fault.toString())
                    .isEqualTo(fault.note().value());
        }
    }

    private static String[] row(int line) {
        return lines.get(line - 1).split(";", -1);
    }

    private static double kaplanMeierShare(String project) {
        List<int[]> times = waits(project);
        double survival = 1;
        for (int day = 0; day <= LIMIT_DAYS; day++) {
            int current = day;
            long atRisk = times.stream().filter(time -> time[0] >= current).count();
            long events = times.stream().filter(time -> time[0] == current && time[1] == 1).count();
            if (events > 0) {
                survival *= 1 - (double) events / atRisk;
            }
        }
        return 1 - survival;
    }

    private static double naiveShare(String project) {
        List<int[]> events = waits(project).stream().filter(time -> time[1] == 1).toList();
        return (double) events.stream().filter(time -> time[0] <= LIMIT_DAYS).count() / events.size();
    }

    /** Per case with a Zuzug on or before the project's end: {days, 1} to Kursbeginn, or {days to the follow-up end, 0}. */
    private static List<int[]> waits(String project) {
        LocalDate end = project.equals("EGN-09") ? LocalDate.of(2026, 6, 30) : REPORT_END;
        Map<String, Map<String, LocalDate>> cases = new HashMap<>();
        for (String[] row : rows) {
            String label = row[2].strip().toLowerCase();
            if (row[1].equals(project) && !row[0].isEmpty() && parses(row[3])) {
                cases.computeIfAbsent(row[0], id -> new HashMap<>()).putIfAbsent(label, date(row[3]));
            }
        }
        List<int[]> times = new ArrayList<>();
        for (Map<String, LocalDate> milestones : cases.values()) {
            LocalDate arrival = milestones.get("zuzug");
            if (arrival == null || arrival.isAfter(end)) {
                continue;
            }
            LocalDate course = milestones.get("kursbeginn");
            boolean reached = course != null && !course.isBefore(arrival) && !course.isAfter(end);
            times.add(new int[] {(int) (reached ? course : end).toEpochDay() - (int) arrival.toEpochDay(), reached ? 1 : 0});
        }
        return times;
    }

    private static Map<String, Double> latestDeliveredInd01() throws IOException {
        Map<String, String> latestPeriod = new HashMap<>();
        Map<String, Double> value = new HashMap<>();
        for (String line : Files.readAllLines(sample.resolve(ModelProjectGenerator.VALUES_PATH), StandardCharsets.UTF_8)) {
            String[] fields = line.split(";", -1);
            if (fields[1].equals("IND-01") && fields[2].compareTo(latestPeriod.getOrDefault(fields[0], "")) > 0) {
                latestPeriod.put(fields[0], fields[2]);
                value.put(fields[0], Double.parseDouble(fields[3].replace(',', '.')));
            }
        }
        return value;
    }

    private static boolean parses(String text) {
        try {
            date(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static LocalDate date(String text) {
        return text.contains(".") ? LocalDate.of(Integer.parseInt(text.substring(6)), Integer.parseInt(text.substring(3, 5)),
                Integer.parseInt(text.substring(0, 2))) : LocalDate.parse(text);
    }
}
