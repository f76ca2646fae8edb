package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An issued stamp. Its printed code is derived from the serial ({@link StampCodes}); scans update the counters. */
@MappedEntity("stamp")
public record Stamp(
        @Id @GeneratedValue @Nullable Long id,
        long serial,
        StampKind kind,
        long productId,
        @Nullable Long batchId,
        Instant issuedAt,
        long scanCount,
        @Nullable Instant firstScannedAt,
        int networkCount) {

    static Stamp issue(long serial, StampKind kind, long productId, @Nullable Long batchId, Instant now) {
        return new Stamp(null, serial, kind, productId, batchId, now, 0, null, 0);
    }
}
