package vn.ocop.portal.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vn.ocop.portal.certification.CertificateStatus;
import vn.ocop.portal.certification.Certification;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFacts;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.StampSettings;

/**
 * The scan page's model: the verdict first, then the product, its certificate, producer, batch and events; what is
 * the same for every stamp of a batch. An item stamp's {@link Scans} are added per scan. Dates are formatted for the
 * page's language, in Vietnam's time.
 */
public record ScanPage(
        String code,
        String kind,
        Verdict verdict,
        String productName,
        @Nullable String gtin,
        String specifications,
        String ingredientOrigin,
        @Nullable String photoUrl,
        String photoAlt,
        @Nullable CertificateView certificate,
        ProducerView producer,
        @Nullable BatchView batch,
        List<EventView> events) {

    /**
     * @param status VALID, EXPIRING, EXPIRED, SUSPENDED, REVOKED, or NONE for a product without a certificate
     * @param tone green, amber or red
     * @param date the valid-until date, or the date of the suspension or revocation
     */
    record Verdict(
            String status,
            String tone,
            int stars,
            @Nullable String date,
            @Nullable String decision,
            @Nullable String reason) {}

    record CertificateView(
            String decisionNumber,
            String decisionDate,
            String issuingBody,
            String level,
            int stars,
            int totalScore,
            String validFrom,
            String validUntil) {}

    record ProducerView(
            String name,
            String type,
            String addressLine,
            String area,
            String representative,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website) {}

    record BatchView(
            String lotNumber,
            String productionDate,
            @Nullable String expiryDate,
            int quantity,
            String originText,
            @Nullable String originPlace) {}

    record EventView(String type, String when, String what, String where, String why) {}

    /**
     * @param count counted scans (a person's browser, at most one per network per day), this one included if counted
     * @param firstOn the date of the first counted scan
     * @param warning what the copy warning rests on, or null when the page shows none
     */
    record Scans(
            long count,
            String firstOn,
            int networks,
            int provinces,
            int days,
            @Nullable CopyWarning warning) {

        boolean copyWarning() {
            return warning != null;
        }

        static Scans of(
                ScanCounter.Tally tally,
                @Nullable CopyWarning.Review review,
                Instant now,
                Language language,
                StampSettings settings) {
            long count = Math.max(tally.count(), 1);
            Instant first = tally.first() == null ? now : tally.first();
            CopyWarning warning =
                    CopyWarning.shown(tally.networks(), tally.provinces(), tally.days(), review, settings);
            return new Scans(
                    count, dates(language).format(first), tally.networks(), tally.provinces(), tally.days(), warning);
        }
    }

    /** The page of a stamp of this kind standing for these facts, on this day (the verdict depends on it). */
    static ScanPage of(String code, StampKind kind, StampFacts facts, Language language, LocalDate today) {
        DateTimeFormatter dates = dates(language);
        DateTimeFormatter times = times(language);
        Certification certificate = facts.certificate();

        Verdict verdict;
        CertificateView certificateView = null;
        if (certificate == null) {
            verdict = new Verdict("NONE", "red", 0, null, null, null);
        } else {
            CertificateStatus status = certificate.statusOn(today);
            verdict = switch (status) {
                case VALID ->
                    new Verdict(
                            status.name(),
                            "green",
                            certificate.stars(),
                            dates.format(certificate.validUntil()),
                            null,
                            null);
                case EXPIRING ->
                    new Verdict(
                            status.name(),
                            "amber",
                            certificate.stars(),
                            dates.format(certificate.validUntil()),
                            null,
                            null);
                case EXPIRED ->
                    new Verdict(
                            status.name(),
                            "red",
                            certificate.stars(),
                            dates.format(certificate.validUntil()),
                            null,
                            null);
                case SUSPENDED, REVOKED ->
                    new Verdict(
                            status.name(),
                            "red",
                            certificate.stars(),
                            certificate.statusDate() == null ? null : dates.format(certificate.statusDate()),
                            certificate.statusDecision(),
                            certificate.statusReason());
            };
            certificateView = new CertificateView(
                    certificate.decisionNumber(),
                    dates.format(certificate.decisionDate()),
                    certificate.issuingBody(),
                    certificate.issuingLevel().name(),
                    certificate.stars(),
                    certificate.score().total(),
                    dates.format(certificate.validFrom()),
                    dates.format(certificate.validUntil()));
        }

        StampFacts.Producer producer = facts.producer();
        String area = producer.commune() == null
                ? name(producer.province(), language)
                : name(producer.commune(), language) + ", " + name(producer.province(), language);
        ProducerView producerView = new ProducerView(
                producer.name(),
                producer.type(),
                producer.addressLine(),
                area,
                producer.representative(),
                producer.phone(),
                producer.email(),
                producer.website());

        BatchView batchView = null;
        StampFacts.Batch batch = facts.batch();
        if (batch != null) {
            String origin = batch.originCommune() == null
                    ? null
                    : name(batch.originCommune(), language) + ", " + name(batch.originProvince(), language);
            batchView = new BatchView(
                    batch.lotNumber(),
                    dates.format(batch.productionDate()),
                    batch.expiryDate() == null ? null : dates.format(batch.expiryDate()),
                    batch.quantity(),
                    batch.originText(),
                    origin);
        }

        List<EventView> eventViews = facts.events().stream()
                .map(event -> new EventView(
                        event.type().name(),
                        times.format(event.occurredAt()),
                        event.what(),
                        event.commune() == null
                                        || event.place()
                                                .contains(event.commune().vi())
                                ? event.place()
                                : event.place() + ", " + name(event.commune(), language),
                        event.why()))
                .toList();

        return new ScanPage(
                StampCodes.grouped(code),
                kind.name(),
                verdict,
                facts.productName(),
                facts.gtin(),
                facts.specifications(),
                facts.ingredientOrigin(),
                facts.photoId() == null ? null : "/photos/" + facts.photoId(),
                facts.photoAlt() == null ? facts.productName() : facts.photoAlt(),
                certificateView,
                producerView,
                batchView,
                eventViews);
    }

    private static String name(StampFacts.Place place, Language language) {
        return language == Language.EN ? place.en() : place.vi();
    }

    private static final DateTimeFormatter DATES_VI = Language.VI.dates().withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter DATES_EN = Language.EN.dates().withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter TIMES_VI =
            DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter TIMES_EN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(VietnamTime.ZONE);

    static DateTimeFormatter dates(Language language) {
        return language == Language.EN ? DATES_EN : DATES_VI;
    }

    private static DateTimeFormatter times(Language language) {
        return language == Language.EN ? TIMES_EN : TIMES_VI;
    }
}
