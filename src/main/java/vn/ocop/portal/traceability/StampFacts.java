package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import vn.ocop.portal.certification.Certification;

/** Everything the scan page shows about one stamp, as read from the database in one query. */
record StampFacts(
        long stampId,
        StampKind kind,
        long scanCount,
        @Nullable Instant firstScannedAt,
        int networkCount,
        boolean knownNetwork,
        long productId,
        String productName,
        @Nullable String gtin,
        String specifications,
        String ingredientOrigin,
        @Nullable Long photoId,
        @Nullable String photoAlt,
        @Nullable Certification certificate,
        Producer producer,
        @Nullable Batch batch) {

    record Producer(
            String name,
            String type,
            String addressLine,
            Place province,
            @Nullable Place commune,
            String representative,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website) {}

    record Batch(
            long id,
            String lotNumber,
            LocalDate productionDate,
            @Nullable LocalDate expiryDate,
            int quantity,
            String originText,
            @Nullable Place originCommune,
            @Nullable Place originProvince) {}

    /** An administrative unit's name in both languages. */
    record Place(String vi, String en) {}

    record Event(
            long id,
            TraceEventType type,
            Instant occurredAt,
            String what,
            String place,
            @Nullable String communeCode,
            @Nullable Place commune,
            String why) {}
}
