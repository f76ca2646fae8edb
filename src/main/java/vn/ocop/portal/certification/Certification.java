package vn.ocop.portal.certification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One OCOP certificate of a product; a product keeps every certificate it ever had. The database derives
 * {@code total_score} and {@code stars} from the part scores too, for queries.
 */
@MappedEntity("certification")
public record Certification(
        @Id @GeneratedValue @Nullable Long id,
        long productId,
        String decisionNumber,
        LocalDate decisionDate,
        String issuingBody,
        IssuingLevel issuingLevel,
        int scoreA,
        int scoreB,
        int scoreC,
        LocalDate validFrom,
        LocalDate validUntil,
        RecordedStatus status,
        @Nullable String statusDecision,
        @Nullable LocalDate statusDate,
        @Nullable String statusReason,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    /** Certificates run 36 months from their issue date unless the decision says otherwise. */
    public static final int VALIDITY_MONTHS = 36;

    public Score score() {
        return new Score(scoreA, scoreB, scoreC);
    }

    public int stars() {
        return score().stars();
    }

    public CertificateStatus statusOn(LocalDate today) {
        return CertificateStatus.of(status, validUntil, today);
    }
}
