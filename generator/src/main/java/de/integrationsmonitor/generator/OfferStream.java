package de.integrationsmonitor.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offers database of the larger scales, one monthly snapshot at a time: only the previous,
 * current and next snapshot are held (the next one so that a participation file can refer to an
 * offer that first appears in a later snapshot). Unchanged offers are the same objects in all
 * three, so memory is about one snapshot. Every twelfth snapshot, counting back from the latest,
 * carries deliberate faults ({@link OfferFaultPlan}); the offers written as faults never get
 * participation rows.
 */
final class OfferStream {

    /** One snapshot with the offers that are new in it and those that disappeared with it. */
    record Snapshot(int index, LocalDate date, List<Offer> offers, List<Offer> added, List<Offer> removed, OfferFaultPlan faults) {}

    static final int FAULT_SNAPSHOT_INTERVAL = 12;

    private final OfferGenerator generator;
    private final List<LocalDate> dates;
    private final long seed;
    private final Set<String> faultyIds = new HashSet<>();
    private Snapshot previous;
    private Snapshot current;
    private Snapshot next;

    OfferStream(Geography geography, Scale scale, Timeline timeline, long seed) {
        CumulativeWeights<City> byPopulation = new CumulativeWeights<>(geography.cities(), City::population);
        this.generator = OfferGenerator.stepwise(geography, byPopulation::pick, scale, seed);
        this.dates = timeline.snapshotDates();
        this.seed = seed;
        this.current = first();
        this.next = dates.size() > 1 ? evolve(current) : null;
    }

    Snapshot previous() {
        return previous;
    }

    Snapshot current() {
        return current;
    }

    /** The snapshot after the current one, or null at the latest. */
    Snapshot next() {
        return next;
    }

    /** Moves on by one snapshot. */
    void advance() {
        if (next == null) {
            throw new IllegalStateException("no snapshot after " + current.date());
        }
        previous = current;
        current = next;
        next = current.index() + 1 < dates.size() ? evolve(current) : null;
    }

    /** Whether the offer is written as a deliberate fault in some snapshot seen so far (it gets no participation). */
    boolean isFaulty(String offerId) {
        return faultyIds.contains(offerId);
    }

    static boolean isFaultSnapshot(int index, int snapshotCount) {
        return index > 0 && (snapshotCount - 1 - index) % FAULT_SNAPSHOT_INTERVAL == 0;
    }

    private Snapshot first() {
        LocalDate date = dates.get(0);
        List<Offer> offers = misspellCastropRauxel(generator.firstCatalogue(date));
        return withFaults(new Snapshot(0, date, offers, offers, List.of(), null), Set.of());
    }

    /** Writes the city of the first two Castrop-Rauxel offers as "Castrup-Rauxel" (a configured alias) in every snapshot. */
    private static List<Offer> misspellCastropRauxel(List<Offer> offers) {
        List<Offer> result = new ArrayList<>(offers.size());
        int misspelled = 0;
        for (Offer offer : offers) {
            if (misspelled < OfferGenerator.MISSPELLED_OFFERS && offer.city().name().equals("Castrop-Rauxel")) {
                result.add(offer.withCitySpelling(OfferGenerator.CASTROP_RAUXEL_MISSPELLING));
                misspelled++;
            } else {
                result.add(offer);
            }
        }
        return result;
    }

    private Snapshot evolve(Snapshot from) {
        int index = from.index() + 1;
        LocalDate date = dates.get(index);
        List<Offer> offers = generator.evolve(from.offers(), date, generator.targetSize(index, dates.size()));
        Set<String> before = new HashSet<>();
        from.offers().forEach(offer -> before.add(offer.id()));
        Set<String> after = new HashSet<>();
        List<Offer> added = new ArrayList<>();
        for (Offer offer : offers) {
            after.add(offer.id());
            if (!before.contains(offer.id())) {
                added.add(offer);
            }
        }
        List<Offer> removed = from.offers().stream().filter(offer -> !after.contains(offer.id())).toList();
        return withFaults(new Snapshot(index, date, offers, added, removed, null), before);
    }

    private Snapshot withFaults(Snapshot snapshot, Set<String> idsBefore) {
        if (!isFaultSnapshot(snapshot.index(), dates.size())) {
            return snapshot;
        }
        List<String> newIds = snapshot.added().stream().map(Offer::id).toList();
        OfferFaultPlan plan = OfferFaultPlan.choose(snapshot.offers(), newIds, idsBefore::contains,
                new Rand(seed, "offer-faults-" + snapshot.date()));
        faultyIds.addAll(plan.faultsById().keySet());
        return new Snapshot(snapshot.index(), snapshot.date(), snapshot.offers(), snapshot.added(), snapshot.removed(), plan);
    }
}
