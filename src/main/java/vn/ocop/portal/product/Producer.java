package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A producer: enterprise, cooperative, cooperative group or household business. The address is kept as recorded
 * (it may name a former district or province) and linked to the current province and commune.
 */
@MappedEntity("producer")
public record Producer(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        ProducerType type,
        String registrationNumber,
        String addressLine,
        String provinceCode,
        @Nullable String communeCode,
        String representative,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String website,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {}
