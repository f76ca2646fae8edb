package vn.ocop.portal.traceability.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
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
import java.util.concurrent.ConcurrentHashMap;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.PageContext;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampKind;

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

    private final String siteUrl;
    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final MessageSource messages;
    private final StampLookup lookup;
    private final ProductChanges changes;
    private final Cache<Key, Template> pages =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
    private final Map<Language, CounterHtml> counters = new ConcurrentHashMap<>();

    ScanPageCache(
            ThymeleafViewsRenderer<Map<String, Object>> renderer,
            MessageSource messages,
            StampLookup lookup,
            ProductChanges changes,
            @Value("${ocop.public-base-url}") String siteUrl) {
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
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
     * @param slots what goes after each part but the last: {@link #GROUPED}, {@link #PLAIN}, the counter's
     *     marker {@link #SCANS} or "where to buy" ({@link ScanWhereToBuy#SLOT})
     */
    record Template(byte[][] parts, int[] slots) {

        static Template of(String html) {
            List<byte[]> parts = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            String grouped = StampCodes.grouped(CODE);
            int from = 0;
            while (true) {
                int[] next = {
                    html.indexOf(grouped, from),
                    html.indexOf(CODE, from),
                    html.indexOf(SCANS, from),
                    html.indexOf(ScanWhereToBuy.SLOT, from)
                };
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
                        + switch (slot) {
                            case GROUPED -> grouped.length();
                            case PLAIN -> CODE.length();
                            case COUNTER -> SCANS.length();
                            default -> ScanWhereToBuy.SLOT.length();
                        };
            }
            return new Template(
                    parts.toArray(byte[][]::new),
                    slots.stream().mapToInt(Integer::intValue).toArray());
        }

        /**
         * The page of the stamp with this code, for an item stamp its counter, and "where to buy" (a part with code
         * placeholders of its own), in a buffer of Netty's pool (no garbage for the collector; Netty releases it once
         * written).
         */
        ByteBuf complete(String code, @Nullable List<byte[]> counter, @Nullable Template whereToBuy) {
            byte[] plain = code.getBytes(StandardCharsets.US_ASCII);
            byte[] grouped = StampCodes.grouped(code).getBytes(StandardCharsets.US_ASCII);
            int size = size(plain, grouped, counter, whereToBuy);
            ByteBuf page = ByteBufAllocator.DEFAULT.directBuffer(size, size);
            write(page, plain, grouped, counter, whereToBuy);
            return page;
        }

        private int size(byte[] plain, byte[] grouped, @Nullable List<byte[]> counter, @Nullable Template part) {
            int size = 0;
            for (byte[] bytes : parts) {
                size += bytes.length;
            }
            for (int slot : slots) {
                size += switch (slot) {
                    case GROUPED -> grouped.length;
                    case PLAIN -> plain.length;
                    case COUNTER -> length(counter);
                    default -> part == null ? 0 : part.size(plain, grouped, null, null);
                };
            }
            return size;
        }

        private void write(
                ByteBuf page, byte[] plain, byte[] grouped, @Nullable List<byte[]> counter, @Nullable Template part) {
            for (int i = 0; i < parts.length; i++) {
                page.writeBytes(parts[i]);
                if (i < slots.length) {
                    switch (slots[i]) {
                        case GROUPED -> page.writeBytes(grouped);
                        case PLAIN -> page.writeBytes(plain);
                        case COUNTER -> {
                            if (counter != null) {
                                counter.forEach(page::writeBytes);
                            }
                        }
                        default -> {
                            if (part != null) {
                                part.write(page, plain, grouped, null, null);
                            }
                        }
                    }
                }
            }
        }

        private static int length(@Nullable List<byte[]> pieces) {
            int length = 0;
            if (pieces != null) {
                for (byte[] piece : pieces) {
                    length += piece.length;
                }
            }
            return length;
        }
    }

    private static final int GROUPED = 0;
    private static final int PLAIN = 1;
    private static final int COUNTER = 2;

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

    /** The counter of an item stamp's page, with the copy warning: pieces of UTF-8 to put in the page in order. */
    List<byte[]> counter(ScanPage.Scans scans, Language language) {
        return counters.computeIfAbsent(language, this::counterHtml).of(scans);
    }

    private String render(ScanPage page, boolean item, Language language, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("code", CODE);
        model.put("scansMarker", item ? SCANS : "");
        model.put("whereToBuySlot", ScanWhereToBuy.SLOT);
        // "Near me" in "where to buy" asks the browser for its place on a click (the page works without it).
        model.put("pageScripts", List.of("/static/js/display-points.js"));
        Language other = language == Language.VI ? Language.EN : Language.VI;
        // The language switch comes back to the stamp's own address, whichever address it was scanned by.
        model.put(PageContext.ATTRIBUTE, new PageContext(language.tag(), other.tag(), "/q/" + CODE));
        // Rendered outside a request's view processing: the layout's hreflang alternates need the site's address.
        model.put("siteUrl", siteUrl);
        Writable writable = renderer.render("traceability/scan", model, request);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private CounterHtml counterHtml(Language language) {
        Locale locale = language.locale();
        String html = "<section class=\"scan-card scans\" data-scans=\"" + CounterHtml.COUNT + "\"><h2>"
                + escape(message("traceability.scans.heading", locale))
                + "</h2><p class=\"scan-count\">"
                + escape(message(
                        "traceability.scans.count",
                        locale,
                        String.valueOf(CounterHtml.COUNT),
                        String.valueOf(CounterHtml.FIRST)))
                + "</p>";
        // The warning says what it rests on; its figures are filled in per scan (a warning is rare).
        String provinces = "<p class=\"copy-warning\" role=\"alert\" data-basis=\"PROVINCES\">"
                + escape(message("traceability.scans.copy-warning.provinces", locale, "\u0003")) + "</p>";
        String networks = "<p class=\"copy-warning\" role=\"alert\" data-basis=\"NETWORKS\">"
                + escape(message("traceability.scans.copy-warning.networks", locale, "\u0003", "\u0004")) + "</p>";
        byte[] confirmed = ("<p class=\"copy-warning\" role=\"alert\" data-basis=\"CONFIRMED\">"
                        + escape(message("traceability.scans.copy-warning.confirmed", locale)) + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        return CounterHtml.of(html, provinces, networks, confirmed, "</section>");
    }

    /**
     * An item stamp's counter in one language, encoded once, with slots for the figures: {@code <section
     * class="scans">} with the count, the sentence "scanned N times, first on D" and, past the thresholds, the copy
     * warning saying what it rests on (so many provinces, or so many networks on so many days).
     */
    private record CounterHtml(
            byte[][] parts, char[] slots, String provinces, String networks, byte[] confirmed, byte[] end) {

        static final char COUNT = '\u0001';
        static final char FIRST = '\u0002';

        static CounterHtml of(String html, String provinces, String networks, byte[] confirmed, String end) {
            List<byte[]> parts = new ArrayList<>();
            StringBuilder slots = new StringBuilder();
            int from = 0;
            for (int i = 0; i < html.length(); i++) {
                char c = html.charAt(i);
                if (c == COUNT || c == FIRST) {
                    parts.add(html.substring(from, i).getBytes(StandardCharsets.UTF_8));
                    slots.append(c);
                    from = i + 1;
                }
            }
            parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
            return new CounterHtml(
                    parts.toArray(byte[][]::new),
                    slots.toString().toCharArray(),
                    provinces,
                    networks,
                    confirmed,
                    end.getBytes(StandardCharsets.UTF_8));
        }

        List<byte[]> of(ScanPage.Scans scans) {
            byte[] count = Long.toString(scans.count()).getBytes(StandardCharsets.US_ASCII);
            byte[] first = scans.firstOn().getBytes(StandardCharsets.UTF_8);
            List<byte[]> pieces = new ArrayList<>(2 * parts.length + 2);
            for (int i = 0; i < parts.length; i++) {
                pieces.add(parts[i]);
                if (i < slots.length) {
                    pieces.add(slots[i] == COUNT ? count : first);
                }
            }
            if (scans.warning() == CopyWarning.PROVINCES) {
                pieces.add(provinces
                        .replace("\u0003", Integer.toString(scans.provinces()))
                        .getBytes(StandardCharsets.UTF_8));
            } else if (scans.warning() == CopyWarning.NETWORKS) {
                pieces.add(networks.replace("\u0003", Integer.toString(scans.networks()))
                        .replace("\u0004", Integer.toString(scans.days()))
                        .getBytes(StandardCharsets.UTF_8));
            } else if (scans.warning() == CopyWarning.CONFIRMED) {
                pieces.add(confirmed);
            }
            pieces.add(end);
            return pieces;
        }
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
