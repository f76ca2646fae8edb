package vn.ocop.portal.shared;

/** Lets through at most {@code perWindow} log entries per window and counts the rest. */
final class LogRateLimit {

    private final int perWindow;
    private final long windowMillis;
    private long windowStart;
    private int logged;
    private long suppressed;
    private long suppressedReported;

    LogRateLimit(int perWindow, long windowMillis) {
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
    }

    /** Whether to log this entry now. */
    synchronized boolean tryLog() {
        long now = System.currentTimeMillis();
        if (now - windowStart >= windowMillis) {
            windowStart = now;
            logged = 0;
        }
        if (logged < perWindow) {
            logged++;
            return true;
        }
        suppressed++;
        return false;
    }

    /** Entries not logged since the last call. */
    synchronized long suppressedSinceLast() {
        long count = suppressed - suppressedReported;
        suppressedReported = suppressed;
        return count;
    }
}
