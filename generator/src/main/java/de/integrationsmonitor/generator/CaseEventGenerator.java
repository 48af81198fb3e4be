package de.integrationsmonitor.generator;

import de.integrationsmonitor.generator.ModelProjectGenerator.Project;
import de.integrationsmonitor.pipelines.contract.Milestone;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes model-projects/case_events.csv, the optional case milestones of the model projects
 * ({@code Fall-ID;Projekt-ID;Ereignis;Datum}): per project 40 to 110 cases in the sample, 13 times as
 * many at the larger scales (the same twelve projects). Every Fall-ID is an invented pseudonym, in the
 * style of a municipality's case number ({@code BI-2025-00417}) or a random code ({@code F7Q3K9}).
 *
 * <p>Each case starts with its {@code Zuzug} (from a few weeks before the project's Beginn up to late
 * October 2026, denser in recent months). Erstberatung follows for almost everyone after 3 to 30 days,
 * Kursanmeldung for most after two to six weeks, and Arbeitsaufnahme for a minority after 150 to 500
 * days. Kursbeginn comes after a project-specific waiting time, on the next course start (the first
 * working day on or after the 1st or the 15th of a month, so equal waits are common); a share of the
 * cases gets no course within the follow-up at all, and recent arrivals are mostly still waiting. A
 * milestone after October 2026 is not delivered, except two deliberate early-November dates.
 *
 * <p>The waits follow each project's latest delivered IND-01 value ("Anteil Neuzugewanderter mit
 * Integrationskursbeginn binnen 8 Wochen") where it has one, except in {@link #OVERSTATED_PROJECTS}
 * (EGN-01 and EGN-12): there most people who start a course start quickly, so the share of completed
 * waits within 8 weeks matches the delivered value, but many others are still waiting, and the share
 * of all newcomers (Kaplan–Meier, counting those still waiting) is clearly lower. That overstatement
 * is what the evaluation should reveal.
 *
 * <p>Deliberate faults, one of each kind the contract names: an unknown label, an unknown project, a
 * duplicate key, a bad date, an empty Fall-ID and a Kursbeginn before the case's Zuzug. Valid edge
 * cases: labels in other capitalisation or with spaces, dates as DD.MM.YYYY, a Zuzug before the
 * project's Beginn and after its Ende, milestones after the Ende and after the report month, a case
 * without Zuzug, time 0 and one Fall-ID used in two projects (two people).
 */
final class CaseEventGenerator {

    static final String PATH = "model-projects/case_events.csv";
    static final List<String> HEADER = List.of("Fall-ID", "Projekt-ID", "Ereignis", "Datum");

    /** Projects whose delivered IND-01 values overstate the true share: many newcomers are still waiting. */
    static final List<String> OVERSTATED_PROJECTS = List.of("EGN-01", "EGN-12");

    /** Larger scales: this many times the sample's cases per project. */
    static final int SCALED_CASES_FACTOR = 13;

    /**
     * How one project's cases look.
     *
     * @param idPrefix       prefix of the case numbers ({@code BI} gives {@code BI-2025-00417}); null for random codes
     * @param sampleCases    cases in the sample
     * @param medianWaitDays median wait from Zuzug to a course place (the course starts on the next start date after it)
     * @param waitingShare   share of cases without a course within the follow-up (some start after 150 to 400 days)
     */
    private record Profile(String projectId, String idPrefix, int sampleCases, int medianWaitDays, double waitingShare) {}

