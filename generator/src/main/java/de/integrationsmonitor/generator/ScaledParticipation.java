package de.integrationsmonitor.generator;

import de.integrationsmonitor.generator.ParticipationGenerator.EdgeCase;
import de.integrationsmonitor.generator.ParticipationGenerator.EventRow;
import de.integrationsmonitor.generator.ParticipationGenerator.Fault;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the participation file of one month for the larger scales, row by row, without holding
 * the month's rows: day by day, the day's special rows first, then the events of every reporting
 * offer in id order, then the programme events without offer id. Each offer has sessions on its
 * weekday (or on working days when it meets six or more times a month); the expected number of
 * events of an offer is its sessions per month times a factor that brings the month to
 * {@link Scale#eventsPerMonth()} (seasonally adjusted). Each month has its own random stream, so
 * any month can be written without the others.
 *
 * <p>Besides the valid rows: late deliveries dated in the previous month (every fourth month),
 * one valid edge case in some months (repeating yearly) and one deliberate fault in every month
 * from the second on, cycling through the fault kinds of the sample.
 */
final class ScaledParticipation {

    /** An offer id that is in no snapshot. */
    static final String UNKNOWN_OFFER_ID = OfferGenerator.SCALED_ID_PREFIX + "9999999";

    private static final int WORKING_DAYS = 0;

    private final Scale scale;
    private final long seed;
    private final CumulativeWeights<City> cities;
    private final List<String> landkreise;

    ScaledParticipation(Geography geography, Scale scale, long seed) {
        this.scale = scale;
        this.seed = seed;
        this.cities = new CumulativeWeights<>(geography.cities(), City::population);
        this.landkreise = geography.landkreisNames();
    }

    static String path(YearMonth month) {
        return ParticipationGenerator.path(month);
    }

    /** Writes month {@code index} (0 = first month), whose offers state is {@code offers.current()}. */
    void writeMonth(CsvSink sink, int index, YearMonth month, OfferStream offers) {
        Rand rand = new Rand(seed, "participation-" + month);
        Dates.Style style = index < ParticipationGenerator.GERMAN_DATE_MONTHS ? Dates.Style.GERMAN : Dates.Style.ISO;
        List<Offer> candidates = reporting(offers.current(), month, offers);
        int days = month.lengthOfMonth();
        double season = ParticipationGenerator.SEASON[month.getMonthValue() - 1];
        int target = (int) Math.round(scale.eventsPerMonth() * season * rand.uniform(0.95, 1.05));
        Schedule schedule = new Schedule(candidates, month, target);

        int[] programEventsPerDay = new int[days + 1];
        int programEvents = Math.max(1, (int) Math.round(scale.programEventsPerMonth() * season) + rand.between(-2, 2));
        for (int i = 0; i < programEvents; i++) {
            programEventsPerDay[ParticipationGenerator.weekdayIn(rand, month).getDayOfMonth()]++;
        }
        List<List<EventRow>> specialRows = new ArrayList<>();
        for (int day = 0; day <= days; day++) {
            specialRows.add(new ArrayList<>());
        }
        List<EventRow> lateRows = lateEvents(rand, index, month, offers, style);
        EventRow edgeCase = edgeCase(rand, index, month, offers, candidates, style);
        if (edgeCase != null) {
            specialRows.get(edgeCase.date().getDayOfMonth()).add(edgeCase);
        }
        if (index > 0 && !candidates.isEmpty()) {
            Fault fault = Fault.values()[(index - 1) % Fault.values().length];
            Offer offer = rand.pick(candidates);
            LocalDate date = ParticipationGenerator.sessionDate(rand, offer, month.atDay(1), month.atEndOfMonth());
            EventRow base = ParticipationGenerator.offerEvent(rand, offer, date, style, null);
            specialRows.get(date.getDayOfMonth()).add(ParticipationGenerator.faultRow(fault, base, month, UNKNOWN_OFFER_ID));
        }

        lateRows.forEach(row -> sink.add(row.values(), row.note()));
        for (int day = 1; day <= days; day++) {
            LocalDate date = month.atDay(day);
            specialRows.get(day).forEach(row -> sink.add(row.values(), row.note()));
            int weekday = date.getDayOfWeek().getValue();
            for (int o = 0; o < candidates.size(); o++) {
                int events = schedule.eventsOn(o, day, weekday, rand);
                for (int e = 0; e < events; e++) {
                    sink.add(ParticipationGenerator.offerEvent(rand, candidates.get(o), date, style, null).values());
                }
            }
            for (int i = 0; i < programEventsPerDay[day]; i++) {
                String city = rand.chance(0.3) ? rand.pick(landkreise) : cities.pick(rand).name();
                sink.add(ParticipationGenerator.programEvent(rand, date, city, style, null).values());
            }
        }
    }

    /** Offers of the snapshot that are active in {@code month}, report participation and are never written as faults, by id. */
    private static List<Offer> reporting(OfferStream.Snapshot snapshot, YearMonth month, OfferStream offers) {
        List<Offer> reporting = new ArrayList<>();
        for (Offer offer : snapshot.offers()) {
            if (offer.activeIn(month) && offer.reportsParticipation() && !offers.isFaulty(offer.id())) {
                reporting.add(offer);
            }
        }
        reporting.sort(Comparator.comparing(Offer::id));
        return reporting;
    }

    /** Every fourth month one or two events of the previous month's last week arrive late; they come first (oldest dates). */
    private static List<EventRow> lateEvents(Rand rand, int index, YearMonth month, OfferStream offers, Dates.Style style) {
        if (index % 4 != 2 || offers.previous() == null) {
            return List.of();
        }
        YearMonth previous = month.minusMonths(1);
        LocalDate lastWeekStart = previous.atEndOfMonth().minusDays(6);
        List<Offer> candidates = reporting(offers.previous(), previous, offers).stream()
                .filter(offer -> offer.end() == null || !offer.end().isBefore(lastWeekStart))
                .filter(offer -> offer.begin() == null || !offer.begin().isAfter(previous.atEndOfMonth()))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<EventRow> rows = new ArrayList<>();
        int count = index % 8 == 2 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            Offer offer = rand.pick(candidates);
            LocalDate date = ParticipationGenerator.sessionDate(rand, offer, lastWeekStart, previous.atEndOfMonth());
            rows.add(ParticipationGenerator.offerEvent(rand, offer, date, style, Note.edgeCase("Datum", Dates.format(date, style),
                    "late delivery: dated in " + previous + ", counts in " + previous + " although it is in the " + month + " file")));
        }
        rows.sort(Comparator.comparing(EventRow::date));
        return rows;
    }

    /** The valid edge case of the month, repeating every twelve months as in the sample's first year, or null. */
    private static EventRow edgeCase(Rand rand, int index, YearMonth month, OfferStream offers, List<Offer> candidates,
            Dates.Style style) {
        EdgeCase edgeCase = switch (index % 12) {
            case 3 -> EdgeCase.OFFER_FROM_LATER_SNAPSHOT;
            case 5 -> EdgeCase.OFFER_FROM_EARLIER_SNAPSHOT;
            case 7 -> EdgeCase.DECIMAL_COUNT;
            case 9 -> EdgeCase.CITY_ALIAS;
            default -> null;
        };
        if (edgeCase == null) {
            return null;
        }
        return switch (edgeCase) {
            case OFFER_FROM_LATER_SNAPSHOT -> {
                List<Offer> later = offers.next() == null ? List.of()
                        : offers.next().added().stream().filter(offer -> !offers.isFaulty(offer.id())).toList();
                if (later.isEmpty()) {
                    yield null;
                }
                Offer offer = rand.pick(later);
                yield ParticipationGenerator.offerEvent(rand, offer, ParticipationGenerator.weekdayIn(rand, month), style,
                        Note.edgeCase("Angebots-ID", offer.id(), "offer first appears in a later snapshot; an offer id from any snapshot is valid"));
            }
            case OFFER_FROM_EARLIER_SNAPSHOT -> {
                List<Offer> removed = offers.current().removed().stream().filter(offer -> !offers.isFaulty(offer.id())).toList();
                if (removed.isEmpty()) {
                    yield null;
                }
                Offer offer = rand.pick(removed);
                yield ParticipationGenerator.offerEvent(rand, offer, ParticipationGenerator.weekdayIn(rand, month), style,
                        Note.edgeCase("Angebots-ID", offer.id(),
                                "offer was removed from the catalogue before this month; an offer id from any snapshot is valid"));
            }
            case DECIMAL_COUNT -> {
                if (candidates.isEmpty()) {
                    yield null;
                }
                Offer offer = rand.pick(candidates);
                LocalDate date = ParticipationGenerator.sessionDate(rand, offer, month.atDay(1), month.atEndOfMonth());
                EventRow row = ParticipationGenerator.withoutBreakdown(ParticipationGenerator.offerEvent(rand, offer, date, style, null));
                yield row.withValue(ParticipationGenerator.PARTICIPANTS, "12,0")
                        .withNote(Note.edgeCase("Teilnehmende", "12,0", "decimal comma in a count is accepted as the number 12"));
            }
            case CITY_ALIAS -> ParticipationGenerator.programEvent(rand, ParticipationGenerator.weekdayIn(rand, month), "Haltern", style,
                    Note.edgeCase("Stadt", "Haltern", "configured alias of Haltern am See"));
        };
    }

    /**
     * When each reporting offer meets in the month: the days it can meet (its weekday, or every
     * working day for six or more sessions a month, within Beginn and Ende) and the expected
     * events per such day.
     */
    private static final class Schedule {

        private final int[] firstDay;
        private final int[] lastDay;
        private final int[] weekday;
        private final double[] eventsPerDay;

        Schedule(List<Offer> offers, YearMonth month, int targetEvents) {
            int count = offers.size();
            firstDay = new int[count];
            lastDay = new int[count];
            weekday = new int[count];
            eventsPerDay = new double[count];
            int[] meetingDays = new int[count];
            int firstWeekday = month.atDay(1).getDayOfWeek().getValue();
            long sessions = 0;
            for (int o = 0; o < count; o++) {
                Offer offer = offers.get(o);
                firstDay[o] = offer.begin() != null && offer.begin().isAfter(month.atDay(1)) ? offer.begin().getDayOfMonth() : 1;
                lastDay[o] = offer.end() != null && offer.end().isBefore(month.atEndOfMonth()) ? offer.end().getDayOfMonth()
                        : month.lengthOfMonth();
                weekday[o] = offer.sessionsPerMonth() >= 6 ? WORKING_DAYS : offer.weekday().getValue();
                for (int day = firstDay[o]; day <= lastDay[o]; day++) {
                    if (meets(o, (firstWeekday + day - 2) % 7 + 1)) {
                        meetingDays[o]++;
                    }
                }
                if (meetingDays[o] > 0) {
                    sessions += offer.sessionsPerMonth();
                }
            }
            double factor = sessions == 0 ? 0 : (double) targetEvents / sessions;
            for (int o = 0; o < count; o++) {
                eventsPerDay[o] = meetingDays[o] == 0 ? 0 : offers.get(o).sessionsPerMonth() * factor / meetingDays[o];
            }
        }

        private boolean meets(int offer, int dayOfWeek) {
            return weekday[offer] == WORKING_DAYS ? dayOfWeek <= DayOfWeek.FRIDAY.getValue() : dayOfWeek == weekday[offer];
        }

        /** How many events offer {@code o} has on {@code day}: the whole part of its expected number plus one by chance. */
        int eventsOn(int o, int day, int dayOfWeek, Rand rand) {
            if (day < firstDay[o] || day > lastDay[o] || eventsPerDay[o] == 0 || !meets(o, dayOfWeek)) {
                return 0;
            }
            double expected = eventsPerDay[o];
            int whole = (int) expected;
            double fraction = expected - whole;
            return whole + (fraction > 0 && rand.chance(fraction) ? 1 : 0);
        }
    }
}
