package de.integrationsmonitor.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Simulates the offers database from snapshot to snapshot: a first catalogue roughly
 * proportional to population, then at every later snapshot some offers disappear, some change
 * attributes and new ones are added, so the latest snapshot holds {@link Scale#offersLatestSnapshot()} offers.
 * The sample keeps its whole history ({@link #generate}); the larger scales step from one
 * snapshot to the next ({@link #stepwise}) and hold only the current one.
 */
final class OfferGenerator {

    private static final String SAMPLE_ID_PREFIX = "RE-";
    private static final int SAMPLE_ID_DIGITS = 6;
    /** Offer ids of the larger scales: {@code ANG-} and seven digits. */
    static final String SCALED_ID_PREFIX = "ANG-";
    private static final int SCALED_ID_DIGITS = 7;
    private static final int FIRST_ID_NUMBER = 101;
    /** Offers spelled "Castrup-Rauxel" as in the real export's city list (a configured alias). */
    static final String CASTROP_RAUXEL_MISSPELLING = "Castrup-Rauxel";
    static final int MISSPELLED_OFFERS = 2;

    /** Chooses the Gemeinde of a new offer, in proportion to population. */
    interface CityChooser {
        City choose(Rand rand);
    }

    private final List<City> cities;
    private final CityChooser newOfferCity;
    private final Scale scale;
    private final Rand rand;
    private final String idPrefix;
    private final int idDigits;
    private final boolean relativeDates;
    private int nextIdNumber = FIRST_ID_NUMBER;

    private OfferGenerator(List<City> cities, CityChooser newOfferCity, Scale scale, Rand rand, String idPrefix, int idDigits,
            boolean relativeDates) {
        this.cities = cities;
        this.newOfferCity = newOfferCity;
        this.scale = scale;
        this.rand = rand;
        this.idPrefix = idPrefix;
        this.idDigits = idDigits;
        this.relativeDates = relativeDates;
    }

    /** The whole offers history of the sample (all snapshots in memory; the sample is small). */
    static OfferHistory generate(Geography geography, Scale scale, Timeline timeline, long seed) {
        List<City> cities = geography.cities();
        OfferGenerator generator = new OfferGenerator(cities, rand -> rand.pickWeighted(cities, City::population), scale,
                new Rand(seed, "offers"), SAMPLE_ID_PREFIX, SAMPLE_ID_DIGITS, false);
        return generator.simulate(timeline);
    }

    /**
     * A generator for the larger scales, one snapshot at a time: ids {@code ANG-0000101},
     * planned dates relative to the snapshot date, new offers placed with {@code newOfferCity}.
     */
    static OfferGenerator stepwise(Geography geography, CityChooser newOfferCity, Scale scale, long seed) {
        return new OfferGenerator(geography.cities(), newOfferCity, scale, new Rand(seed, "offers"), SCALED_ID_PREFIX,
                SCALED_ID_DIGITS, true);
    }

    private OfferHistory simulate(Timeline timeline) {
        List<LocalDate> dates = timeline.snapshotDates();
        List<List<Offer>> snapshots = new ArrayList<>();
        List<Offer> current = firstCatalogue(dates.get(0));
        snapshots.add(current);
        for (int index = 1; index < dates.size(); index++) {
            current = evolve(current, dates.get(index), targetSize(index, dates.size()));
            snapshots.add(current);
        }
        return new OfferHistory(dates, misspellCastropRauxel(snapshots), Set.of());
    }

    /** The first snapshot: {@link Scale#offersFirstSnapshot()} offers, spread over the Gemeinden by population. */
    List<Offer> firstCatalogue(LocalDate date) {
        List<Offer> offers = new ArrayList<>();
        for (City city : rand.shuffled(proportionalCities(scale.offersFirstSnapshot()))) {
            offers.add(newOffer(city, date, true));
        }
        return offers;
    }

    /** Offers in snapshot {@code index} of {@code snapshotCount}: growing linearly from the first to the latest size. */
    int targetSize(int index, int snapshotCount) {
        int first = scale.offersFirstSnapshot();
        int last = scale.offersLatestSnapshot();
        return first + Math.round((last - first) * (float) index / (snapshotCount - 1));
    }

    /**
     * The next snapshot: expired offers mostly removed, a few random removals, changes and
     * additions (appended at the end, with ids above every earlier id).
     */
    List<Offer> evolve(List<Offer> previous, LocalDate date, int targetSize) {
        int toRemove = Math.round(previous.size() * scale.offersRemovedPerMille() / 1000f);
        Set<String> removed = new HashSet<>();
        for (Offer offer : previous) {
            if (offer.end() != null && offer.end().isBefore(date) && rand.chance(0.6)) {
                removed.add(offer.id());
            }
        }
        for (Offer offer : rand.shuffled(previous)) {
            if (removed.size() >= toRemove) {
                break;
            }
            removed.add(offer.id());
        }
        List<Offer> next = new ArrayList<>();
        for (Offer offer : previous) {
            if (!removed.contains(offer.id())) {
                next.add(rand.chance(scale.offersChangedPerMille() / 1000.0) ? change(offer, date) : offer);
            }
        }
        while (next.size() < targetSize) {
            next.add(newOffer(newOfferCity.choose(rand), date, false));
        }
        return next;
    }

    private Offer change(Offer offer, LocalDate date) {
        return switch (rand.between(0, 4)) {
            case 0 -> offer.withPlaces(offer.places() == null ? Integer.valueOf(12) : Integer.valueOf(offer.places() + rand.between(2, 6)));
            case 1 -> offer.end() == null ? offer.withEnd(date.plusDays(rand.between(20, 100))) : offer.withPlaces(null);
            case 2 -> addLanguage(offer);
            case 3 -> offer.withVenue(offer.venue(), People.address(offer.city(), rand));
            default -> {
                People.Contact contact = People.contact(offer.city(), rand);
                yield offer.withContact(contact.name(), contact.phone(), contact.email());
            }
        };
    }

    private Offer addLanguage(Offer offer) {
        List<String> languages = new ArrayList<>(offer.languages());
        String extra = rand.pickWeighted(Vocabulary.OFFER_LANGUAGES, Vocabulary.OFFER_LANGUAGE_WEIGHTS::get);
        if (!containsIgnoringCase(languages, extra)) {
            languages.add(extra);
        }
        return offer.withLanguages(languages);
    }

    /** {@code count} cities, each repeated in proportion to its population (largest remainder method). */
    private List<City> proportionalCities(int count) {
        long total = cities.stream().mapToLong(City::population).sum();
        List<City> repeated = new ArrayList<>();
        List<City> byRemainder = new ArrayList<>(cities);
        for (City city : cities) {
            long share = count * city.population() / total;
            for (long i = 0; i < share; i++) {
                repeated.add(city);
            }
        }
        byRemainder.sort(Comparator.comparingLong((City city) -> count * city.population() % total).reversed()
                .thenComparing(City::id));
        for (int i = 0; repeated.size() < count; i++) {
            repeated.add(byRemainder.get(i));
        }
        return repeated;
    }

    private Offer newOffer(City city, LocalDate snapshotDate, boolean firstCatalogue) {
        OfferTemplate template = rand.pickWeighted(OfferTemplate.ALL, OfferTemplate::weight);
        String district = rand.chance(0.6) ? rand.pick(city.districts()) : "";
        Providers.Placement placement = Providers.place(rand.pick(template.providers()), city, district, rand);
        People.Contact contact = People.contact(city, rand);
        LocalDate[] period = template.course() ? coursePeriod(snapshotDate, firstCatalogue) : ongoingPeriod(snapshotDate, firstCatalogue);
        return new Offer(
                nextId(), city, city.name(), district, name(template, district),
                categories(template), languages(template), genders(template.genders()), migration(template.migration()),
                ageGroups(template.ageCodes()), placement.provider(), placement.venue(), People.address(city, rand),
                contact.name(), contact.phone(), contact.email(),
                rand.chance(0.5) ? "https://www.example.org/" + People.slug(placement.provider()) : "",
                places(template), period[0], period[1], listStyle(), rand.chance(0.6) ? Dates.Style.ISO : Dates.Style.GERMAN,
                rand.chance(scale.reportingPercent() / 100.0) ? Math.max(1, template.sessionsPerMonth() + rand.between(-1, 1)) : 0,
                weekday(template), Math.max(3, template.typicalParticipants() + rand.between(-3, 3)));
    }

    private String nextId() {
        String digits = Integer.toString(nextIdNumber);
        nextIdNumber += rand.between(1, 3);
        return idPrefix + "0".repeat(Math.max(0, idDigits - digits.length())) + digits;
    }

    private String name(OfferTemplate template, String district) {
        if (!district.isEmpty() && rand.chance(0.2)) {
            return template.name() + " " + district;
        }
        return template.name();
    }

    private List<String> categories(OfferTemplate template) {
        return template.categories().size() > 1 && rand.chance(0.2) ? template.categories().subList(0, 1) : template.categories();
    }

    private List<String> languages(OfferTemplate template) {
        List<String> languages = new ArrayList<>();
        if (template.multilingual()) {
            languages.add(rand.chance(0.03) ? "Deutsch" : Vocabulary.GERMAN);
            int extra = rand.between(1, 3);
            while (languages.size() <= extra) {
                String language = rand.pickWeighted(Vocabulary.OFFER_LANGUAGES, Vocabulary.OFFER_LANGUAGE_WEIGHTS::get);
                if (!containsIgnoringCase(languages, language)) {
                    languages.add(rand.chance(0.03) ? capitalised(language) : language);
                }
            }
            return languages;
        }
        double kind = rand.uniform(0, 1);
        if (kind < 0.07) {
            return languages;
        }
        languages.add(kind < 0.15 ? Vocabulary.LANGUAGE_NOT_SET : Vocabulary.GERMAN);
        return languages;
    }

    private static boolean containsIgnoringCase(List<String> labels, String label) {
        return labels.stream().anyMatch(existing -> existing.equalsIgnoreCase(label));
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private List<String> genders(String spec) {
        return switch (spec) {
            case "mw" -> rand.chance(0.1) ? List.of(Vocabulary.MALE, Vocabulary.FEMALE, Vocabulary.DIVERSE) : List.of(Vocabulary.MALE, Vocabulary.FEMALE);
            case "w" -> List.of(Vocabulary.FEMALE);
            case "m" -> List.of(Vocabulary.MALE);
            default -> List.of();
        };
    }

    private List<String> migration(String spec) {
        return switch (spec) {
            case "mh" -> List.of(Vocabulary.MIGRATION_BACKGROUND);
            case "neu" -> List.of(Vocabulary.NEWCOMERS);
            case "mh+neu" -> rand.chance(0.15)
                    ? List.of(Vocabulary.MIGRATION_BACKGROUND, Vocabulary.NEWCOMERS, Vocabulary.MIGRATION_OPEN)
                    : List.of(Vocabulary.MIGRATION_BACKGROUND, Vocabulary.NEWCOMERS);
            default -> rand.chance(0.75) ? List.of(Vocabulary.MIGRATION_OPEN) : List.of();
        };
    }

    private List<String> ageGroups(List<String> codes) {
        if (codes.equals(List.of("open"))) {
            return rand.chance(0.75) ? List.of(Vocabulary.AGE_OPEN) : List.of();
        }
        return codes.stream().map(Vocabulary::ageLabel).toList();
    }

    private Integer places(OfferTemplate template) {
        if (template.course()) {
            return rand.chance(0.95) ? Integer.valueOf(rand.between(10, 20)) : null;
        }
        if (template.categories().get(0).equals(Vocabulary.CATEGORY_COUNSELLING)) {
            return null;
        }
        return rand.chance(0.55) ? Integer.valueOf(rand.between(8, 30)) : null;
    }

    /** A course starts around the snapshot date and runs three to ten months. */
    private LocalDate[] coursePeriod(LocalDate snapshotDate, boolean firstCatalogue) {
        LocalDate begin = firstCatalogue ? snapshotDate.minusDays(rand.between(0, 150)) : snapshotDate.plusDays(rand.between(-10, 50));
        LocalDate end = begin.plusMonths(rand.between(3, 10));
        return new LocalDate[] {begin, end.withDayOfMonth(end.lengthOfMonth())};
    }

    /** An ongoing offer: mostly without dates, sometimes a start in the past or a planned end. */
    private LocalDate[] ongoingPeriod(LocalDate snapshotDate, boolean firstCatalogue) {
        double kind = rand.uniform(0, 1);
        int lastYear = relativeDates ? snapshotDate.getYear() : 2025;
        LocalDate pastBegin = LocalDate.of(rand.between(lastYear - 9, lastYear), rand.between(1, 12), 1);
        if (!firstCatalogue && kind < 0.4) {
            return new LocalDate[] {snapshotDate.plusDays(rand.between(0, 30)), null};
        }
        if (kind < 0.62) {
            return new LocalDate[] {null, null};
        }
        if (kind < 0.84 && pastBegin.isBefore(snapshotDate)) {
            return new LocalDate[] {pastBegin, null};
        }
        LocalDate plannedEnd = rand.pick(plannedEnds(snapshotDate));
        LocalDate oldBegin = relativeDates ? LocalDate.of(snapshotDate.getYear() - 2, 1, 1) : LocalDate.of(2024, 1, 1);
        return new LocalDate[] {kind < 0.95 ? null : oldBegin, plannedEnd};
    }

    /** Planned ends of ongoing offers: fixed dates in the sample, month ends 5 to 20 months after the snapshot otherwise. */
    private List<LocalDate> plannedEnds(LocalDate snapshotDate) {
        if (!relativeDates) {
            return List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 6, 30));
        }
        YearMonth month = YearMonth.from(snapshotDate);
        return List.of(month.plusMonths(5).atEndOfMonth(), month.plusMonths(8).atEndOfMonth(), month.plusMonths(14).atEndOfMonth(),
                month.plusMonths(20).atEndOfMonth());
    }

    private Offer.ListStyle listStyle() {
        double kind = rand.uniform(0, 1);
        return kind < 0.88 ? Offer.ListStyle.SPACED : kind < 0.96 ? Offer.ListStyle.COMPACT : Offer.ListStyle.TRAILING_EMPTY;
    }

    private DayOfWeek weekday(OfferTemplate template) {
        if (template.categories().contains(Vocabulary.CATEGORY_SPORT) && rand.chance(0.25)) {
            return DayOfWeek.SATURDAY;
        }
        return DayOfWeek.of(rand.between(1, 5));
    }

    /** Writes the city of a few long-standing Castrop-Rauxel offers as "Castrup-Rauxel" in every snapshot. */
    private List<List<Offer>> misspellCastropRauxel(List<List<Offer>> snapshots) {
        Set<String> inFirst = new HashSet<>();
        snapshots.get(0).forEach(offer -> inFirst.add(offer.id()));
        List<String> candidates = snapshots.get(snapshots.size() - 1).stream()
                .filter(offer -> offer.city().name().equals("Castrop-Rauxel") && inFirst.contains(offer.id()))
                .map(Offer::id).toList();
        Set<String> misspelled = new HashSet<>(rand.sample(candidates, MISSPELLED_OFFERS));
        return snapshots.stream()
                .map(snapshot -> snapshot.stream()
                        .map(offer -> misspelled.contains(offer.id()) ? offer.withCitySpelling(CASTROP_RAUXEL_MISSPELLING) : offer)
                        .toList())
                .toList();
    }
}
