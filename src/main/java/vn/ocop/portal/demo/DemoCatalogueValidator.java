package vn.ocop.portal.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.ocop.portal.shared.VietnameseText;

/**
 * Checks the demo catalogue against the certification rules of DOMAIN.md and the schema before anything is inserted,
 * so that an edit of the JSON (or the passing of time: its dates are relative) cannot slip a wrong certificate in.
 * Every problem names the product or producer it concerns.
 */
final class DemoCatalogueValidator {

    /** Districts were abolished on this day (Decision 1489/QĐ-TTg); from it, provinces certify 3 and 4 stars. */
    static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

    /** The Ministry of Agriculture and Environment took over from MARD on 1 March 2025. */
    static final LocalDate MINISTRY_MERGER_DATE = LocalDate.of(2025, 3, 1);

    static final String MINISTRY = "Bộ Nông nghiệp và Môi trường";
    static final String FORMER_MINISTRY = "Bộ Nông nghiệp và Phát triển nông thôn";

    private static final Set<String> PRODUCER_TYPES =
            Set.of("ENTERPRISE", "COOPERATIVE", "COOPERATIVE_GROUP", "HOUSEHOLD_BUSINESS");
    private static final Set<String> STATUSES = Set.of("VALID", "SUSPENDED", "REVOKED");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("^[0-9]{10}$");
    private static final Pattern DISTRICT_BODY = Pattern.compile("^UBND (huyện|quận|thị xã|thành phố) \\S.*");
    private static final Pattern PROVINCE_BODY =
            Pattern.compile("^UBND (tỉnh|thành phố) (\\S.*)$", Pattern.CASE_INSENSITIVE);

    private final LocalDate today;
    private final ReferenceData reference;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, LocalDate> decisionDates = new HashMap<>();

    private DemoCatalogueValidator(LocalDate today, ReferenceData reference) {
        this.today = today;
        this.reference = reference;
    }

