package vn.ocop.portal.traceability;

import io.micronaut.context.MessageSource;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.PageContext;

/**
 * Renders scan pages from a cache of rendered pages. Everything on a scan page but the stamp's code and its scan
 * counter is the same for every item of a batch, so a page is rendered once with a placeholder for the code and a
 * marker for the counter, cached under everything it was rendered from (the product, certificate, producer, batch
 * and events as just read from the database, the language and the path), and completed per request. Because the key
 * is the data itself, a revoked certificate or any other change shows at once: it is a new key.
 */
@Singleton
class ScanPageCache {

    /** Stands for the stamp's code in a cached page: 20 characters of the code alphabet, so it groups like one. */
    static final String CODE = "0C0PC0DEP1ACEH01DER0";

    static final String SCANS = "<!--ocop:scans-->";
    private static final int MAX_ENTRIES = 2_000;

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final MessageSource messages;
    private final Map<Key, Template> pages = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Template> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    ScanPageCache(ThymeleafViewsRenderer<Map<String, Object>> renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    private record Key(ScanPage page, Language language, String path) {}

    /**
     * A rendered page cut at its placeholders, already encoded: completing it per request is a few array copies.
     *
     * @param parts the bytes between the placeholders
     * @param slots what goes after each part but the last: {@link #GROUPED}, {@link #PLAIN} or {@link #COUNTER}
     */
    private record Template(byte[][] parts, int[] slots) {

        static Template of(String html) {
            List<byte[]> parts = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            String grouped = StampCodes.grouped(CODE);
            int from = 0;
            while (true) {
                int[] next = {html.indexOf(grouped, from), html.indexOf(CODE, from), html.indexOf(SCANS, from)};
                int slot = -1;
                for (int i = 0; i < next.length; i++) {
                    if (next[i] >= 0 && (slot < 0 || next[i] < next[slot])) {
                        slot = i;
                    }
                }
                if (slot < 0) {
                    parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
                    break;
                }
                parts.add(html.substring(from, next[slot]).getBytes(StandardCharsets.UTF_8));
                slots.add(slot);
                from = next[slot]
                        + (slot == GROUPED ? grouped.length() : slot == PLAIN ? CODE.length() : SCANS.length());
            }
            return new Template(
                    parts.toArray(byte[][]::new),
                    slots.stream().mapToInt(Integer::intValue).toArray());
        }

        byte[] complete(byte[] grouped, byte[] plain, byte[] counter) {
            int size = 0;
            for (byte[] part : parts) {
                size += part.length;
            }
            for (int slot : slots) {
                size += slot == GROUPED ? grouped.length : slot == PLAIN ? plain.length : counter.length;
            }
            byte[] page = new byte[size];
            int at = 0;
            for (int i = 0; i < parts.length; i++) {
                System.arraycopy(parts[i], 0, page, at, parts[i].length);
                at += parts[i].length;
                if (i < slots.length) {
                    byte[] value = slots[i] == GROUPED ? grouped : slots[i] == PLAIN ? plain : counter;
                    System.arraycopy(value, 0, page, at, value.length);
                    at += value.length;
                }
            }
            return page;
        }
    }

    private static final int GROUPED = 0;
    private static final int PLAIN = 1;

    /**
     * The page's HTML, UTF-8.
     *
     * @param page the page with {@link #CODE} for its code and no scans
     * @param scans the item stamp's scans, or null
     * @param path the request path with {@link #CODE} in place of the code
     */
    byte[] html(
            ScanPage page, ScanPage.Scans scans, String code, Language language, String path, HttpRequest<?> request) {
        Key key = new Key(page, language, path);
        Template template;
        synchronized (pages) {
            template = pages.get(key);
        }
        if (template == null) {
            template = Template.of(render(page, scans != null, language, path, request));
            synchronized (pages) {
                pages.put(key, template);
            }
        }
        return template.complete(
                StampCodes.grouped(code).getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII),
                scans == null ? new byte[0] : scans(scans, language.locale()).getBytes(StandardCharsets.UTF_8));
    }

    private String render(ScanPage page, boolean item, Language language, String path, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("code", CODE);
        model.put("scansMarker", item ? SCANS : "");
        Language other = language == Language.VI ? Language.EN : Language.VI;
        model.put(PageContext.ATTRIBUTE, new PageContext(language.tag(), other.tag(), path));
        Writable writable = renderer.render("traceability/scan", model, request);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The scan counter of an item stamp, with the copy warning. */
    private String scans(ScanPage.Scans scans, Locale locale) {
        StringBuilder html = new StringBuilder(512)
                .append("<section class=\"scan-card scans\" data-scans=\"")
                .append(scans.count())
                .append("\"><h2>")
                .append(escape(message("traceability.scans.heading", locale)))
                .append("</h2><p class=\"scan-count\">")
                .append(escape(message("traceability.scans.count", locale, scans.count(), scans.firstOn())))
                .append("</p>");
        if (scans.copyWarning()) {
            html.append("<p class=\"copy-warning\" role=\"alert\">")
                    .append(escape(message("traceability.scans.copy-warning", locale)))
                    .append("</p>");
        }
        return html.append("</section>").toString();
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, locale, arguments).orElse(key);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
