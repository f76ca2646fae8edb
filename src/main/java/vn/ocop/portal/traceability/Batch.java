package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** One production batch (lot) of a product, with where its raw materials came from ("one step back"). */
@MappedEntity("batch")
public record Batch(
        @Id @GeneratedValue @Nullable Long id,
        long productId,
        String lotNumber,
        LocalDate productionDate,
        @Nullable LocalDate expiryDate,
        int quantity,
        @Nullable String originCommuneCode,
        String originText,
        @DateCreated @Nullable Instant createdAt) {}
