package vn.ocop.portal.traceability.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.PageContext;
import vn.ocop.portal.showroom.WhereToBuy;

/**
 * "Where to buy" on the scan page: the display points that stock the stamp's product, as the product page shows them
 * (the same {@link WhereToBuy} answer and fragment). It changes with the time of day ("open now"), the stock and the
 * visitor's place, so it is not part of the page kept in {@link ScanPageCache}: it fills the page's slot per scan.
 * The answer comes from the display-point directory in memory; its HTML is rendered once per answer and language
 * (with the code's placeholder in the "near me" form's address) and kept, so a scan in the steady state neither asks
 * the database nor renders.
 */
@Singleton
class ScanWhereToBuy {

    /** Marks where "where to buy" goes in a kept scan page. */
    static final String SLOT = "<!--ocop:where-to-buy-->";

    private static final int MAX_ENTRIES = 10_000;
    private static final Pattern COORDINATE = Pattern.compile("^-?\\d{1,3}(\\.\\d{1,10})?$");

    /** The visitor's place, when the "near me" form sent one ({@code ?lat=…&lon=…}). */
    record Place(@Nullable Double latitude, @Nullable Double longitude) {
        static final Place UNKNOWN = new Place(null, null);

        static Place of(HttpRequest<?> request) {
            Double latitude = coordinate(request.getParameters().get("lat"));
            Double longitude = coordinate(request.getParameters().get("lon"));
            return latitude == null || longitude == null ? UNKNOWN : new Place(latitude, longitude);
        }

        private static @Nullable Double coordinate(@Nullable String text) {
            return text == null || !COORDINATE.matcher(text.strip()).matches() ? null : Double.valueOf(text.strip());
        }
    }

    private record Key(WhereToBuy.Answer answer, Language language) {}

    private final WhereToBuy whereToBuy;
    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final Cache<Key, ScanPageCache.Template> rendered =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    ScanWhereToBuy(WhereToBuy whereToBuy, ThymeleafViewsRenderer<Map<String, Object>> renderer) {
        this.whereToBuy = whereToBuy;
        this.renderer = renderer;
    }

    /** The part from memory alone, or null when the points must first be read or the part rendered. */
    ScanPageCache.@Nullable Template inMemory(long productId, Place place, Language language) {
        WhereToBuy.Answer answer =
                whereToBuy.inMemory(productId, place.latitude(), place.longitude(), language.locale());
        return answer == null ? null : rendered.getIfPresent(new Key(answer, language));
    }

    /** The part, reading the points and rendering if need be (blocking). */
    ScanPageCache.Template part(long productId, Place place, Language language, HttpRequest<?> request) {
        WhereToBuy.Answer answer =
                whereToBuy.forProduct(productId, place.latitude(), place.longitude(), language.locale());
        return rendered.get(new Key(answer, language), key -> render(answer, language, request));
    }

    private ScanPageCache.Template render(WhereToBuy.Answer answer, Language language, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("whereToBuy", answer);
        // "Near me" reloads the stamp's own page with lat and lon; the code is filled in per scan.
        model.put("whereToBuyAction", (language == Language.EN ? "/en/q/" : "/q/") + ScanPageCache.CODE);
        Language other = language == Language.VI ? Language.EN : Language.VI;
        model.put(PageContext.ATTRIBUTE, new PageContext(language.tag(), other.tag(), "/q/" + ScanPageCache.CODE));
        Writable writable = renderer.render("traceability/scan-where-to-buy", model, request);
        StringWriter out = new StringWriter(4 * 1024);
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScanPageCache.Template.of(out.toString().strip());
    }
}