    /**
     * In the order of projects.csv. Latest delivered IND-01: EGN-01 0,89 and EGN-12 0,75 (overstated: fast starts, but
     * four in ten still waiting), EGN-05 0.75, EGN-09 0,71 and EGN-10 0,75 (waits in line); the others deliver no
     * IND-01 and range from about 80 % (EGN-02, EGN-07) to about 15 % (EGN-06, EGN-08) within 8 weeks.
     */
    private static final List<Profile> PROFILES = List.of(
            new Profile("EGN-01", "BI", 85, 24, 0.42),
            new Profile("EGN-02", null, 45, 37, 0.06),
            new Profile("EGN-03", "DO", 110, 66, 0.12),
            new Profile("EGN-04", null, 60, 55, 0.10),
            new Profile("EGN-05", "K", 105, 35, 0.08),
            new Profile("EGN-06", "LIP", 70, 70, 0.15),
            new Profile("EGN-07", null, 50, 34, 0.06),
            new Profile("EGN-08", "MS", 65, 70, 0.10),
            new Profile("EGN-09", "RBK", 55, 35, 0.10),
            new Profile("EGN-10", null, 40, 38, 0.08),
            new Profile("EGN-11", "W", 95, 60, 0.10),
            new Profile("EGN-12", null, 75, 26, 0.46));

