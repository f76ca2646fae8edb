package vn.ocop.portal.fair;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Enums;

/**
 * A trade fair or promotion event (hội chợ, triển lãm, hội nghị kết nối giao thương, tuần lễ OCOP): what, where,
 * when, who organises it and which province's commerce staff keep it ({@code managedByProvince}; null: national).
 */
record Fair(
        long id,
        String name,
        @Nullable String nameEn,
        Kind kind,
        String organiser,
        String venue,
        String addressLine,
        String provinceCode,
        String provinceName,
        String provinceNameEn,
        @Nullable String communeCode,
        @Nullable String communeName,
        @Nullable String communeNameEn,
        @Nullable Double latitude,
        @Nullable Double longitude,
        LocalDate startsOn,
        LocalDate endsOn,
        @Nullable LocalDate applicationsUntil,
        String description,
        @Nullable String descriptionEn,
        Status status,
        @Nullable Integer visitors,
        @Nullable String managedByProvince,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    enum Kind {
        FAIR,
        EXHIBITION,
        TRADE_CONNECTION,
        OCOP_WEEK;

        static Optional<Kind> parse(@Nullable String text) {
            return Enums.named(Kind.class, text);
        }
    }

    /** DRAFT is for staff only; the others are public. */
    enum Status {
        DRAFT,
        ANNOUNCED,
        POSTPONED,
        CANCELLED;

        static Optional<Status> parse(@Nullable String text) {
            return Enums.named(Status.class, text);
        }
    }

    /** Where an event stands by its dates on a day: not begun, running, or over. */
    enum When {
        UPCOMING,
        RUNNING,
        PAST;

        static Optional<When> parse(@Nullable String text) {
            return Enums.named(When.class, text == null ? null : text.toUpperCase(Locale.ROOT));
        }
    }

    When when(LocalDate today) {
        if (today.isBefore(startsOn)) {
            return When.UPCOMING;
        }
        return today.isAfter(endsOn) ? When.PAST : When.RUNNING;
    }

    /** Whether a producer may apply on the portal on this day. */
    boolean takesApplications(LocalDate today) {
        return status == Status.ANNOUNCED && applicationsUntil != null && !today.isAfter(applicationsUntil);
    }

    boolean isPublic() {
        return status != Status.DRAFT;
    }

    String name(boolean english) {
        return english && nameEn != null ? nameEn : name;
    }

    String description(boolean english) {
        return english && descriptionEn != null && !descriptionEn.isBlank() ? descriptionEn : description;
    }

    String provinceName(boolean english) {
        return english ? provinceNameEn : provinceName;
    }

    /** The venue, address and place in one line. */
    public String location(boolean english) {
        String commune = english && communeNameEn != null ? communeNameEn : communeName;
        return venue + ", " + addressLine + ", " + (commune == null ? "" : commune + ", ") + provinceName(english);
    }

    Map<String, Object> audited() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("nameEn", nameEn == null ? "" : nameEn);
        values.put("kind", kind.name());
        values.put("organiser", organiser);
        values.put("venue", venue);
        values.put("address", addressLine);
        values.put("province", provinceCode);
        values.put("commune", communeCode == null ? "" : communeCode);
        values.put("latitude", latitude == null ? "" : latitude);
        values.put("longitude", longitude == null ? "" : longitude);
        values.put("startsOn", startsOn.toString());
        values.put("endsOn", endsOn.toString());
        values.put("applicationsUntil", applicationsUntil == null ? "" : applicationsUntil.toString());
        values.put("status", status.name());
        values.put("visitors", visitors == null ? "" : visitors);
        values.put("managedBy", managedByProvince == null ? "" : managedByProvince);
        return values;
    }
}
