package de.integrationsmonitor.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which rows of the latest offers snapshot are written as deliberate faults. Faults go to offers
 * that are new in that snapshot, so their quarantine does not look like an offer ending; the
 * duplicate repeats the id of an offer that already existed before.
 *
 * @param faultsById  fault kind per offer id, in the order they were chosen
 * @param duplicateId id of the offer whose row is written a second time
 */
record OfferFaultPlan(Map<String, Kind> faultsById, String duplicateId) {

    /** A single-row fault in the offers export. */
    enum Kind { UNKNOWN_CITY, UNKNOWN_LANGUAGE, UNKNOWN_CATEGORY, BAD_DATE, MISSING_NAME }

    OfferFaultPlan {
        faultsById = Collections.unmodifiableMap(new LinkedHashMap<>(faultsById));
    }

    static OfferFaultPlan choose(OfferHistory history, long seed) {
        Rand rand = new Rand(seed, "offer-faults");
        List<Offer> latest = history.latest();
        Set<String> previousIds = new HashSet<>();
        history.snapshot(history.snapshots().size() - 2).forEach(offer -> previousIds.add(offer.id()));
        List<String> newIds = latest.stream().filter(offer -> !previousIds.contains(offer.id())).map(Offer::id).toList();
        return choose(latest, newIds, previousIds::contains, rand);
    }

    /**
     * The faults for one snapshot: one row of each kind among {@code newIds} (offers new in the
     * snapshot, in snapshot order), the duplicate among the offers that were already in the
     * previous snapshot ({@code wasThereBefore}) and are spelled correctly.
     */
    static OfferFaultPlan choose(List<Offer> snapshot, List<String> newIds, Predicate<String> wasThereBefore,
            Rand rand) {
        List<Kind> kinds = List.of(Kind.values());
        if (newIds.size() < kinds.size()) {
            throw new IllegalStateException("snapshot has only " + newIds.size() + " new offers; " + kinds.size() + " are needed for faults");
        }
        List<String> chosen = rand.sample(newIds, kinds.size());
        Map<String, Kind> faults = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            faults.put(chosen.get(i), kinds.get(i));
        }
        List<String> oldIds = new ArrayList<>();
        for (Offer offer : snapshot) {
            if (wasThereBefore.test(offer.id()) && offer.citySpelling().equals(offer.city().name())) {
                oldIds.add(offer.id());
            }
        }
        return new OfferFaultPlan(faults, rand.pick(oldIds));
    }
}
