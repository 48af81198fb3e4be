package de.integrationsmonitor.generator;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Weighted random choice in O(log n) per draw (prefix sums and a binary search), for the larger
 * scales where {@link Rand#pickWeighted}'s linear scan over thousands of Gemeinden would dominate.
 */
final class CumulativeWeights<T> {

    private final List<T> items;
    private final double[] cumulative;

    CumulativeWeights(List<T> items, ToDoubleFunction<T> weight) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items to choose from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            total += weight.applyAsDouble(items.get(i));
            cumulative[i] = total;
        }
    }

    T pick(Rand rand) {
        double target = rand.uniform(0, cumulative[cumulative.length - 1]);
        int index = Arrays.binarySearch(cumulative, target);
        index = index >= 0 ? index + 1 : -index - 1;
        return items.get(Math.min(index, items.size() - 1));
    }
}
