package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCOP display and sales point ("điểm giới thiệu và bán sản phẩm OCOP") as staff keep it: where it is, who runs
 * it, its hours, its status with the day it took effect, and the Decision 950/QĐ-BCT criteria it meets.
 */
record DisplayPoint(
        long id,
        Kind kind,
        String name,
        String operator,
        String addressLine,
        String provinceCode,
        String provinceName,
        @Nullable String communeCode,
        @Nullable String communeName,
        double latitude,
        double longitude,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String website,
        Status status,
        LocalDate openedOn,
        LocalDate statusSince,
        List<Criterion> criteria,
        @Nullable LocalDate criteriaCheckedOn,
        OpeningHours hours) {

    /** Where a point stands (the list of locations). */
    enum Kind {
        STATION_AIRPORT,
        HIGHWAY_STOP,
        MARKET_MALL,
        TOURIST_SITE_HOTEL,
        CRAFT_VILLAGE,
        COMMERCIAL_CENTRE,
        FAIR_CENTRE,
        POST_OFFICE,
        OTHER;

        static Optional<Kind> parse(@Nullable String text) {
            for (Kind kind : values()) {
                if (kind.name().equals(text)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    enum Status {
        OPEN,
        TEMPORARILY_CLOSED,
        CLOSED;

        static Optional<Status> parse(@Nullable String text) {
            for (Status status : values()) {
                if (status.name().equals(text)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The checklist kept with a point, after the groups of criteria of Decision 950/QĐ-BCT for display and sales
     * points: location, premises, signage, assortment, product information, prices, staff, payment, legal standing.
     */
    enum Criterion {
        LOCATION,
        PREMISES,
        SIGNAGE,
        OCOP_SHARE,
        PRODUCT_INFORMATION,
        PRICES_LISTED,
        TRAINED_STAFF,
        CASHLESS_PAYMENT,
        LEGAL_STANDING;

        static Optional<Criterion> parse(@Nullable String text) {
            for (Criterion criterion : values()) {
                if (criterion.name().equals(text)) {
                    return Optional.of(criterion);
                }
            }
            return Optional.empty();
        }
    }

    boolean meetsAllCriteria() {
        return criteria.size() == Criterion.values().length;
    }

    /** What the audit log records of a point, before and after a change. */
    Map<String, Object> audited() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", kind.name());
        values.put("name", name);
        values.put("operator", operator);
        values.put("address", addressLine);
        values.put("province", provinceCode);
        values.put("commune", communeCode == null ? "" : communeCode);
        values.put("latitude", latitude);
        values.put("longitude", longitude);
        values.put("phone", phone == null ? "" : phone);
        values.put("email", email == null ? "" : email);
        values.put("website", website == null ? "" : website);
        values.put("status", status.name());
        values.put("openedOn", openedOn.toString());
        values.put("statusSince", statusSince.toString());
        values.put("criteria", criteria.stream().map(Enum::name).toList());
        values.put("hours", hoursAudited(hours));
        return values;
    }

    static Map<String, String> hoursAudited(OpeningHours hours) {
        Map<String, String> values = new LinkedHashMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            values.put(day.name(), hours.weekdayText(day));
        }
        values.put("exceptions", hours.exceptionsText());
        return values;
    }

    // JavaBean getters for the templates.

    public long getId() {
        return id;
    }

    public String getKind() {
        return kind.name();
    }

    public String getName() {
        return name;
    }

    public String getOperator() {
        return operator;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public String getProvinceName() {
        return provinceName;
    }

    public String getCommuneName() {
        return communeName;
    }

    public String getStatus() {
        return status.name();
    }

    public String getStatusSince() {
        return statusSince.toString();
    }

    public int getCriteriaMet() {
        return criteria.size();
    }
}
