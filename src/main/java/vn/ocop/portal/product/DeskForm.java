package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.shared.web.CleanText;

/**
 * What a person typed into a desk form, in NFC and without surrounding spaces, and what is wrong with it: the form
 * goes back with both, so nothing typed is lost. Each error names a message of the product bundle and one number
 * (a limit) it may show.
 */
final class DeskForm {

    /** One field's error: a message key of {@code product_*.properties} and the number it may show. */
    record Problem(String key, int limit) {
        public String getKey() {
            return key;
        }

        public int getLimit() {
            return limit;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{8,20}$");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Problem> errors = new LinkedHashMap<>();

    private DeskForm() {}

    static DeskForm of(Map<String, String> body, List<String> fields) {
        DeskForm form = new DeskForm();
        for (String field : fields) {
            String value = body.get(field);
            form.values.put(
                    field, value == null ? "" : VietnameseText.nfc(value).strip());
        }
        return form;
    }

    static DeskForm filled(Map<String, String> values) {
        DeskForm form = new DeskForm();
        values.forEach((field, value) -> form.values.put(field, value == null ? "" : value));
        return form;
    }

    String get(String field) {
        return values.getOrDefault(field, "");
    }

    @Nullable
    String orNull(String field) {
        String value = get(field);
        return value.isEmpty() ? null : value;
    }

    void set(String field, String value) {
        values.put(field, value);
    }

    void error(String field, String key) {
        error(field, key, 0);
    }

    void error(String field, String key, int limit) {
        errors.putIfAbsent(field, new Problem(key, limit));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** A text that must be there, at most {@code max} characters on one line. */
    void required(String field, int max) {
        if (get(field).isEmpty()) {
            error(field, "product.desk.error.required");
        } else {
            optional(field, max);
        }
    }

    /** A text that may be empty, at most {@code max} characters (line breaks allowed when {@code max > 300}). */
    void optional(String field, int max) {
        String value = get(field);
        if (value.codePointCount(0, value.length()) > max) {
            error(field, "product.desk.error.too-long", max);
        } else if (CleanText.controlAt(value, max > 300) >= 0) {
            error(field, "product.desk.error.control");
        }
    }

    void email(String field) {
        optional(field, 200);
        if (!get(field).isEmpty() && !EMAIL.matcher(get(field)).matches()) {
            error(field, "product.desk.error.email");
        }
    }

    void phone(String field) {
        optional(field, 30);
        if (!get(field).isEmpty() && !PHONE.matcher(get(field)).matches()) {
            error(field, "product.desk.error.phone");
        }
    }

    /** An optional web address: http or https only, with a host. */
    void webAddress(String field) {
        optional(field, 2000);
        if (!get(field).isEmpty() && !isWebAddress(get(field))) {
            error(field, "product.desk.error.url");
        }
    }

    static boolean isWebAddress(String text) {
        if (text.length() > 2000 || text.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, Problem> getErrors() {
        return errors;
    }
}
