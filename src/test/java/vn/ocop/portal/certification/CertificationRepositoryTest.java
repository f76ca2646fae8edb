package vn.ocop.portal.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Sql;

/** A certificate saved through the repository reads back with its history order and derived stars. Rolled back. */
@MicronautTest
class CertificationRepositoryTest {

    @Inject
    CertificationRepository certifications;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldKeepAProductsCertificatesAsAHistoryNewestFirst() {
        long productId = Sql.number(transactions, "select min(id) from product");
        LocalDate renewed = LocalDate.of(2026, 3, 2);
        certifications.save(certificate(productId, "9001/QĐ-UBND", LocalDate.of(2025, 9, 1), 30, 20, 20));
        certifications.save(certificate(productId, "9002/QĐ-UBND", renewed, 34, 20, 25));

        List<Certification> ours = certifications.findByProductIdOrderByDecisionDateDesc(productId).stream()
                .filter(certification -> certification.decisionNumber().startsWith("900"))
                .toList();
        assertEquals(
                List.of("9002/QĐ-UBND", "9001/QĐ-UBND"),
                ours.stream().map(Certification::decisionNumber).toList());
        Certification newest = ours.getFirst();
        assertEquals(79, newest.score().total());
        assertEquals(4, newest.stars());
        assertEquals(
                newest.stars(),
                Sql.number(transactions, "select stars from certification where id = " + newest.id()),
                "the database derives the same stars");
        assertEquals(CertificateStatus.VALID, newest.statusOn(renewed.plusMonths(1)));
        assertEquals(
                CertificateStatus.EXPIRING, newest.statusOn(newest.validUntil().minusDays(10)));
        assertEquals(
                CertificateStatus.EXPIRED, newest.statusOn(newest.validUntil().plusDays(1)));
    }

    private static Certification certificate(long productId, String decision, LocalDate date, int a, int b, int c) {
        return new Certification(
                null,
                productId,
                decision,
                date,
                "UBND tỉnh Sơn La",
                IssuingLevel.PROVINCE,
                a,
                b,
                c,
                date,
                date.plusMonths(Certification.VALIDITY_MONTHS),
                RecordedStatus.VALID,
                null,
                null,
                null,
                null,
                null);
    }
}
