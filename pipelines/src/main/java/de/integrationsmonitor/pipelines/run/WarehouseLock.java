package de.integrationsmonitor.pipelines.run;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writing run per warehouse at a time: an operating-system lock on {@code <warehouse>/_imon.lock}.
 * A second run stops at once with a German message naming the run that holds the lock. The OS
 * releases the lock when the holding process ends in any way (also SIGKILL), so a crash never
 * leaves a stale lock behind. Warehouses on shared storage (URIs such as s3a://) are not locked here;
 * there the scheduler must keep runs apart.
 */
public final class WarehouseLock implements AutoCloseable {
    static final String FILE_NAME = "_imon.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the warehouse for this run, or throws a {@link UserException} naming the run that holds it. */
    public static WarehouseLock acquire(String warehouse, String runId) {
        if (warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !warehouse.startsWith("file:")) {
            return new WarehouseLock(null, null);
        }
        Path directory = Path.of(warehouse.replaceFirst("^file:", ""));
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new UserException(ErrorCategory.WAREHOUSE, "Das Warehouse " + directory + " wird gerade von einem anderen Lauf benutzt ("
                        + (holder.isEmpty() ? "unbekannt" : holder) + "). Bitte warten, bis er fertig ist, und dann erneut starten.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("Lauf " + runId + ", Prozess " + ProcessHandle.current().pid() + ", gestartet "
                    + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new WarehouseLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UserException(ErrorCategory.WAREHOUSE, "Die Sperrdatei " + file + " kann nicht angelegt werden: " + e.getMessage());
        }
    }

    /** Releases the lock; the file stays (its content names the last run). */
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot release the warehouse lock", e);
        }
    }
}
