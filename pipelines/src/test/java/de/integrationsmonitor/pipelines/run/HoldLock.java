package de.integrationsmonitor.pipelines.run;

/** A second process for {@link WarehouseLockIT}: takes the lock, says so, and waits until killed. */
public final class HoldLock {
    private HoldLock() {}

    public static void main(String[] args) throws Exception {
        WarehouseLock lock = WarehouseLock.acquire(args[0], "other-run");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }
}
