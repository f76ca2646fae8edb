package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An OCOP product of one producer, in one product group (Decision 148) and optionally one subgroup. */
@MappedEntity("product")
public record Product(
        @Id @GeneratedValue @Nullable Long id,
        long producerId,
        String groupCode,
        @Nullable Long subgroupId,
        String name,
        String slug,
        String description,
        String specifications,
        String ingredientOrigin,
        @Nullable String gtin,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {}
