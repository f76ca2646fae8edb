package vn.ocop.portal.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The copy-detection figures of one item stamp, kept in memory so a scan page needs no database read: counted scans
 * (at most one per network per day), the first one's time, and the distinct networks, provinces and days they came
 * from; as the database last gave them, plus this instance's counted scans that the {@link ScanLog} has not written
 * yet. Each write of the scan log brings the stored figures up to date, including what other instances wrote.
 */
final class ScanCounter {

    /** Networks, provinces and days remembered per stamp; beyond this, the stored counts (written by the log) tell. */
    static final int MAX_KNOWN = 64;
    /** Networks remembered as counted today; beyond this, the database's own check keeps a network to one a day. */
    static final int MAX_COUNTED_TODAY = 1024;

    /** A stamp's figures at one moment: counted scans, the first one's time, distinct networks, provinces, days. */
    record Tally(long count, @Nullable Instant first, int networks, int provinces, int days) {}

    /**
     * What one scan adds to the evidence: whether it is counted at all (its network's first today), and whether its
     * network, province and day are new for the stamp as far as this instance knows (the database checks again).
     */
    record Evidence(boolean counted, boolean newNetwork, boolean newProvince, boolean newDay) {

        static final Evidence NONE = new Evidence(false, false, false, false);
        static final Evidence ALL = new Evidence(true, true, true, true);
    }

    private long storedCount;
    private Instant storedFirst;
    private int storedNetworks;
    private int storedProvinces;
    private int storedDays;
    private long pending;
    private Instant pendingFirst;
    private final Set<String> networks;
    private final Set<String> provinces;
    private final Set<LocalDate> days;
    private LocalDate today;
    private final Set<String> countedToday;
    private final CopyWarning.Review review;

    ScanCounter(
            long count,
            @Nullable Instant first,
            int networkCount,
            int provinceCount,
            int dayCount,
            Collection<String> knownNetworks,
            Collection<String> knownProvinces,
            Collection<LocalDate> knownDays,
            LocalDate today,
            Collection<String> networksCountedToday,
            @Nullable CopyWarning.Review review) {
        this.storedCount = count;
        this.storedFirst = first;
        this.storedNetworks = networkCount;
        this.storedProvinces = provinceCount;
        this.storedDays = dayCount;
        this.networks = new HashSet<>(knownNetworks);
        this.provinces = new HashSet<>(knownProvinces);
        this.days = new HashSet<>(knownDays);
        this.today = today;
        this.countedToday = new HashSet<>(networksCountedToday);
        this.review = review;
    }

    /** A stamp never counted. */
    static ScanCounter fresh(LocalDate today) {
        return new ScanCounter(0, null, 0, 0, 0, Set.of(), Set.of(), Set.of(), today, Set.of(), null);
    }

    /** Staff's latest review of the stamp's copy warning, as it was when the counter was read; null if none. */
    @Nullable
    CopyWarning.Review review() {
        return review;
    }

    /** What a scan from this network and province on this day would add; changes nothing. */
    synchronized Evidence evidence(LocalDate day, String network, @Nullable String province) {
        if (day.equals(today) && countedToday.contains(network)) {
            return Evidence.NONE;
        }
        return new Evidence(
                true,
                !networks.contains(network),
                province != null && !provinces.contains(province),
                !days.contains(day));
    }

    /** Counts a scan (one that {@link #evidence} said is counted); the figures include it. */
    synchronized Tally count(Instant at, LocalDate day, String network, @Nullable String province) {
        if (!day.equals(today)) {
            today = day;
            countedToday.clear();
        }
        if (countedToday.contains(network)) {
            return tally();
        }
        if (countedToday.size() < MAX_COUNTED_TODAY) {
            countedToday.add(network);
        }
        pending++;
        if (pendingFirst == null || at.isBefore(pendingFirst)) {
            pendingFirst = at;
        }
        remember(networks, network);
        if (province != null) {
            remember(provinces, province);
        }
        remember(days, day);
        return tally();
    }

    private static <T> void remember(Set<T> known, T value) {
        if (known.size() < MAX_KNOWN) {
            known.add(value);
        }
    }

    /** The figures as they are, without counting anything. */
    synchronized Tally tally() {
        Instant first = storedFirst != null ? storedFirst : pendingFirst;
        return new Tally(
                storedCount + pending,
                first,
                Math.max(storedNetworks, networks.size()),
                Math.max(storedProvinces, provinces.size()),
                Math.max(storedDays, days.size()));
    }

    /**
     * The scan log wrote {@code written} of this instance's counted scans; the database now holds these figures
     * (which also include what other instances wrote).
     */
    synchronized void stored(
            long written, long count, @Nullable Instant first, int networkCount, int provinceCount, int dayCount) {
        // Below zero when the log reported a scan before its page counted it: the count that follows evens it out.
        pending -= written;
        if (pending <= 0) {
            pendingFirst = null;
        }
        storedCount = count;
        storedFirst = first;
        storedNetworks = networkCount;
        storedProvinces = provinceCount;
        storedDays = dayCount;
    }
}
