package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the desks answer: pages of a view, redirects after a write, and the differences a conflict page shows. */
final class DeskPages {

    static final int PAGE_SIZE = 50;

    private DeskPages() {}

    static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>(view, model));
    }

    static HttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static int pageNumber(@Nullable Integer page) {
        return page == null || page < 1 ? 1 : Math.min(page, 100_000);
    }

    static long pages(long total) {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    static String blank(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * The fields where what somebody else saved differs from what this person typed: the conflict page shows both
     * side by side.
     */
    static List<Difference> differences(
            Map<String, String> saved, Map<String, String> typed, List<String> fields, String labelPrefix) {
        List<Difference> differences = new ArrayList<>();
        for (String field : fields) {
            String theirs = blank(saved.get(field));
            String yours = blank(typed.get(field));
            if (!Objects.equals(theirs, yours)) {
                differences.add(new Difference(field, labelPrefix + field, theirs, yours));
            }
        }
        return differences;
    }

    /** One field of a conflict: its label, what was saved meanwhile, what this person typed. */
    record Difference(String field, String labelKey, String saved, String typed) {
        public String getField() {
            return field;
        }

        public String getLabelKey() {
            return labelKey;
        }

        public String getSaved() {
            return saved;
        }

        public String getTyped() {
            return typed;
        }
    }
}
