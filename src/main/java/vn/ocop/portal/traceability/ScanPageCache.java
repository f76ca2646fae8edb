package vn.ocop.portal.traceability;

import io.micronaut.context.MessageSource;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final Map<Key, String> pages = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    ScanPageCache(ThymeleafViewsRenderer<Map<String, Object>> renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    private record Key(ScanPage page, Language language, String path) {}

    /**
     * The page's HTML.
     *
     * @param page the page with {@link #CODE} for its code and no scans
     * @param scans the item stamp's scans, or null
     * @param path the request path with {@link #CODE} in place of the code
     */
    String html(
            ScanPage page, ScanPage.Scans scans, String code, Language language, String path, HttpRequest<?> request) {
        Key key = new Key(page, language, path);
        String html;
        synchronized (pages) {
            html = pages.get(key);
        }
        if (html == null) {
            html = render(page, scans != null, language, path, request);
            synchronized (pages) {
                pages.put(key, html);
            }
        }
        return html.replace(StampCodes.grouped(CODE), StampCodes.grouped(code))
                .replace(CODE, code)
                .replace(SCANS, scans == null ? "" : scans(scans, language.locale()));
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