    /** The delivery is as of the end of the report month; later milestones are not in it (except two, deliberately). */
    private static final LocalDate REPORT_END = Timeline.AS_OF.atEndOfMonth();
    private static final LocalDate LAST_ARRIVAL = REPORT_END.minusDays(3);
    private static final int EARLY_ARRIVAL_DAYS = 42;
    /** Spread of the course waits (sigma of the log-normal). */
    private static final double WAIT_SIGMA = 0.35;
    private static final double LATE_START_SHARE = 0.2;
    private static final double JOB_SHARE = 0.3;
    /** Public holidays in NRW on fixed dates (courses and offices are closed). */
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3),
            MonthDay.of(11, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));
    private static final String CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679";

    /** Where the deliberate faults and edge cases go. */
    private static final String TIME_ZERO_PROJECT = "EGN-01";
    private static final String NOVEMBER_COURSE_PROJECT = "EGN-01";
    private static final String NOVEMBER_COUNSELLING_PROJECT = "EGN-10";
    private static final String WITHOUT_ARRIVAL_PROJECT = "EGN-11";
    private static final String SHARED_ID_FROM_PROJECT = "EGN-04";
    private static final String SHARED_ID_TO_PROJECT = "EGN-07";
    private static final String LOWER_CASE_PROJECT = "EGN-08";
    private static final String UPPER_CASE_PROJECT = "EGN-05";
    private static final String GERMAN_DATE_PROJECT = "EGN-03";
    private static final String EARLY_ARRIVAL_PROJECT = "EGN-07";
    private static final String UNKNOWN_LABEL_PROJECT = "EGN-10";
    private static final String UNKNOWN_LABEL = "Sprachkurs";
    /** A typo of EGN-09: the row sits among that project's rows. */
    private static final String MISTYPED_PROJECT = "EGN-09";
    private static final String UNKNOWN_PROJECT = "EGN-99";
    private static final String DUPLICATE_PROJECT = "EGN-05";
    private static final String BEFORE_START_PROJECT = "EGN-12";
    private static final String BAD_DATE_PROJECT = "EGN-06";
    private static final String BAD_DATE = "31.09.2025";
    private static final String MISSING_ID_PROJECT = "EGN-02";

    /** One person in one project; dates of milestones after the delivery are left out. */
    private static final class Case {
        final Project project;
        final int number;
        final LocalDate arrival;
        final boolean afterEnd;
        String id;
        boolean arrivalDelivered = true;
        final Map<Milestone, LocalDate> dates = new EnumMap<>(Milestone.class);
        final Map<Milestone, String> labels = new EnumMap<>(Milestone.class);
        final Map<Milestone, Note> notes = new EnumMap<>(Milestone.class);

        Case(Project project, int number, LocalDate arrival) {
            this.project = project;
            this.number = number;
            this.arrival = arrival;
            this.afterEnd = arrival.isAfter(project.end());
        }

        void set(Milestone milestone, LocalDate date) {
            if (date.isAfter(REPORT_END)) {
                dates.remove(milestone);
            } else {
                dates.put(milestone, date);
            }
        }

        String date(LocalDate date) {
            return Dates.format(date, project.dateStyle());
        }
    }

    /** One line of the file with where it sorts: by project, date, case and milestone. */
    private record Row(int projectIndex, LocalDate date, int caseNumber, int order, List<String> values, Note note) {}

    private static final Comparator<Row> FILE_ORDER = Comparator.comparingInt(Row::projectIndex).thenComparing(Row::date)
            .thenComparingInt(Row::caseNumber).thenComparingInt(Row::order);

    private CaseEventGenerator() {}

    static CsvFile generate(Scale scale, long seed) {
        Rand rand = new Rand(seed, "case-events");
        List<Project> projects = ModelProjectGenerator.modelProjects();
        if (projects.size() != PROFILES.size()) {
            throw new IllegalStateException(projects.size() + " model projects but " + PROFILES.size() + " case profiles");
        }
        List<List<Case>> cases = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            Project project = projects.get(i);
            Profile profile = PROFILES.get(i);
            if (!profile.projectId().equals(project.id())) {
                throw new IllegalStateException("case profile " + profile.projectId() + " does not match project " + project.id());
            }
            int count = scale.region() == Scale.Region.SAMPLE ? profile.sampleCases() : profile.sampleCases() * SCALED_CASES_FACTOR;
            // one stream per project: tuning one project's waits leaves the others' cases unchanged
            cases.add(cases(project, profile, count, new Rand(seed, "case-events-" + project.id())));
        }
        Placement placement = new Placement(projects, cases);
        placeEdgeCases(placement);
        List<Row> rows = placeFaults(placement, rand);
        for (int i = 0; i < projects.size(); i++) {
            for (Case person : cases.get(i)) {
                addRows(rows, i, person);
            }
        }
        rows.sort(FILE_ORDER);
        CsvFile file = new CsvFile(PATH, HEADER);
        for (Row row : rows) {
            file.add(row.values(), row.note());
        }
        return file;
    }

    /** The cases of one project, ordered by Zuzug, with their ids and milestones. */
    private static List<Case> cases(Project project, Profile profile, int count, Rand rand) {
        LocalDate last = project.end().isBefore(LAST_ARRIVAL) ? project.end() : LAST_ARRIVAL;
        long span = ChronoUnit.DAYS.between(project.begin(), last);
        int early = rand.between(1, Math.max(3, count / 40));
        List<LocalDate> arrivals = new ArrayList<>();
        // a Zuzug is the registration or assignment at the municipality: a working day
        for (int i = 0; i < early; i++) {
            arrivals.add(workingDayUpTo(project.begin().minusDays(rand.between(1, EARLY_ARRIVAL_DAYS)), project.begin().minusDays(1)));
        }
        for (int i = early; i < count; i++) {
            // density rising towards the report month: more recent arrivals
            arrivals.add(workingDayUpTo(project.begin().plusDays(Math.round(span * Math.pow(rand.uniform(0, 1), 0.7))), last));
        }
        if (last.isBefore(LAST_ARRIVAL)) {
            // the project has ended, but the municipality keeps recording arrivals
            for (int i = 0; i < 2; i++) {
                arrivals.add(workingDay(last.plusDays(rand.between(5, 80))));
            }
        }
        arrivals.sort(Comparator.naturalOrder());
        List<Case> cases = new ArrayList<>();
        IdSequence ids = new IdSequence(profile.idPrefix(), rand);
        for (LocalDate arrival : arrivals) {
            Case person = new Case(project, cases.size() + 1, arrival);
            person.id = ids.next(arrival);
            person.dates.put(Milestone.ZUZUG, arrival);
            milestones(person, profile, rand);
            cases.add(person);
        }
        return cases;
    }

    private static void milestones(Case person, Profile profile, Rand rand) {
        LocalDate arrival = person.arrival;
        if (rand.chance(0.95)) {
            person.set(Milestone.ERSTBERATUNG, workingDay(arrival.plusDays(3 + Math.round(27 * Math.pow(rand.uniform(0, 1), 1.6)))));
        }
        LocalDate course = null;
        if (!rand.chance(profile.waitingShare())) {
            double wait = profile.medianWaitDays() * Math.exp(WAIT_SIGMA * rand.gaussian());
            course = nextCourseStart(arrival.plusDays(Math.round(wait)));
        } else if (rand.chance(LATE_START_SHARE)) {
            course = nextCourseStart(arrival.plusDays(rand.between(150, 400)));
        }
        if (rand.chance(course != null ? 0.95 : 0.7)) {
            LocalDate enrolment = workingDay(arrival.plusDays(rand.between(14, 42)));
            if (course != null && enrolment.isAfter(course.minusDays(3))) {
                LocalDate earlier = workingDay(course.minusDays(rand.between(3, 10)));
                enrolment = earlier.isBefore(arrival) ? arrival : earlier;
            }
            person.set(Milestone.KURSANMELDUNG, enrolment);
        }
        if (course != null) {
            person.set(Milestone.KURSBEGINN, course);
        }
        if (rand.chance(JOB_SHARE)) {
            person.set(Milestone.ARBEITSAUFNAHME, workingDay(arrival.plusDays(rand.between(150, 500))));
        }
    }

    /** Integration courses start on the first working day on or after the 1st or the 15th of a month. */
    static LocalDate nextCourseStart(LocalDate earliest) {
        LocalDate start = earliest.getDayOfMonth() == 1 ? earliest
                : earliest.getDayOfMonth() <= 15 ? earliest.withDayOfMonth(15) : earliest.plusMonths(1).withDayOfMonth(1);
        return workingDay(start);
    }

    /** The date itself or the next day that is neither a weekend nor a fixed public holiday in NRW. */
    static LocalDate workingDay(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** {@link #workingDay(LocalDate)}, or the last working day up to {@code latest} where that is later. */
    private static LocalDate workingDayUpTo(LocalDate date, LocalDate latest) {
        LocalDate day = workingDay(date);
        if (day.isAfter(latest)) {
            day = latest;
            while (!isWorkingDay(day)) {
                day = day.minusDays(1);
            }
        }
        return day;
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !FIXED_HOLIDAYS.contains(MonthDay.from(day));
    }

    /** Case numbers of one municipality ({@code BI-2025-00417}, counting on from case to case) or random codes. */
    private static final class IdSequence {
        private final String prefix;
        private final Rand rand;
        private final Set<String> used = new HashSet<>();
        private int year;
        private int number;

        IdSequence(String prefix, Rand rand) {
            this.prefix = prefix;
            this.rand = rand;
        }

        String next(LocalDate arrival) {
            if (prefix == null) {
                String code;
                do {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < 6; i++) {
                        text.append(CODE_ALPHABET.charAt(rand.between(0, CODE_ALPHABET.length() - 1)));
                    }
                    code = text.toString();
                } while (!used.add(code));
                return code;
            }
            if (arrival.getYear() != year) {
                year = arrival.getYear();
                number = rand.between(100, 900);
            }
            // the municipality numbers all its cases: project cases are a few of them
            number += rand.between(1, 9);
            return caseNumber(prefix, year, number);
        }
    }

    private static String caseNumber(String prefix, int year, int number) {
        return prefix + "-" + year + "-" + String.format(Locale.ROOT, "%05d", number);
    }

    /** Chooses the cases that carry an edge case or a fault, each case at most once. */
    private static final class Placement {
        private final List<Project> projects;
        private final List<List<Case>> cases;
        private final Set<Case> taken = new HashSet<>();

        Placement(List<Project> projects, List<List<Case>> cases) {
            this.projects = projects;
            this.cases = cases;
        }

        int index(String projectId) {
            for (int i = 0; i < projects.size(); i++) {
                if (projects.get(i).id().equals(projectId)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unknown project " + projectId);
        }

        List<Case> of(String projectId) {
            return cases.get(index(projectId));
        }

        /** The free case of the project whose Zuzug is nearest to {@code date} (within the project's time; earlier first on a tie). */
        Case near(String projectId, LocalDate date) {
            Case best = null;
            long bestDistance = Long.MAX_VALUE;
            for (Case person : of(projectId)) {
                long distance = Math.abs(ChronoUnit.DAYS.between(date, person.arrival));
                if (!taken.contains(person) && !person.afterEnd && distance < bestDistance) {
                    best = person;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                throw new IllegalStateException("no free case in " + projectId);
            }
            taken.add(best);
            return best;
        }
    }

    private static void placeEdgeCases(Placement placement) {
        Case timeZero = placement.near(TIME_ZERO_PROJECT, LocalDate.of(2025, 3, 1));
        timeZero.set(Milestone.ERSTBERATUNG, timeZero.arrival);
        timeZero.notes.put(Milestone.ERSTBERATUNG, Note.edgeCase("Datum", timeZero.date(timeZero.arrival),
                "Erstberatung on the day of Zuzug: time 0, reached on day 0"));

        Case plannedCourse = placement.near(NOVEMBER_COURSE_PROJECT, LocalDate.of(2026, 9, 10));
        LocalDate november = nextCourseStart(REPORT_END.plusDays(1));
        plannedCourse.dates.put(Milestone.KURSBEGINN, november);
        plannedCourse.set(Milestone.KURSANMELDUNG, workingDay(plannedCourse.arrival.plusDays(20)));
        plannedCourse.notes.put(Milestone.KURSBEGINN, Note.edgeCase("Datum", plannedCourse.date(november),
                "Kursbeginn after the report month (a planned course): not yet reached, the case is still waiting"));

        Case plannedCounselling = placement.near(NOVEMBER_COUNSELLING_PROJECT, LocalDate.of(2026, 10, 20));
        LocalDate counselling = REPORT_END.plusDays(4);
        plannedCounselling.dates.put(Milestone.ERSTBERATUNG, counselling);
        plannedCounselling.notes.put(Milestone.ERSTBERATUNG, Note.edgeCase("Datum", plannedCounselling.date(counselling),
                "Erstberatung after the report month (an appointment): not yet reached"));

        Case withoutArrival = placement.near(WITHOUT_ARRIVAL_PROJECT, LocalDate.of(2025, 6, 1));
        withoutArrival.arrivalDelivered = false;
        withoutArrival.dates.putIfAbsent(Milestone.ERSTBERATUNG, workingDay(withoutArrival.arrival.plusDays(10)));
        withoutArrival.notes.put(Milestone.ERSTBERATUNG, Note.edgeCase("Ereignis", Milestone.ERSTBERATUNG.label(),
                "case without a Zuzug row: left out of the time-to-event figures, counted as ohne Zuzug"));

        Case first = placement.near(SHARED_ID_FROM_PROJECT, LocalDate.of(2025, 2, 1));
        Case second = placement.near(SHARED_ID_TO_PROJECT, LocalDate.of(2025, 11, 1));
        if (placement.of(SHARED_ID_TO_PROJECT).stream().anyMatch(person -> person.id.equals(first.id))) {
            throw new IllegalStateException("Fall-ID " + first.id + " is already used in " + SHARED_ID_TO_PROJECT);
        }
        second.id = first.id;
        second.notes.put(Milestone.ZUZUG, Note.edgeCase("Fall-ID", second.id,
                "the same Fall-ID as a case of " + SHARED_ID_FROM_PROJECT + ": two people, one case in each project"));

        Case lowerCase = placement.near(LOWER_CASE_PROJECT, LocalDate.of(2025, 8, 1));
        lowerCase.set(Milestone.KURSBEGINN, lowerCase.dates.getOrDefault(Milestone.KURSBEGINN,
                nextCourseStart(lowerCase.arrival.plusDays(60))));
        lowerCase.labels.put(Milestone.KURSBEGINN, " kursbeginn ");
        lowerCase.notes.put(Milestone.KURSBEGINN, Note.edgeCase("Ereignis", " kursbeginn ",
                "label in lower case with surrounding spaces: matched ignoring case and space"));

        Case upperCase = placement.near(UPPER_CASE_PROJECT, LocalDate.of(2025, 4, 1));
        upperCase.dates.putIfAbsent(Milestone.ERSTBERATUNG, workingDay(upperCase.arrival.plusDays(7)));
        upperCase.labels.put(Milestone.ERSTBERATUNG, "ERSTBERATUNG");
        upperCase.notes.put(Milestone.ERSTBERATUNG, Note.edgeCase("Ereignis", "ERSTBERATUNG", "label in capitals: matched ignoring case"));

        Case germanDate = placement.of(GERMAN_DATE_PROJECT).get(0);
        placement.taken.add(germanDate);
        germanDate.notes.put(Milestone.ZUZUG, Note.edgeCase("Datum", germanDate.date(germanDate.arrival), "date as DD.MM.YYYY"));

        Project early = placement.projects.get(placement.index(EARLY_ARRIVAL_PROJECT));
        Case earlyArrival = placement.of(EARLY_ARRIVAL_PROJECT).get(0);
        placement.taken.add(earlyArrival);
        earlyArrival.notes.put(Milestone.ZUZUG, Note.edgeCase("Datum", earlyArrival.date(earlyArrival.arrival),
                "Zuzug before the project's Beginn (" + earlyArrival.date(early.begin()) + "): the case is kept"));

        for (int i = 0; i < placement.projects.size(); i++) {
            Project project = placement.projects.get(i);
            List<Case> cases = placement.cases.get(i);
            for (Case person : cases) {
                if (person.afterEnd) {
                    person.notes.put(Milestone.ZUZUG, Note.edgeCase("Datum", person.date(person.arrival),
                            "Zuzug after the project's Ende (" + person.date(project.end()) + "): the case is left out"));
                }
            }
            if (project.end().isBefore(REPORT_END)) {
                Case lastBeforeEnd = placement.near(project.id(), project.end());
                LocalDate afterEnd = nextCourseStart(lastBeforeEnd.arrival.plusDays(30).isAfter(project.end())
                        ? lastBeforeEnd.arrival.plusDays(30) : project.end().plusDays(1));
                lastBeforeEnd.set(Milestone.KURSBEGINN, afterEnd);
                lastBeforeEnd.notes.put(Milestone.KURSBEGINN, Note.edgeCase("Datum", lastBeforeEnd.date(afterEnd),
                        "Kursbeginn after the project's Ende (" + lastBeforeEnd.date(project.end())
                                + "): not reached, follow-up ends at the Ende"));
            }
        }
    }

    private static void addRows(List<Row> rows, int projectIndex, Case person) {
        for (Map.Entry<Milestone, LocalDate> milestone : person.dates.entrySet()) {
            if (milestone.getKey() == Milestone.ZUZUG && !person.arrivalDelivered) {
                continue;
            }
            rows.add(new Row(projectIndex, milestone.getValue(), person.number, milestone.getKey().ordinal(),
                    List.of(person.id, person.project.id(), person.labels.getOrDefault(milestone.getKey(), milestone.getKey().label()),
                            person.date(milestone.getValue())),
                    person.notes.get(milestone.getKey())));
        }
    }

    /**
     * Changes the cases that carry a fault where the fault replaces one of their rows, and returns the
     * rows that come on top. Runs before the cases' rows are made.
     */
    private static List<Row> placeFaults(Placement placement, Rand rand) {
        List<Row> extra = new ArrayList<>();
        int after = Milestone.values().length;

        Case relabelled = placement.near(UNKNOWN_LABEL_PROJECT, LocalDate.of(2026, 3, 1));
        LocalDate course = workingDay(relabelled.arrival.plusDays(25));
        extra.add(new Row(placement.index(UNKNOWN_LABEL_PROJECT), course, relabelled.number, after,
                List.of(relabelled.id, UNKNOWN_LABEL_PROJECT, UNKNOWN_LABEL, relabelled.date(course)),
                Note.fault("unknown_label", "Ereignis", UNKNOWN_LABEL, "not a milestone of the contract")));

        Profile mistyped = PROFILES.get(placement.index(MISTYPED_PROJECT));
        Project mistypedProject = placement.projects.get(placement.index(MISTYPED_PROJECT));
        LocalDate unknownArrival = LocalDate.of(2025, 10, 7);
        String unknownId = mistyped.idPrefix() == null ? "F7Q3K9" : caseNumber(mistyped.idPrefix(), 2025, rand.between(90_000, 99_999));
        extra.add(new Row(placement.index(MISTYPED_PROJECT), unknownArrival, Integer.MAX_VALUE, Milestone.ZUZUG.ordinal(),
                List.of(unknownId, UNKNOWN_PROJECT, Milestone.ZUZUG.label(), Dates.format(unknownArrival, mistypedProject.dateStyle())),
                Note.fault("unknown_project", "Projekt-ID", UNKNOWN_PROJECT,
                        "project not in projects.csv (a typo of " + MISTYPED_PROJECT + ")")));

        Case duplicated = placement.near(DUPLICATE_PROJECT, LocalDate.of(2026, 2, 1));
        LocalDate enrolment = duplicated.dates.computeIfAbsent(Milestone.KURSANMELDUNG, milestone -> workingDay(duplicated.arrival.plusDays(20)));
        LocalDate corrected = enrolment.plusDays(7);
        extra.add(new Row(placement.index(DUPLICATE_PROJECT), corrected, duplicated.number, after,
                List.of(duplicated.id, DUPLICATE_PROJECT, Milestone.KURSANMELDUNG.label(), duplicated.date(corrected)),
                Note.fault("duplicate_key", "Ereignis", Milestone.KURSANMELDUNG.label(),
                        "second Kursanmeldung of the same case in the same project (a corrected date); the first row is kept")));

        Case beforeStart = placement.near(BEFORE_START_PROJECT, LocalDate.of(2026, 9, 1));
        beforeStart.dates.remove(Milestone.KURSBEGINN);
        LocalDate wrongYear = nextCourseStart(beforeStart.arrival.minusYears(1).plusDays(30));
        extra.add(new Row(placement.index(BEFORE_START_PROJECT), wrongYear, beforeStart.number, Milestone.KURSBEGINN.ordinal(),
                List.of(beforeStart.id, BEFORE_START_PROJECT, Milestone.KURSBEGINN.label(), beforeStart.date(wrongYear)),
                Note.fault("event_before_start", "Datum", beforeStart.date(wrongYear),
                        "Kursbeginn before the case's Zuzug (year mistyped); the case stays, its Kursbeginn counts as not reached")));

        Case badDate = placement.near(BAD_DATE_PROJECT, LocalDate.of(2025, 9, 12));
        badDate.dates.remove(Milestone.ERSTBERATUNG);
        extra.add(new Row(placement.index(BAD_DATE_PROJECT), LocalDate.of(2025, 9, 30), badDate.number, Milestone.ERSTBERATUNG.ordinal(),
                List.of(badDate.id, BAD_DATE_PROJECT, Milestone.ERSTBERATUNG.label(), BAD_DATE),
                Note.fault("bad_date", "Datum", BAD_DATE, "impossible date (September has 30 days)")));

        Project missingIdProject = placement.projects.get(placement.index(MISSING_ID_PROJECT));
        LocalDate counselling = LocalDate.of(2026, 5, 12);
        extra.add(new Row(placement.index(MISSING_ID_PROJECT), counselling, Integer.MAX_VALUE, Milestone.ERSTBERATUNG.ordinal(),
                List.of("", MISSING_ID_PROJECT, Milestone.ERSTBERATUNG.label(), Dates.format(counselling, missingIdProject.dateStyle())),
                Note.fault("missing_value", "Fall-ID", "", "required Fall-ID empty")));
        return extra;
    }
}
