package vn.ocop.portal.traceability.batch;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Scope;

/**
 * A batch form as sent: the fields as typed (kept to show the form again), and what is wrong with them, as message
 * keys by field. The product must lie within the caller's scope; the lot is a GS1 lot (AI 10: up to 20 printable
 * ASCII characters), unique for its product.
 */
final class BatchForm {

    static final int ORIGIN_MAX = 500;
    static final int QUANTITY_MAX = 100_000_000;

    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();

    @Nullable
    BatchDesk.ProductOption product;

    private BatchForm() {}

    static BatchForm of(BatchDesk.BatchRow batch) {
        BatchForm form = new BatchForm();
        form.fields.put("product", Long.toString(batch.productId()));
        form.fields.put("lot", batch.lotNumber());
        form.fields.put("productionDate", batch.productionDate().toString());
        form.fields.put(
                "expiryDate",
                batch.expiryDate() == null ? "" : batch.expiryDate().toString());
        form.fields.put("quantity", Integer.toString(batch.quantity()));
        form.fields.put("originCommune", batch.originCommuneCode() == null ? "" : batch.originCommuneCode());
        form.fields.put("originText", batch.originText());
        return form;
    }

    static BatchForm empty(@Nullable Long product) {
        BatchForm form = new BatchForm();
        for (String name :
                new String[] {"lot", "productionDate", "expiryDate", "quantity", "originCommune", "originText"}) {
            form.fields.put(name, "");
        }
        form.fields.put("product", product == null ? "" : product.toString());
        return form;
    }

    /**
     * The form as a picker's search brings it back (a GET with the fields as they were shown): the fields sent, the
     * others as in {@code base}; nothing checked yet.
     */
    static BatchForm shown(Map<String, String> sent, BatchForm base) {
        BatchForm form = new BatchForm();
        for (Map.Entry<String, String> field : base.fields.entrySet()) {
            String value = sent.get(field.getKey());
            form.fields.put(
                    field.getKey(),
                    value == null ? field.getValue() : VietnameseText.nfc(value).strip());
        }
        return form;
    }

    /** Reads and checks a sent form; {@code batchId} is the batch being edited, null for a new one. */
    static BatchForm read(Map<String, String> sent, BatchDesk desk, Scope scope, @Nullable Long batchId) {
        BatchForm form = new BatchForm();
        for (String name : new String[] {
            "product", "lot", "productionDate", "expiryDate", "quantity", "originCommune", "originText"
        }) {
            form.fields.put(
                    name, VietnameseText.nfc(sent.getOrDefault(name, "")).strip());
        }
        Long productId = number(form.fields.get("product"));
        if (productId != null) {
            form.product = desk.product(productId, scope).orElse(null);
        }
        if (form.product == null) {
            form.errors.put("product", "batch.error.product");
        }
        String lot = form.fields.get("lot");
        if (!lot.matches("[!-~]{1,20}")) {
            form.errors.put("lot", "batch.error.lot");
        } else if (form.product != null && desk.lotTaken(form.product.id(), lot, batchId)) {
            form.errors.put("lot", "batch.error.lot-taken");
        }
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Optional<LocalDate> production = date(form.fields.get("productionDate"));
        if (production.isEmpty()) {
            form.errors.put("productionDate", "batch.error.production-date");
        } else if (production.get().isAfter(today)) {
            form.errors.put("productionDate", "batch.error.production-future");
        }
        String expiryText = form.fields.get("expiryDate");
        Optional<LocalDate> expiry = date(expiryText);
        if (!expiryText.isEmpty() && expiry.isEmpty()) {
            form.errors.put("expiryDate", "batch.error.expiry-date");
        } else if (expiry.isPresent() && production.isPresent() && !expiry.get().isAfter(production.get())) {
            form.errors.put("expiryDate", "batch.error.expiry-before");
        }
        Long quantity = number(form.fields.get("quantity"));
        if (quantity == null || quantity < 1 || quantity > QUANTITY_MAX) {
            form.errors.put("quantity", "batch.error.quantity");
        }
        String commune = form.fields.get("originCommune");
        if (!commune.isEmpty() && (!commune.matches("[0-9]{5}") || !desk.communeExists(commune))) {
            form.errors.put("originCommune", "batch.error.commune");
        }
        String origin = form.fields.get("originText");
        if (origin.codePointCount(0, origin.length()) > ORIGIN_MAX) {
            form.errors.put("originText", "batch.error.origin-text");
        }
        return form;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    BatchDesk.BatchValues values() {
        String commune = fields.get("originCommune");
        String expiry = fields.get("expiryDate");
        return new BatchDesk.BatchValues(
                product.id(),
                fields.get("lot"),
                LocalDate.parse(fields.get("productionDate")),
                expiry.isEmpty() ? null : LocalDate.parse(expiry),
                Integer.parseInt(fields.get("quantity")),
                commune.isEmpty() ? null : commune,
                fields.get("originText"));
    }

    @Nullable
    static Long number(@Nullable String text) {
        if (text == null || !text.matches("[0-9]{1,15}")) {
            return null;
        }
        return Long.parseLong(text);
    }

    static Optional<LocalDate> date(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() < 1900 || date.getYear() > 2200 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
