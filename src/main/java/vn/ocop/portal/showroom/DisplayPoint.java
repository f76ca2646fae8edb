package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Enums;

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
            return Enums.named(Kind.class, text);
        }
    }

    enum Status {
        OPEN,
        TEMPORARILY_CLOSED,
        CLOSED;

        static Optional<Status> parse(@Nullable String text) {
            return Enums.named(Status.class, text);
        }
    }

    /**
     * The groups of the checklist, after the sections of the criteria of Decision 950/QĐ-BCT (Bộ Công Thương,
     * 18/04/2023, "Tiêu chí Điểm giới thiệu và bán sản phẩm thuộc Chương trình Mỗi xã một sản phẩm (OCOP) giai
     * đoạn 2023-2025"), section II: 1. the point's location, 2. the products it carries, 3. the premises and how the
     * point is run.
     */
    enum CriteriaGroup {
        LOCATION,
        PRODUCTS,
        PREMISES_AND_OPERATION
    }

    /**
     * The checklist kept with a point, by the Decision's groups. Sources read (December 2026, through the search
     * tool; the Decision's own text was not reachable, only summaries that quote it): luatvietnam.vn (the Decision's
     * record: 950/QĐ-BCT, 18/04/2023, signed by Phan Thị Thắng), langngheviet.com.vn, baohatinh.vn, baokiemtoan.vn
     * and kythuatchonghanggia.vn ("Tiêu chí Điểm giới thiệu và bán sản phẩm OCOP giai đoạn 2023-2025"), which give
     * sections II.1 (location: convenient traffic, many passers-by, tourists or a dense neighbourhood — stations,
     * airports, bus and boat stations, highway and national-road stops, malls, supermarkets, markets, tourist sites,
     * restaurants, hotels, craft villages, commune and district commercial centres, industrial clusters, fair and
     * exhibition centres, post offices) and II.2 (products: meet market demand and consumers' taste; quality
     * standards and the law on consumers' health, safety and the environment; 3★ OCOP or better, the province's key
     * products, typical rural industrial or agricultural products, local specialties). Section II.3 (premises and
     * operation) was not in what could be read: its items keep the portal's own words, with the signage after the
     * OCOP sign design of Decision 3041/QĐ-BCT (2019).
     */
    enum Criterion {
        LOCATION(CriteriaGroup.LOCATION),
        MARKET_DEMAND(CriteriaGroup.PRODUCTS),
        QUALITY_AND_SAFETY(CriteriaGroup.PRODUCTS),
        OCOP_PRODUCTS(CriteriaGroup.PRODUCTS),
        PRODUCT_INFORMATION(CriteriaGroup.PRODUCTS),
        PREMISES(CriteriaGroup.PREMISES_AND_OPERATION),
        SIGNAGE(CriteriaGroup.PREMISES_AND_OPERATION),
        PRICES_LISTED(CriteriaGroup.PREMISES_AND_OPERATION),
        TRAINED_STAFF(CriteriaGroup.PREMISES_AND_OPERATION),
        CASHLESS_PAYMENT(CriteriaGroup.PREMISES_AND_OPERATION),
        LEGAL_STANDING(CriteriaGroup.PREMISES_AND_OPERATION);

        final CriteriaGroup group;

        Criterion(CriteriaGroup group) {
            this.group = group;
        }

        static Optional<Criterion> parse(@Nullable String text) {
            return Enums.named(Criterion.class, text);
        }

        /** Whether these names (as stored) include every criterion; names no longer in the list do not count. */
        static boolean all(List<String> names) {
            return java.util.Arrays.stream(values()).allMatch(c -> names.contains(c.name()));
        }

        /** The checklist as the form shows it: each group's name and its criteria's names, in order. */
        static Map<String, List<String>> byGroup() {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (Criterion criterion : values()) {
                groups.computeIfAbsent(criterion.group.name(), g -> new java.util.ArrayList<>())
                        .add(criterion.name());
            }
            return groups;
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
