package vn.ocop.portal.product;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.ocop.portal.staff.Scope;

/** Small text rules the desks share: LIKE patterns, audit differences, times as shown. */
final class DeskText {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private DeskText() {}

    /** A time as the desks show it: Vietnam's clock. */
    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    /**
     * The scope's condition for a list query, the same as {@link Scope#condition} but written for this scope only
     * (a national list has none): the lists are the desks' busiest queries, and a plan PostgreSQL keeps for a
     * prepared statement should not have to allow for every scope at once.
     */
    static String within(Scope scope, List<Object> parameters, String provinceColumn, String producerColumn) {
        if (scope.producerId() != null) {
            parameters.add(scope.producerId());
            return producerColumn + " = ?";
        }
        if (scope.provinceCode() != null) {
            parameters.add(scope.provinceCode());
            return provinceColumn + " = ?";
        }
        return "true";
    }

    /** The text with LIKE's wildcards and escape character taken literally. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The fields whose values differ: the old values ({@code before}) or the new ones. */
    static Map<String, String> changed(Map<String, String> old, Map<String, String> now, boolean before) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            String was = old.get(entry.getKey());
            if (!Objects.equals(blank(was), blank(entry.getValue()))) {
                changed.put(entry.getKey(), before ? blank(was) : blank(entry.getValue()));
            }
        }
        return changed;
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }
}
