package vn.ocop.portal.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo catalogue as written in {@code demo/demo-catalogue.json}: producers, their products, and each product's
 * certificates with dates relative to the day of loading.
 */
@JsonIgnoreProperties({"_comment"})
record DemoCatalogue(List<Producer> producers) {

    static final String RESOURCE = "demo/demo-catalogue.json";

    /** A certificate is valid for 36 months from its decision date (DOMAIN.md, "Validity"). */
    static final int VALIDITY_MONTHS = 36;

    DemoCatalogue {
        producers = producers == null ? List.of() : List.copyOf(producers);
    }

    static DemoCatalogue read() {
        try (InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static DemoCatalogue parse(byte[] json) {
        try {
            return new ObjectMapper().readValue(json, DemoCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    int productCount() {
        return producers.stream().mapToInt(p -> p.products().size()).sum();
    }

    record Producer(
            String key,
            String name,
            String type,
            String registrationNumber,
            String addressLine,
            String provinceCode,
            String communeCode,
            String representative,
            String phone,
            String email,
            String website,
            List<Product> products) {

        Producer {
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    record Product(
            String name,
            String nameEn,
            String slug,
            String groupCode,
            String subgroupCode,
            String gtin,
            String description,
            String descriptionEn,
            String specifications,
            String ingredientOrigin,
            List<Certificate> certifications) {

        Product {
            certifications = certifications == null ? List.of() : List.copyOf(certifications);
        }
    }

    /**
     * One certificate. {@code decisionDaysAgo} counts back from the day of loading; it is valid from the decision date
     * for {@link #VALIDITY_MONTHS} months. Its recorded status follows from the status changes, in order.
     */
    record Certificate(
            String decisionNumber,
            Integer decisionDaysAgo,
            String issuingBody,
            String level,
            Integer scoreA,
            Integer scoreB,
            Integer scoreC,
            List<StatusChange> statusChanges) {

        Certificate {
            statusChanges = statusChanges == null ? List.of() : List.copyOf(statusChanges);
        }

        LocalDate decisionDate(LocalDate today) {
            return today.minusDays(decisionDaysAgo);
        }

        LocalDate validFrom(LocalDate today) {
            return decisionDate(today);
        }

        LocalDate validUntil(LocalDate today) {
            return validFrom(today).plusMonths(VALIDITY_MONTHS);
        }

        int total() {
            return scoreA + scoreB + scoreC;
        }

        /** The recorded status: VALID unless the last status change says otherwise. */
        String status() {
            return statusChanges.isEmpty() ? "VALID" : statusChanges.getLast().toStatus();
        }

        /** The change that put the certificate in its current non-VALID status, if any. */
        StatusChange currentStatusDecision() {
            return "VALID".equals(status()) ? null : statusChanges.getLast();
        }
    }

    /** A suspension, reinstatement or revocation; {@code daysAgo} counts back from the day of loading. */
    record StatusChange(String fromStatus, String toStatus, String decisionNumber, Integer daysAgo, String reason) {

        LocalDate decisionDate(LocalDate today) {
            return today.minusDays(daysAgo);
        }
    }
}
