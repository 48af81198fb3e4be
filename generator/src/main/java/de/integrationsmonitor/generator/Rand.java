package de.integrationsmonitor.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Seeded randomness with the few helpers the generators need. Each output file family gets its
 * own stream (seed combined with a stream name), so changing one generator does not shift the
 * numbers of the others. {@link Random}'s algorithm is fixed by its specification, so the same
 * seed gives the same output on every JDK.
 */
final class Rand {

    private final Random random;

    Rand(long seed, String stream) {
        this.random = new Random(seed ^ stableHash(stream));
    }

    private static long stableHash(String text) {
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** A uniformly chosen int from {@code min} to {@code max}, both inclusive. */
    int between(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        return min + random.nextInt(max - min + 1);
    }

    double uniform(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    /** A standard normal value from the Box-Muller transform (so the draw never depends on {@code Random.nextGaussian}). */
    double gaussian() {
        double u = Math.max(1e-12, uniform(0, 1));
        double v = uniform(0, 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pickWeighted(List<T> items, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T item : items) {
            total += weight.applyAsDouble(item);
        }
        double target = random.nextDouble() * total;
        for (T item : items) {
            target -= weight.applyAsDouble(item);
            if (target < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    /** {@code count} distinct items in random order (all items if there are fewer). */
    <T> List<T> sample(List<T> items, int count) {
        List<T> copy = shuffled(items);
        return new ArrayList<>(copy.subList(0, Math.min(count, copy.size())));
    }

    /** A shuffled copy (own Fisher-Yates, so the order never depends on the JDK's implementation). */
    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }
}
