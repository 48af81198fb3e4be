package de.integrationsmonitor.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes participation/teilnahmen_YYYY-MM.csv, one row per event, for every month of the
 * {@link Timeline}: events of offers active in that month (by the offers history), events of the
 * KOMM-AN NRW programme without offer id, a few late deliveries dated in the previous month,
 * and one deliberate fault in several files.
 */
final class ParticipationGenerator {

    static final List<String> HEADER = List.of("Angebots-ID", "Datum", "Teilnehmende", "davon weiblich", "davon männlich",
            "davon divers", "davon neuzugewandert", "Programm", "Stadt");

    static final String PROGRAM = "KOMM-AN NRW";

    static final int OFFER_ID = 0;
    private static final int DATE = 1;
    static final int PARTICIPANTS = 2;
    private static final int FEMALE = 3;
    private static final int MALE = 4;
    private static final int DIVERSE = 5;
    private static final int NEWCOMERS = 6;
    private static final int PROGRAM_COLUMN = 7;
    private static final int CITY = 8;

    /** Relative number of events per calendar month: fewer in the summer holidays and December. */
    static final double[] SEASON = {0.95, 1.0, 1.05, 0.9, 1.0, 0.95, 0.75, 0.68, 0.95, 0.85, 1.05, 0.7};

    /** Month index (0 = first month) to number of late-delivered events dated in the previous month. */
    private static final Map<Integer, Integer> LATE_EVENTS = Map.of(2, 2, 6, 1, 10, 1);

    /** Files of the first three months use German dates (an older Excel template), the rest ISO. */
    static final int GERMAN_DATE_MONTHS = 3;

    /** Deliberate faults, one per listed month index. */
    enum Fault { UNKNOWN_OFFER, NOT_A_NUMBER, GENDER_EXCEEDS_TOTAL, NEGATIVE, IMPOSSIBLE_DATE, NO_OFFER_NO_PROGRAM, NEWCOMERS_EXCEED_TOTAL }

    private static final Map<Integer, Fault> FAULTS = Map.of(
            1, Fault.UNKNOWN_OFFER, 2, Fault.NOT_A_NUMBER, 3, Fault.GENDER_EXCEEDS_TOTAL, 4, Fault.NEGATIVE,
            5, Fault.IMPOSSIBLE_DATE, 6, Fault.NO_OFFER_NO_PROGRAM, 10, Fault.NEWCOMERS_EXCEED_TOTAL);

    /** Valid edge cases, one per listed month index. */
    enum EdgeCase { OFFER_FROM_LATER_SNAPSHOT, OFFER_FROM_EARLIER_SNAPSHOT, DECIMAL_COUNT, CITY_ALIAS }

    private static final Map<Integer, EdgeCase> EDGE_CASES = Map.of(
            3, EdgeCase.OFFER_FROM_LATER_SNAPSHOT, 5, EdgeCase.OFFER_FROM_EARLIER_SNAPSHOT, 7, EdgeCase.DECIMAL_COUNT, 9, EdgeCase.CITY_ALIAS);

    /** A row before it gets its line: the date and offer id it sorts by, the values and an optional note. */
    record EventRow(LocalDate date, String offerId, List<String> values, Note note) {

        EventRow withValue(int column, String value) {
            List<String> changed = new ArrayList<>(values);
            changed.set(column, value);
            return new EventRow(date, offerId, changed, note);
        }

        EventRow withNote(Note newNote) {
            return new EventRow(date, offerId, values, newNote);
        }
    }

    private final OfferHistory history;
    private final Geography geography;
    private final Scale scale;
    private final Timeline timeline;
    private final Rand rand;

    private ParticipationGenerator(OfferHistory history, Geography geography, Scale scale, Timeline timeline, Rand rand) {
        this.history = history;
        this.geography = geography;
        this.scale = scale;
        this.timeline = timeline;
        this.rand = rand;
    }

    static String path(YearMonth month) {
        return "participation/teilnahmen_" + month + ".csv";
    }

    static List<CsvFile> generate(OfferHistory history, Geography geography, Scale scale, Timeline timeline, long seed) {
        ParticipationGenerator generator = new ParticipationGenerator(history, geography, scale, timeline, new Rand(seed, "participation"));
        List<CsvFile> files = new ArrayList<>();
        List<YearMonth> months = timeline.months();
        for (int index = 0; index < months.size(); index++) {
            files.add(generator.monthFile(index, months.get(index)));
        }
        return files;
    }

