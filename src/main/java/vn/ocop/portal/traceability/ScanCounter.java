package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * How often one item stamp was scanned by people and from how many networks, kept in memory so a scan page needs
 * no database read: the stamp's figures as the database last gave them, plus this instance's scans that the
 * {@link ScanLog} has not written yet. Each write of the scan log brings the stored figures up to date, including
 * what other instances wrote meanwhile.
 */
final class ScanCounter {

    /** Networks remembered per stamp; beyond this, the stored network count (written by the scan log) tells. */
    static final int MAX_KNOWN_NETWORKS = 64;

    /** A stamp's figures at one moment: scans by people, the first scan's time, distinct networks. */
    record Tally(long count, @Nullable Instant first, int networks) {}

    private long storedCount;
    private Instant storedFirst;
    private int storedNetworks;
    private long pending;
    private Instant pendingFirst;
    private final Set<String> networks;

    ScanCounter(long count, @Nullable Instant first, int networkCount, Collection<String> knownNetworks) {
        this.storedCount = count;
        this.storedFirst = first;
        this.storedNetworks = networkCount;
        this.networks = new HashSet<>(knownNetworks);
    }

    /** Counts a scan by a person; the figures include it. */
    synchronized Tally count(Instant at, String network) {
        pending++;
        if (pendingFirst == null || at.isBefore(pendingFirst)) {
            pendingFirst = at;
        }
        if (networks.size() < MAX_KNOWN_NETWORKS) {
            networks.add(network);
        }
        return tally();
    }

    /** Whether the stamp is known to have been scanned from this network. */
    synchronized boolean knows(String network) {
        return networks.contains(network);
    }

    /** The figures as they are, without counting anything (a bot's visit). */
    synchronized Tally tally() {
        Instant first = storedFirst != null ? storedFirst : pendingFirst;
        return new Tally(storedCount + pending, first, Math.max(storedNetworks, networks.size()));
    }

    /**
     * The scan log wrote {@code written} of this instance's scans; the database now holds these figures (which also
     * include what other instances wrote).
     */
    synchronized void stored(long written, long count, @Nullable Instant first, int networkCount) {
        pending -= written;
        if (pending <= 0) {
            pendingFirst = null;
        }
        storedCount = count;
        storedFirst = first;
        storedNetworks = networkCount;
    }
}
