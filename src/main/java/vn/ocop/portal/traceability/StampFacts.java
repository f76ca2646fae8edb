package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.ocop.portal.certification.Certification;

/**
 * What a stamp stands for, as a scan page shows it: the product, its current certificate, the producer and, for
 * batch and item stamps, the batch with its events. The same for every stamp of the batch.
 */
public record StampFacts(
        long productId,
        String productName,
        @Nullable String gtin,
        String specifications,
        String ingredientOrigin,
        @Nullable Long photoId,
        @Nullable String photoAlt,
        @Nullable Certification certificate,
        Producer producer,
        @Nullable Batch batch,
        List<Event> events) {

    public StampFacts withEvents(List<Event> events) {
        return new StampFacts(
                productId,
                productName,
                gtin,
                specifications,
                ingredientOrigin,
                photoId,
                photoAlt,
                certificate,
                producer,
                batch,
                List.copyOf(events));
    }

    public record Producer(
            String name,
            String type,
            String addressLine,
            Place province,
            @Nullable Place commune,
            String representative,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website) {}

    public record Batch(
            long id,
            String lotNumber,
            LocalDate productionDate,
            @Nullable LocalDate expiryDate,
            int quantity,
            String originText,
            @Nullable Place originCommune,
            @Nullable Place originProvince) {}

    /** An administrative unit's name in both languages. */
    public record Place(String vi, String en) {}

    public record Event(
            long id,
            TraceEventType type,
            Instant occurredAt,
            String what,
            String place,
            @Nullable String communeCode,
            @Nullable Place commune,
            String why) {}
}