    private CsvFile monthFile(int index, YearMonth month) {
        Dates.Style style = index < GERMAN_DATE_MONTHS ? Dates.Style.GERMAN : Dates.Style.ISO;
        List<EventRow> rows = new ArrayList<>();
        List<Offer> candidates = reportingOffers(month);
        double season = SEASON[month.getMonthValue() - 1];
        int offerEvents = (int) Math.round(scale.eventsPerMonth() * season * rand.uniform(0.95, 1.05));
        for (int i = 0; i < offerEvents; i++) {
            Offer offer = rand.pickWeighted(candidates, Offer::sessionsPerMonth);
            rows.add(offerEvent(offer, sessionDate(offer, month), style, null));
        }
        int programEvents = Math.max(1, (int) Math.round(scale.programEventsPerMonth() * season) + rand.between(-2, 2));
        for (int i = 0; i < programEvents; i++) {
            rows.add(programEvent(weekdayIn(month), rand.chance(0.3) ? Geography.KREIS_RECKLINGHAUSEN
                    : rand.pickWeighted(geography.cities(), City::population).name(), style, null));
        }
        addLateEvents(rows, index, month, style);
        addEdgeCase(rows, index, month, style, candidates);
        rows.sort(Comparator.comparing(EventRow::date).thenComparing(row -> row.offerId().isEmpty() ? "~" : row.offerId()));
        addFault(rows, index, month, style, candidates);
        CsvFile file = new CsvFile(path(month), HEADER);
        rows.forEach(row -> file.add(row.values(), row.note()));
        return file;
    }

    /** Offers in the month's snapshot that are active, report participation and are not fault rows. */
    private List<Offer> reportingOffers(YearMonth month) {
        int snapshot = timeline.snapshotIndexFor(month);
        if (snapshot < 0) {
            throw new IllegalStateException("no offers snapshot on or before " + month);
        }
        return history.snapshot(snapshot).stream()
                .filter(offer -> offer.activeIn(month) && offer.reportsParticipation() && !history.faultyIds().contains(offer.id()))
                .toList();
    }

    private EventRow offerEvent(Offer offer, LocalDate date, Dates.Style style, Note note) {
        return offerEvent(rand, offer, date, style, note);
    }

    /** One event of {@code offer}: participants around its typical number, within its places, with a gender breakdown. */
    static EventRow offerEvent(Rand rand, Offer offer, LocalDate date, Dates.Style style, Note note) {
        int participants = Math.max(3, Math.min(40, (int) Math.round(offer.typicalParticipants() * rand.uniform(0.6, 1.4))));
        if (offer.places() != null) {
            participants = Math.max(3, Math.min(participants, offer.places()));
        }
        List<String> values = new ArrayList<>();
        values.add(offer.id());
        values.add(Dates.format(date, style));
        values.add(Integer.toString(participants));
        values.addAll(breakdown(rand, offer, participants));
        values.add(rand.chance(0.03) ? PROGRAM : "");
        values.add(rand.chance(0.08) ? offer.city().name() : "");
        return new EventRow(date, offer.id(), values, note);
    }

    private EventRow programEvent(LocalDate date, String city, Dates.Style style, Note note) {
        return programEvent(rand, date, city, style, note);
    }

    /** One event of the KOMM-AN NRW programme without offer id, in {@code city} (a Gemeinde or a Kreis). */
    static EventRow programEvent(Rand rand, LocalDate date, String city, Dates.Style style, Note note) {
        int participants = rand.between(8, 30);
        List<String> values = new ArrayList<>();
        values.add("");
        values.add(Dates.format(date, style));
        values.add(Integer.toString(participants));
        if (rand.chance(0.5)) {
            int female = (int) Math.round(participants * rand.uniform(0.4, 0.8));
            values.addAll(List.of(Integer.toString(female), Integer.toString(participants - female), "0",
                    Integer.toString((int) Math.round(participants * rand.uniform(0.0, 0.3)))));
        } else {
            values.addAll(List.of("", "", "", ""));
        }
        values.add(PROGRAM);
        values.add(city);
        return new EventRow(date, "", values, note);
    }

