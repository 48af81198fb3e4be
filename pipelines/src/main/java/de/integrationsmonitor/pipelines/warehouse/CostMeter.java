package de.integrationsmonitor.pipelines.warehouse;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Counts what a run pays in fixed costs, for the cost model in BENCHMARKS.md: Spark jobs and the wall time spent
 * inside them, Delta commits, Delta log listings and log-file reads, table-existence and history lookups, and the
 * JVM's JIT and GC time. {@link #snapshot()} before and after a stage gives that stage's share.
 *
 * <p>Counters are per JVM (Hadoop creates file-system objects on its own, so the log I/O counters cannot belong to a
 * session). Log I/O is counted by {@link NioRawLocalFileSystem}, i.e. only in the embedded mode; on a cluster those
 * two columns stay zero.
 */
public final class CostMeter {
    /** What the meter counts; the order is the column order of {@link Snapshot#minus}. */
    public enum Count {
        SPARK_JOBS, SPARK_JOB_MILLIS, DELTA_COMMITS, LOG_LISTINGS, LOG_FILE_READS, TABLE_LOOKUPS, HISTORY_READS
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CostMeter.class);
    private static final Map<Count, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final Map<Integer, Long> JOB_STARTS = new ConcurrentHashMap<>();
    private static final java.util.Set<SparkSession> LISTENING = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    private CostMeter() {}

    /** Starts counting the session's Spark jobs (once per session). */
    public static synchronized void listen(SparkSession spark) {
        if (LISTENING.add(spark)) {
            spark.sparkContext().addSparkListener(new JobListener());
        }
    }

    static void add(Count count) {
        COUNTS.computeIfAbsent(count, c -> new LongAdder()).increment();
    }

    private static void add(Count count, long amount) {
        COUNTS.computeIfAbsent(count, c -> new LongAdder()).add(amount);
    }

    /** The counters and the JVM's JIT and GC time now. */
    public static Snapshot snapshot() {
        long[] values = new long[Count.values().length];
        for (Count count : Count.values()) {
            LongAdder adder = COUNTS.get(count);
            values[count.ordinal()] = adder == null ? 0 : adder.sum();
        }
        long gc = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, bean.getCollectionTime());
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new Snapshot(System.nanoTime(), values, jitMillis, gc);
    }

    /** Counter values at one instant; {@link #minus} gives what happened between two. */
    public record Snapshot(long nanos, long[] counts, long jitMillis, long gcMillis) {
        public Snapshot minus(Snapshot earlier) {
            long[] diff = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                diff[i] = counts[i] - earlier.counts[i];
            }
            return new Snapshot(nanos - earlier.nanos, diff, jitMillis - earlier.jitMillis, gcMillis - earlier.gcMillis);
        }

        public long get(Count count) {
            return counts[count.ordinal()];
        }

        public double seconds() {
            return nanos / 1e9;
        }
    }

    private static final class JobListener extends SparkListener {
        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            add(Count.SPARK_JOBS);
            JOB_STARTS.put(jobStart.jobId(), jobStart.time());
            // --verbose: which code started each job, to find the ones worth cutting (a job over no partitions has no stage)
            if (LOG.isDebugEnabled() && jobStart.stageInfos().nonEmpty()) {
                java.util.Properties properties = jobStart.properties();
                String ours = java.util.Arrays.stream(jobStart.stageInfos().last().details().split("\n"))
                        .filter(line -> line.contains("de.integrationsmonitor")).findFirst().orElse("-").strip();
                LOG.debug("job {} started: {} | {} | {}", jobStart.jobId(), jobStart.stageInfos().last().name(), ours,
                        properties == null ? null : properties.getProperty("spark.job.description"));
            }
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd jobEnd) {
            Long start = JOB_STARTS.remove(jobEnd.jobId());
            if (start != null) {
                LOG.debug("job {} ended after {} ms", jobEnd.jobId(), jobEnd.time() - start);
                add(Count.SPARK_JOB_MILLIS, Math.max(0, jobEnd.time() - start));
            }
        }
    }
}