    /** Throws {@link IllegalStateException} listing every problem if the catalogue breaks a rule on {@code today}. */
    static void validate(DemoCatalogue catalogue, LocalDate today, ReferenceData reference) {
        List<String> problems = problems(catalogue, today, reference);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(DemoCatalogue.RESOURCE + " breaks " + problems.size()
                    + " rule(s) when loaded on " + today + " (its dates are relative to the day of loading):\n - "
                    + String.join("\n - ", problems));
        }
    }

    static List<String> problems(DemoCatalogue catalogue, LocalDate today, ReferenceData reference) {
        DemoCatalogueValidator validator = new DemoCatalogueValidator(today, reference);
        validator.check(catalogue);
        return List.copyOf(validator.problems);
    }

    private void check(DemoCatalogue catalogue) {
        if (catalogue.producers().isEmpty()) {
            problems.add("the catalogue has no producers");
        }
        Set<String> keys = new HashSet<>();
        Set<String> registrationNumbers = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        Set<String> gtins = new HashSet<>();
        for (DemoCatalogue.Producer producer : catalogue.producers()) {
            String who = "producer \"" + producer.name() + "\"";
            checkProducer(producer, who);
            if (!keys.add(String.valueOf(producer.key()))) {
                problems.add(who + ": key " + producer.key() + " is used twice");
            }
            if (!registrationNumbers.add(String.valueOf(producer.registrationNumber()))) {
                problems.add(who + ": registration number " + producer.registrationNumber() + " is used twice");
            }
            for (DemoCatalogue.Product product : producer.products()) {
                String what = "product \"" + product.name() + "\" (" + who + ")";
                checkProduct(product, what, producer.provinceCode());
                if (product.slug() != null && !slugs.add(product.slug())) {
                    problems.add(what + ": slug " + product.slug() + " is used twice");
                }
                if (product.gtin() != null && !gtins.add(product.gtin())) {
                    problems.add(what + ": GTIN " + product.gtin() + " is used twice");
                }
            }
        }
    }

    private void checkProducer(DemoCatalogue.Producer producer, String who) {
        required(who, "key", producer.key());
        required(who, "name", producer.name());
        required(who, "addressLine", producer.addressLine());
        required(who, "representative", producer.representative());
        nfc(who, producer.name(), producer.addressLine(), producer.representative());
        if (!PRODUCER_TYPES.contains(producer.type())) {
            problems.add(who + ": type " + producer.type() + " is not one of " + PRODUCER_TYPES);
        }
        if (producer.registrationNumber() == null
                || !REGISTRATION_NUMBER.matcher(producer.registrationNumber()).matches()) {
            problems.add(who + ": registration number " + producer.registrationNumber() + " is not 10 digits");
        }
        if (!reference.provinceNames().containsKey(producer.provinceCode())) {
            problems.add(who + ": province " + producer.provinceCode() + " does not exist");
        }
        if (producer.communeCode() == null) {
            problems.add(who + ": has no communeCode");
        } else if (!String.valueOf(producer.provinceCode())
                .equals(reference.communeProvinces().get(producer.communeCode()))) {
            problems.add(who + ": commune " + producer.communeCode() + " does not exist in province "
                    + producer.provinceCode());
        }
        if (producer.products().isEmpty()) {
            problems.add(who + ": has no products");
        }
    }

    private void checkProduct(DemoCatalogue.Product product, String what, String provinceCode) {
        required(what, "name", product.name());
        nfc(what, product.name(), product.description(), product.specifications(), product.ingredientOrigin());
        if (product.slug() == null || !SLUG.matcher(product.slug()).matches()) {
            problems.add(what + ": slug " + product.slug() + " is not lowercase ASCII words joined by hyphens");
        }
        if (!reference.groupNames().containsKey(product.groupCode())) {
            problems.add(what + ": product group " + product.groupCode() + " does not exist");
        }
        if (product.subgroupCode() != null) {
            ReferenceData.Subgroup subgroup = reference.subgroups().get(product.subgroupCode());
            if (subgroup == null) {
                problems.add(what + ": subgroup " + product.subgroupCode() + " does not exist");
            } else if (!subgroup.groupCode().equals(product.groupCode())) {
                problems.add(what + ": subgroup " + product.subgroupCode() + " is not in group " + product.groupCode());
            }
        }
        if (product.gtin() != null && !Gtin.isValid(product.gtin())) {
            problems.add(what + ": GTIN " + product.gtin() + " has a wrong length or check digit");
        }
        if (product.certifications().isEmpty()) {
            problems.add(what + ": has no certificate");
        }
        Set<String> decisions = new HashSet<>();
        for (DemoCatalogue.Certificate certificate : product.certifications()) {
            String which = what + ", certificate " + certificate.decisionNumber() + " of " + certificate.issuingBody();
            if (checkCertificate(certificate, which, provinceCode)) {
                checkStatusChanges(certificate, which);
                String decision = certificate.decisionNumber() + " | " + certificate.issuingBody();
                if (!decisions.add(decision)) {
                    problems.add(which + ": the product has this decision twice");
                }
                LocalDate date = certificate.decisionDate(today);
                LocalDate known = decisionDates.putIfAbsent(decision, date);
                if (known != null && !known.equals(date)) {
                    problems.add(
                            which + ": the same decision is dated " + known + " for another product, here " + date);
                }
            }
        }
    }

    /** Returns whether the certificate is complete enough for the checks that build on it. */
    private boolean checkCertificate(DemoCatalogue.Certificate certificate, String which, String provinceCode) {
        int before = problems.size();
        required(which, "decisionNumber", certificate.decisionNumber());
        required(which, "issuingBody", certificate.issuingBody());
        nfc(which, certificate.decisionNumber(), certificate.issuingBody());
        if (certificate.decisionDaysAgo() == null || certificate.decisionDaysAgo() < 0) {
            problems.add(which + ": decisionDaysAgo must be 0 or more");
        }
        score(which, "scoreA", certificate.scoreA(), 40);
        score(which, "scoreB", certificate.scoreB(), 25);
        score(which, "scoreC", certificate.scoreC(), 35);
        if (problems.size() > before) {
            return false;
        }
        int total = certificate.total();
        LocalDate date = certificate.decisionDate(today);
        String body = certificate.issuingBody();
        String dated = " (dated " + date + ", decisionDaysAgo " + certificate.decisionDaysAgo() + ")";
        if (total < 50) {
            problems.add(which + ": total " + total + " is under 50, which is no certificate (3 stars and up only)");
        }
        if ("MINISTRY".equals(certificate.level()) != total >= 90) {
            problems.add(which + ": total " + total + " at level " + certificate.level()
                    + ", but the ministry certifies exactly the products scoring 90 or more");
        }
        switch (String.valueOf(certificate.level())) {
            case "DISTRICT" -> {
                if (!date.isBefore(REFORM_DATE)) {
                    problems.add(which + ": districts certified only before " + REFORM_DATE + dated);
                }
                if (total >= 70) {
                    problems.add(which + ": districts certified 3 stars only (under 70 points), total is " + total);
                }
                if (!DISTRICT_BODY.matcher(body).matches()) {
                    problems.add(which + ": a district body reads \"UBND huyện|quận|thị xã|thành phố …\"");
                }
            }
            case "PROVINCE" -> {
                var matcher = PROVINCE_BODY.matcher(body);
                if (!matcher.matches()) {
                    problems.add(which + ": a province body reads \"UBND tỉnh|thành phố …\"");
                } else if (!date.isBefore(REFORM_DATE)) {
                    String current = reference.provinceNames().get(provinceCode);
                    if (current != null
                            && !VietnameseText.fold(matcher.group(2)).equals(VietnameseText.fold(current))) {
                        problems.add(which + ": from " + REFORM_DATE + " the issuing province is the current one, "
                                + current + dated);
                    }
                }
                if (date.isBefore(REFORM_DATE) && total < 70) {
                    problems.add(which + ": before " + REFORM_DATE
                            + " provinces certified 4 stars (3 stars was the district's), total is " + total + dated);
                }
            }
            case "MINISTRY" -> {
                if (!date.isBefore(REFORM_DATE) && !MINISTRY.equals(body)) {
                    problems.add(which + ": from " + REFORM_DATE + " the ministry is \"" + MINISTRY + "\"" + dated);
                } else if (date.isBefore(MINISTRY_MERGER_DATE) && !FORMER_MINISTRY.equals(body)) {
                    problems.add(which + ": before " + MINISTRY_MERGER_DATE + " the ministry was \"" + FORMER_MINISTRY
                            + "\"" + dated);
                } else if (!MINISTRY.equals(body) && !FORMER_MINISTRY.equals(body)) {
                    problems.add(which + ": unknown ministry \"" + body + "\"");
                }
            }
            default ->
                problems.add(which + ": level " + certificate.level() + " is not DISTRICT, PROVINCE or MINISTRY");
        }
        if (date.isAfter(today)) {
            problems.add(which + ": dated in the future" + dated);
        }
        return true;
    }

    private void checkStatusChanges(DemoCatalogue.Certificate certificate, String which) {
        String status = "VALID";
        LocalDate since = certificate.decisionDate(today);
        LocalDate validUntil = certificate.validUntil(today);
        for (DemoCatalogue.StatusChange change : certificate.statusChanges()) {
            String step = which + ", status change " + change.decisionNumber();
            required(step, "decisionNumber", change.decisionNumber());
            required(step, "reason", change.reason());
            nfc(step, change.decisionNumber(), change.reason());
            if (!status.equals(change.fromStatus())) {
                problems.add(step + ": goes from " + change.fromStatus() + " but the status then is " + status);
            }
            if (!STATUSES.contains(change.toStatus()) || change.toStatus().equals(change.fromStatus())) {
                problems.add(step + ": cannot go to " + change.toStatus());
            }
            if ("REVOKED".equals(status)) {
                problems.add(step + ": a revoked certificate stays revoked");
            }
            if (change.daysAgo() == null || change.daysAgo() < 0) {
                problems.add(step + ": daysAgo must be 0 or more");
                return;
            }
            LocalDate date = change.decisionDate(today);
            if (date.isBefore(since) || date.isAfter(validUntil)) {
                problems.add(step + ": dated " + date + ", outside " + since + " … " + validUntil);
            }
            status = String.valueOf(change.toStatus());
            since = date;
        }
    }

    private void score(String which, String part, Integer value, int max) {
        if (value == null || value < 0 || value > max) {
            problems.add(which + ": " + part + " " + value + " is not between 0 and " + max);
        }
    }

    private void required(String who, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(who + ": " + field + " is missing");
        }
    }

    private void nfc(String who, String... texts) {
        for (String text : texts) {
            if (text != null && !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                problems.add(who + ": text is not in Unicode NFC: " + text);
            }
        }
    }
}
