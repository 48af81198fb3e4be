package de.integrationsmonitor.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The offers catalogue over time: one full snapshot per date, oldest first, plus the ids of the
 * latest snapshot's rows that are written as deliberate faults (so no participation refers to them).
 */
record OfferHistory(List<LocalDate> dates, List<List<Offer>> snapshots, Set<String> faultyIds) {

    OfferHistory {
        dates = List.copyOf(dates);
        snapshots = snapshots.stream().map(List::copyOf).toList();
        faultyIds = Set.copyOf(faultyIds);
        if (dates.size() != snapshots.size()) {
            throw new IllegalArgumentException(dates.size() + " dates but " + snapshots.size() + " snapshots");
        }
    }

    List<Offer> snapshot(int index) {
        return snapshots.get(index);
    }

    List<Offer> latest() {
        return snapshots.get(snapshots.size() - 1);
    }

    OfferHistory withFaultyIds(Set<String> ids) {
        return new OfferHistory(dates, snapshots, ids);
    }
}
