package vn.ocop.portal.fair;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.ocop.portal.shared.Coordinates;
import vn.ocop.portal.shared.VietnameseText;

/**
 * The create / edit form of a fair: reads what was typed, keeps it to show back, and names every field that is
 * wrong (message keys {@code fair.desk.error.<field>}). The desk checks the province and commune against the
 * database.
 */
final class FairForm {

    static final List<String> FIELDS = List.of(
            "name",
            "nameEn",
            "kind",
            "organiser",
            "venue",
            "address",
            "province",
            "commune",
            "latitude",
            "longitude",
            "startsOn",
            "endsOn",
            "applicationsUntil",
            "status",
            "visitors",
            "description",
            "descriptionEn");

    private static final Pattern COUNT = Pattern.compile("^\\d{1,9}$");

    /** What a valid form says. */
    record Draft(
            String name,
            @Nullable String nameEn,
            Fair.Kind kind,
            String organiser,
            String venue,
            String addressLine,
            String provinceCode,
            @Nullable String communeCode,
            @Nullable Double latitude,
            @Nullable Double longitude,
            LocalDate startsOn,
            LocalDate endsOn,
            @Nullable LocalDate applicationsUntil,
            Fair.Status status,
            @Nullable Integer visitors,
            String description,
            @Nullable String descriptionEn) {}

    final Map<String, String> values;
    final Set<String> errors = new LinkedHashSet<>();

    @Nullable
    Draft draft;

    private FairForm(Map<String, String> values) {
        this.values = values;
    }

    static FairForm of(Fair fair) {
        Map<String, String> values = new HashMap<>();
        values.put("name", fair.name());
        values.put("nameEn", orEmpty(fair.nameEn()));
        values.put("kind", fair.kind().name());
        values.put("organiser", fair.organiser());
        values.put("venue", fair.venue());
        values.put("address", fair.addressLine());
        values.put("province", fair.provinceCode());
        values.put("commune", orEmpty(fair.communeCode()));
        values.put("latitude", fair.latitude() == null ? "" : fair.latitude().toString());
        values.put("longitude", fair.longitude() == null ? "" : fair.longitude().toString());
        values.put("startsOn", fair.startsOn().toString());
        values.put("endsOn", fair.endsOn().toString());
        values.put(
                "applicationsUntil",
                fair.applicationsUntil() == null ? "" : fair.applicationsUntil().toString());
        values.put("status", fair.status().name());
        values.put("visitors", fair.visitors() == null ? "" : fair.visitors().toString());
        values.put("description", fair.description());
        values.put("descriptionEn", orEmpty(fair.descriptionEn()));
        return new FairForm(values);
    }

    static FairForm blank(@Nullable String provinceCode, LocalDate today) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            values.put(field, "");
        }
        values.put("kind", Fair.Kind.FAIR.name());
        values.put("province", provinceCode == null ? "" : provinceCode);
        values.put("status", Fair.Status.DRAFT.name());
        values.put("startsOn", today.plusDays(30).toString());
        values.put("endsOn", today.plusDays(33).toString());
        values.put("applicationsUntil", today.plusDays(20).toString());
        return new FairForm(values);
    }

    static FairForm read(Map<String, String> posted) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = posted.get(field);
            values.put(field, VietnameseText.nfc(value == null ? "" : value).strip());
        }
        FairForm form = new FairForm(values);
        form.validate();
        return form;
    }

    String value(String name) {
        return values.getOrDefault(name, "");
    }

    private void validate() {
        String name = text("name", 200, true);
        String nameEn = text("nameEn", 200, false);
        Fair.Kind kind = Fair.Kind.parse(value("kind")).orElse(null);
        if (kind == null) {
            errors.add("kind");
        }
        String organiser = text("organiser", 200, true);
        String venue = text("venue", 200, true);
        String address = text("address", 300, true);
        String province = value("province");
        if (!province.matches("^\\d{2}$")) {
            errors.add("province");
        }
        String commune = value("commune");
        if (!commune.isEmpty() && !commune.matches("^\\d{5}$")) {
            errors.add("commune");
        }
        Double latitude = coordinate("latitude", 90);
        Double longitude = coordinate("longitude", 180);
        if (!errors.contains("latitude")
                && !errors.contains("longitude")
                && (latitude == null) != (longitude == null)) {
            errors.add(latitude == null ? "latitude" : "longitude");
        }
        LocalDate startsOn = date("startsOn", true);
        LocalDate endsOn = date("endsOn", true);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add("endsOn");
        }
        LocalDate applicationsUntil = date("applicationsUntil", false);
        if (applicationsUntil != null && endsOn != null && applicationsUntil.isAfter(endsOn)) {
            errors.add("applicationsUntil");
        }
        Fair.Status status = Fair.Status.parse(value("status")).orElse(null);
        if (status == null) {
            errors.add("status");
        }
        Integer visitors = null;
        String visitorsText =
                value("visitors").replace(".", "").replace(",", "").replace(" ", "");
        if (!visitorsText.isEmpty()) {
            if (COUNT.matcher(visitorsText).matches()) {
                visitors = Integer.parseInt(visitorsText);
            } else {
                errors.add("visitors");
            }
        }
        String description = text("description", 5000, false);
        String descriptionEn = text("descriptionEn", 5000, false);
        if (errors.isEmpty()) {
            draft = new Draft(
                    name,
                    nameEn.isEmpty() ? null : nameEn,
                    kind,
                    organiser,
                    venue,
                    address,
                    province,
                    commune.isEmpty() ? null : commune,
                    latitude,
                    longitude,
                    startsOn,
                    endsOn,
                    applicationsUntil,
                    status,
                    visitors,
                    description,
                    descriptionEn.isEmpty() ? null : descriptionEn);
        }
    }

    private String text(String field, int max, boolean required) {
        String text = value(field);
        if ((required && text.isEmpty()) || text.codePointCount(0, text.length()) > max) {
            errors.add(field);
        }
        return text;
    }

    private @Nullable Double coordinate(String field, double bound) {
        if (value(field).isEmpty()) {
            return null;
        }
        Double degrees = Coordinates.degrees(value(field), bound);
        if (degrees == null) {
            errors.add(field);
        }
        return degrees;
    }

    private @Nullable LocalDate date(String field, boolean required) {
        String text = value(field);
        if (text.isEmpty()) {
            if (required) {
                errors.add(field);
            }
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 1990 || day.getYear() > 2100) {
                errors.add(field);
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
