package de.integrationsmonitor.pipelines.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Simulates the offers database from snapshot to snapshot: a first catalogue roughly
 * proportional to population, then at every later snapshot some offers disappear, some change
 * attributes and new ones are added, so the latest snapshot holds {@link Scale#offersLatestSnapshot()} offers.
 */
final class OfferGenerator {

    private static final String ID_PREFIX = "RE-";
    private static final int FIRST_ID_NUMBER = 101;
    /** Offers spelled "Castrup-Rauxel" as in the real export's city list (a configured alias). */
    static final String CASTROP_RAUXEL_MISSPELLING = "Castrup-Rauxel";
    private static final int MISSPELLED_OFFERS = 2;

    private final Geography geography;
    private final Scale scale;
    private final Timeline timeline;
    private final Rand rand;
    private int nextIdNumber = FIRST_ID_NUMBER;

    private OfferGenerator(Geography geography, Scale scale, Timeline timeline, Rand rand) {
        this.geography = geography;
        this.scale = scale;
        this.timeline = timeline;
        this.rand = rand;
    }

    static OfferHistory generate(Geography geography, Scale scale, Timeline timeline, long seed) {
        return new OfferGenerator(geography, scale, timeline, new Rand(seed, "offers")).simulate();
    }

    private OfferHistory simulate() {
        List<LocalDate> dates = timeline.snapshotDates();
        List<List<Offer>> snapshots = new ArrayList<>();
        List<Offer> current = new ArrayList<>();
        for (City city : rand.shuffled(proportionalCities(scale.offersFirstSnapshot()))) {
            current.add(newOffer(city, dates.get(0), true));
        }
        snapshots.add(current);
        for (int index = 1; index < dates.size(); index++) {
            current = evolve(current, dates.get(index), targetSize(index, dates.size()));
            snapshots.add(current);
        }
        return new OfferHistory(dates, misspellCastropRauxel(snapshots), Set.of());
    }

    private int targetSize(int index, int snapshotCount) {
        int first = scale.offersFirstSnapshot();
        int last = scale.offersLatestSnapshot();
        return first + Math.round((last - first) * (float) index / (snapshotCount - 1));
    }

    /** The next snapshot: expired offers mostly removed, a few random removals, changes and additions. */
    private List<Offer> evolve(List<Offer> previous, LocalDate date, int targetSize) {
        int toRemove = Math.round(previous.size() * scale.offersRemovedPercent() / 100f);
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
                next.add(rand.chance(scale.offersChangedPercent() / 100.0) ? change(offer, date) : offer);
            }
        }
        while (next.size() < targetSize) {
            next.add(newOffer(rand.pickWeighted(geography.cities(), City::population), date, false));
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
        long total = geography.cities().stream().mapToLong(City::population).sum();
        List<City> cities = new ArrayList<>();
        List<City> byRemainder = new ArrayList<>(geography.cities());
        for (City city : geography.cities()) {
            long share = count * city.population() / total;
            for (long i = 0; i < share; i++) {
                cities.add(city);
            }
        }
        byRemainder.sort(Comparator.comparingLong((City city) -> count * city.population() % total).reversed()
                .thenComparing(City::id));
        for (int i = 0; cities.size() < count; i++) {
            cities.add(byRemainder.get(i));
        }
        return cities;
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
        return ID_PREFIX + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
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
        LocalDate pastBegin = LocalDate.of(rand.between(2016, 2025), rand.between(1, 12), 1);
        if (!firstCatalogue && kind < 0.4) {
            return new LocalDate[] {snapshotDate.plusDays(rand.between(0, 30)), null};
        }
        if (kind < 0.62) {
            return new LocalDate[] {null, null};
        }
        if (kind < 0.84 && pastBegin.isBefore(snapshotDate)) {
            return new LocalDate[] {pastBegin, null};
        }
        LocalDate plannedEnd = rand.pick(List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 6, 30)));
        return new LocalDate[] {kind < 0.95 ? null : LocalDate.of(2024, 1, 1), plannedEnd};
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
