package de.integrationsmonitor.pipelines.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Independent tasks on a small pool of daemon threads. */
public final class Parallel {
    private Parallel() {}

    /**
     * Applies {@code task} to every item on at most {@code threads} threads and returns the results in
     * the items' order; the first failure (in item order) is rethrown once all tasks were started.
     */
    public static <T, R> List<R> map(List<T> items, int threads, String threadName, Function<T, R> task) {
        int size = Math.max(1, Math.min(threads, items.size()));
        if (size == 1) {
            return items.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> task.apply(item))).toList();
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + threadName, e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
