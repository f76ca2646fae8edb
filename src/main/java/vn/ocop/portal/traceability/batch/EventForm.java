package vn.ocop.portal.traceability.batch;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.traceability.TraceEventType;

/**
 * A traceability event form as sent (what, when in Vietnam time, where, why), kept as typed, with what is wrong as
 * message keys by field.
 */
final class EventForm {

    static final int WHAT_MAX = 500;
    static final int PLACE_MAX = 200;
    static final int WHY_MAX = 500;

    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();

    private EventForm() {}

    static EventForm empty() {
        EventForm form = new EventForm();
        for (String name : new String[] {"type", "occurredAt", "what", "place", "placeCommune", "why"}) {
            form.fields.put(name, "");
        }
        return form;
    }

    static EventForm of(BatchDesk.EventRow event) {
        EventForm form = new EventForm();
        form.fields.put("type", event.type().name());
        form.fields.put("occurredAt", event.occurredAtLocal());
        form.fields.put("what", event.what());
        form.fields.put("place", event.place());
        form.fields.put("placeCommune", event.placeCommuneCode() == null ? "" : event.placeCommuneCode());
        form.fields.put("why", event.why());
        return form;
    }

    static EventForm read(Map<String, String> sent, BatchDesk desk) {
        EventForm form = new EventForm();
        for (String name : new String[] {"type", "occurredAt", "what", "place", "placeCommune", "why"}) {
            form.fields.put(
                    name, VietnameseText.nfc(sent.getOrDefault(name, "")).strip());
        }
        if (type(form.fields.get("type")) == null) {
            form.errors.put("type", "batch.error.event-type");
        }
        LocalDateTime when = when(form.fields.get("occurredAt"));
        if (when == null) {
            form.errors.put("occurredAt", "batch.error.occurred-at");
        } else if (when.isAfter(LocalDateTime.now(VietnamTime.ZONE).plusDays(1))) {
            form.errors.put("occurredAt", "batch.error.occurred-future");
        }
        check(form, "what", WHAT_MAX, true);
        check(form, "place", PLACE_MAX, true);
        check(form, "why", WHY_MAX, false);
        String commune = form.fields.get("placeCommune");
        if (!commune.isEmpty() && (!commune.matches("[0-9]{5}") || !desk.communeExists(commune))) {
            form.errors.put("placeCommune", "batch.error.commune");
        }
        return form;
    }

    private static void check(EventForm form, String field, int max, boolean required) {
        String value = form.fields.get(field);
        int length = value.codePointCount(0, value.length());
        if ((required && length == 0) || length > max) {
            form.errors.put(field, "batch.error." + field);
        }
    }

    boolean valid() {
        return errors.isEmpty();
    }

    BatchDesk.EventValues values() {
        String commune = fields.get("placeCommune");
        return new BatchDesk.EventValues(
                type(fields.get("type")),
                when(fields.get("occurredAt")),
                fields.get("what"),
                fields.get("place"),
                commune.isEmpty() ? null : commune,
                fields.get("why"));
    }

    @Nullable
    static TraceEventType type(@Nullable String text) {
        for (TraceEventType type : TraceEventType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        return null;
    }

    /** A {@code datetime-local} value (minutes, or seconds). */
    @Nullable
    static LocalDateTime when(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime when = LocalDateTime.parse(text);
            return when.getYear() < 1900 || when.getYear() > 2200 ? null : when;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
