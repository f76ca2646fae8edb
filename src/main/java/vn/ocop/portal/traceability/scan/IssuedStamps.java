package vn.ocop.portal.traceability.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampKind;

/**
 * The stamps this portal issued, by serial, kept in memory once read: a stamp never changes what it stands for,
 * so only its scan counter moves (see {@link ScanCounter}). Entries are read again after a while, which brings
 * the counter up to date with scans another instance wrote, and at once when PostgreSQL announces a change to the
 * stamp's product (a review of a copy warning is one: V035), whichever instance made it.
 */
@Singleton
class IssuedStamps {

    private static final int MAX_ENTRIES = 200_000;
    private static final Duration REREAD_AFTER = Duration.ofMinutes(5);

    /**
     * One issued stamp.
     *
     * @param code its printed code, as {@link StampCodes#codeOf} writes it
     * @param counter the scans of an item stamp, as its page shows them; null for product and batch stamps (their
     *     counts are kept in the database but not shown)
     */
    record IssuedStamp(
            long id,
            String code,
            StampKind kind,
            long productId,
            @Nullable Long batchId,
            @Nullable ScanCounter counter) {}

    private final StampLookup lookup;
    private final ProductChanges changes;
    private final Cache<Long, IssuedStamp> bySerial = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(REREAD_AFTER)
            .build();

    IssuedStamps(StampLookup lookup, ProductChanges changes) {
        this.lookup = lookup;
        this.changes = changes;
        changes.onChange(product -> {
            if (product == ProductChanges.ALL) {
                bySerial.invalidateAll();
            } else {
                bySerial.asMap().values().removeIf(stamp -> stamp.productId() == product);
            }
        });
    }

    /**
     * Forgets a stamp at once, so its next scan reads it again: for a change this instance just made (other
     * instances hear the product's notice).
     */
    void forget(long stampId) {
        bySerial.asMap().values().removeIf(stamp -> stamp.id() == stampId);
    }

    /** The stamp if it is in memory; never asks the database. */
    @Nullable
    IssuedStamp inMemory(long serial) {
        return bySerial.getIfPresent(serial);
    }

    /** The stamp with this serial, from memory or the database (blocking); empty if this portal never issued it. */
    Optional<IssuedStamp> find(long serial) {
        IssuedStamp known = bySerial.getIfPresent(serial);
        if (known != null) {
            return Optional.of(known);
        }
        boolean heard = changes.listening();
        long epoch = changes.epoch();
        Optional<IssuedStamp> read = lookup.stamp(serial);
        if (!heard || !changes.listening() || changes.epoch() != epoch) {
            // A change may have been announced while reading (or could not be heard): serve it, keep nothing.
            return read;
        }
        // Two first scans at once read it twice; the first kept wins, so both count on one counter.
        return read.map(stamp -> {
            IssuedStamp kept = bySerial.asMap().putIfAbsent(serial, stamp);
            return kept == null ? stamp : kept;
        });
    }
}