    /** davon weiblich, männlich, divers, neuzugewandert: consistent with the total, sometimes not given. */
    private static List<String> breakdown(Rand rand, Offer offer, int participants) {
        double kind = rand.uniform(0, 1);
        if (kind < 0.12) {
            return List.of("", "", "", "");
        }
        int female;
        int diverse = 0;
        if (offer.onlyFor(Vocabulary.FEMALE)) {
            female = participants;
        } else if (offer.onlyFor(Vocabulary.MALE)) {
            female = 0;
        } else {
            female = (int) Math.round(participants * rand.uniform(0.35, 0.75));
            diverse = rand.chance(0.03) ? 1 : 0;
        }
        int male = Math.max(0, participants - female - diverse - (rand.chance(0.1) ? 1 : 0));
        boolean forNewcomers = offer.migration().contains(Vocabulary.NEWCOMERS);
        int newcomers = (int) Math.round(participants * (forNewcomers ? rand.uniform(0.5, 1.0) : rand.uniform(0.0, 0.35)));
        return List.of(Integer.toString(female), Integer.toString(male), Integer.toString(diverse),
                kind < 0.17 ? "" : Integer.toString(newcomers));
    }

    private LocalDate sessionDate(Offer offer, YearMonth month) {
        return sessionDate(offer, month.atDay(1), month.atEndOfMonth());
    }

    /**
     * A day from {@code from} to {@code to} within the offer's Beginn and Ende: on the offer's
     * weekday, or any working day for offers with many sessions.
     */
    private LocalDate sessionDate(Offer offer, LocalDate from, LocalDate to) {
        return sessionDate(rand, offer, from, to);
    }

