package vn.ocop.portal.traceability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.PageContext;

/**
 * Scan pages kept in memory, rendered and encoded. Everything on a scan page but the stamp's code and its scan
 * counter is the same for every stamp of a kind in a batch, so a page is rendered once with a placeholder for the
 * code and a marker for the counter, and completed per scan with a few array copies. A page is kept for its product,
 * batch, stamp kind, language and day (the verdict depends on the date), and dropped as soon as PostgreSQL announces
 * a change to its product ({@link ProductChanges}); while those notices cannot be heard, pages are rendered from the
 * database on every scan and not kept.
 */
@Singleton
class ScanPageCache {

    /** Stands for the stamp's code in a cached page: 20 characters of the code alphabet, so it groups like one. */
    static final String CODE = "0C0PC0DEP1ACEH01DER0";

    static final String SCANS = "<!--ocop:scans-->";
    private static final int MAX_ENTRIES = 10_000;

    /** What a kept page was rendered for. */
    private record Key(long productId, @Nullable Long batchId, StampKind kind, Language language, LocalDate day) {}

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final MessageSource messages;
    private final StampLookup lookup;
    private final ProductChanges changes;
    private final Cache<Key, Template> pages =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    ScanPageCache(
            ThymeleafViewsRenderer<Map<String, Object>> renderer,
            MessageSource messages,
            StampLookup lookup,
            ProductChanges changes) {
        this.renderer = renderer;
        this.messages = messages;
        this.lookup = lookup;
        this.changes = changes;
        changes.onChange(product -> {
            if (product == ProductChanges.ALL) {
                pages.invalidateAll();
            } else {
                pages.asMap().keySet().removeIf(key -> key.productId() == product);
            }
        });
    }

    /**
     * A rendered page cut at its placeholders, already encoded: completing it per request is a few array copies.
     *
     * @param parts the bytes between the placeholders
     * @param slots what goes after each part but the last: {@link #GROUPED}, {@link #PLAIN} or {@link #COUNTER}
     */
    record Template(byte[][] parts, int[] slots) {

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

        /** The page of the stamp with this code, with its counter (empty for product and batch stamps). */
        byte[] complete(String code, byte[] counter) {
            return complete(
                    StampCodes.grouped(code).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII),
                    counter);
        }

        private byte[] complete(byte[] grouped, byte[] plain, byte[] counter) {
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

    /** A stamp's page, if it is in memory: never asks the database nor renders. */
    @Nullable
    Template inMemory(IssuedStamps.IssuedStamp stamp, Language language, LocalDate day) {
        return pages.getIfPresent(key(stamp, language, day));
    }

    /**
     * A stamp's page, from memory or read from the database and rendered (blocking); empty if its product is gone.
     */
    Optional<Template> page(IssuedStamps.IssuedStamp stamp, Language language, LocalDate day, HttpRequest<?> request) {
        Key key = key(stamp, language, day);
        Template kept = pages.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        // A change announced while the page was read and rendered may not be in it: then it is not kept.
        boolean heard = changes.listening();
        long epoch = changes.epoch();
        Optional<Template> rendered = lookup.facts(stamp.productId(), stamp.batchId())
                .map(facts -> Template.of(render(
                        ScanPage.of(CODE, stamp.kind(), facts, language, day),
                        stamp.kind() == StampKind.ITEM,
                        language,
                        request)));
        if (rendered.isPresent() && heard && changes.listening() && changes.epoch() == epoch) {
            pages.put(key, rendered.get());
        }
        return rendered;
    }

    private static Key key(IssuedStamps.IssuedStamp stamp, Language language, LocalDate day) {
        return new Key(stamp.productId(), stamp.batchId(), stamp.kind(), language, day);
    }

    /** The counter of an item stamp's page, with the copy warning, UTF-8. */
    byte[] counter(ScanPage.Scans scans, Language language) {
        return scans(scans, language.locale()).getBytes(StandardCharsets.UTF_8);
    }

    private String render(ScanPage page, boolean item, Language language, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("code", CODE);
        model.put("scansMarker", item ? SCANS : "");
        Language other = language == Language.VI ? Language.EN : Language.VI;
        // The language switch comes back to the stamp's own address, whichever address it was scanned by.
        model.put(PageContext.ATTRIBUTE, new PageContext(language.tag(), other.tag(), "/q/" + CODE));
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