    static LocalDate sessionDate(Rand rand, Offer offer, LocalDate from, LocalDate to) {
        LocalDate first = offer.begin() != null && offer.begin().isAfter(from) ? offer.begin() : from;
        LocalDate last = offer.end() != null && offer.end().isBefore(to) ? offer.end() : to;
        List<LocalDate> days = new ArrayList<>();
        List<LocalDate> anyDays = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            anyDays.add(day);
            boolean workingDay = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (offer.sessionsPerMonth() >= 6 ? workingDay : day.getDayOfWeek() == offer.weekday()) {
                days.add(day);
            }
        }
        if (anyDays.isEmpty()) {
            throw new IllegalStateException("offer " + offer.id() + " is not active between " + from + " and " + to);
        }
        return rand.pick(days.isEmpty() ? anyDays : days);
    }

    private LocalDate weekdayIn(YearMonth month) {
        return weekdayIn(rand, month);
    }

    /** A random working day (Monday to Friday) of {@code month}. */
    static LocalDate weekdayIn(Rand rand, YearMonth month) {
        LocalDate day;
        do {
            day = month.atDay(rand.between(1, month.lengthOfMonth()));
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        return day;
    }

    private void addLateEvents(List<EventRow> rows, int index, YearMonth month, Dates.Style style) {
        int count = LATE_EVENTS.getOrDefault(index, 0);
        if (count == 0) {
            return;
        }
        YearMonth previous = month.minusMonths(1);
        LocalDate lastWeekStart = previous.atEndOfMonth().minusDays(6);
        List<Offer> candidates = reportingOffers(previous).stream()
                .filter(offer -> offer.end() == null || !offer.end().isBefore(lastWeekStart)).toList();
        for (int i = 0; i < count; i++) {
            Offer offer = rand.pick(candidates);
            LocalDate date = sessionDate(offer, lastWeekStart, previous.atEndOfMonth());
            rows.add(offerEvent(offer, date, style, Note.edgeCase("Datum", Dates.format(date, style),
                    "late delivery: dated in " + previous + ", counts in " + previous + " although it is in the " + month + " file")));
        }
    }

    private void addEdgeCase(List<EventRow> rows, int index, YearMonth month, Dates.Style style, List<Offer> candidates) {
        EdgeCase edgeCase = EDGE_CASES.get(index);
        if (edgeCase == null) {
            return;
        }
        switch (edgeCase) {
            case OFFER_FROM_LATER_SNAPSHOT -> {
                Offer offer = rand.pick(offersOnlyIn(timeline.snapshotIndexFor(month) + 1, timeline.snapshotIndexFor(month)));
                rows.add(offerEvent(offer, weekdayIn(month), style, Note.edgeCase("Angebots-ID", offer.id(),
                        "offer first appears in a later snapshot; an offer id from any snapshot is valid")));
            }
            case OFFER_FROM_EARLIER_SNAPSHOT -> {
                Offer offer = rand.pick(offersOnlyIn(0, timeline.snapshotIndexFor(month)));
                rows.add(offerEvent(offer, weekdayIn(month), style, Note.edgeCase("Angebots-ID", offer.id(),
                        "offer was removed from the catalogue before this month; an offer id from any snapshot is valid")));
            }
            case DECIMAL_COUNT -> {
                Offer offer = rand.pick(candidates);
                EventRow row = withoutBreakdown(offerEvent(offer, sessionDate(offer, month), style, null));
                rows.add(row.withValue(PARTICIPANTS, "12,0")
                        .withNote(Note.edgeCase("Teilnehmende", "12,0", "decimal comma in a count is accepted as the number 12")));
            }
            case CITY_ALIAS -> rows.add(programEvent(weekdayIn(month), "Haltern", style,
                    Note.edgeCase("Stadt", "Haltern", "configured alias of Haltern am See")));
        }
    }

    /** Offers (not fault rows) that are in snapshot {@code present} but not in snapshot {@code absent}. */
    private List<Offer> offersOnlyIn(int present, int absent) {
        Set<String> absentIds = new HashSet<>();
        history.snapshot(absent).forEach(offer -> absentIds.add(offer.id()));
        List<Offer> offers = history.snapshot(present).stream()
                .filter(offer -> !absentIds.contains(offer.id()) && !history.faultyIds().contains(offer.id())).toList();
        if (offers.isEmpty()) {
            throw new IllegalStateException("no offer is in snapshot " + present + " but not in snapshot " + absent);
        }
        return offers;
    }

    /** Inserts this month's deliberate fault at a random place among the sorted rows. */
    private void addFault(List<EventRow> rows, int index, YearMonth month, Dates.Style style, List<Offer> candidates) {
        Fault fault = FAULTS.get(index);
        if (fault == null) {
            return;
        }
        Offer offer = rand.pick(candidates);
        EventRow base = offerEvent(offer, sessionDate(offer, month), style, null);
        rows.add(rand.between(0, rows.size()), faultRow(fault, base, month, "RE-999999"));
    }

    /** {@code base} turned into the deliberate fault {@code fault}; {@code unknownOfferId} is an id in no snapshot. */
    static EventRow faultRow(Fault fault, EventRow base, YearMonth month, String unknownOfferId) {
        return switch (fault) {
            case UNKNOWN_OFFER -> base.withValue(OFFER_ID, unknownOfferId)
                    .withNote(Note.fault("unknown_offer", "Angebots-ID", unknownOfferId, "offer id in no offers snapshot"));
            case NOT_A_NUMBER -> withoutBreakdown(base).withValue(PARTICIPANTS, "zwölf")
                    .withNote(Note.fault("bad_number", "Teilnehmende", "zwölf", "count written as a word"));
            case GENDER_EXCEEDS_TOTAL -> base.withValue(PARTICIPANTS, "15").withValue(FEMALE, "10").withValue(MALE, "8")
                    .withValue(DIVERSE, "0").withValue(NEWCOMERS, "4")
                    .withNote(Note.fault("davon_exceeds_total", "davon weiblich", "10", "10 weiblich + 8 männlich exceed 15 Teilnehmende"));
            case NEGATIVE -> withoutBreakdown(base).withValue(PARTICIPANTS, "-4")
                    .withNote(Note.fault("negative_count", "Teilnehmende", "-4", "negative count"));
            case IMPOSSIBLE_DATE -> base.withValue(DATE, "31.04." + month.getYear())
                    .withNote(Note.fault("bad_date", "Datum", "31.04." + month.getYear(), "impossible date (April has 30 days)"));
            case NO_OFFER_NO_PROGRAM -> base.withValue(OFFER_ID, "").withValue(PROGRAM_COLUMN, "").withValue(CITY, "")
                    .withNote(Note.fault("missing_program_or_city", "Angebots-ID", "", "event with neither offer id nor Programm and Stadt"));
            case NEWCOMERS_EXCEED_TOTAL -> withoutBreakdown(base).withValue(PARTICIPANTS, "9").withValue(NEWCOMERS, "11")
                    .withNote(Note.fault("davon_exceeds_total", "davon neuzugewandert", "11", "11 neuzugewandert exceed 9 Teilnehmende"));
        };
    }

    static EventRow withoutBreakdown(EventRow row) {
        return row.withValue(FEMALE, "").withValue(MALE, "").withValue(DIVERSE, "").withValue(NEWCOMERS, "");
    }
}
