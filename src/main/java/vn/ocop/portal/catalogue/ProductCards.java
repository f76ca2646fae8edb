package vn.ocop.portal.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import vn.ocop.portal.shared.Language;

/**
 * The catalogue's product cards, rendered once and kept: a card shows the same whatever the search that found it,
 * so a results page only puts rendered cards together. A card is kept under everything it shows (the product as the
 * index gave it, and the language), so a changed product is simply a new card; old ones age out.
 */
@Singleton
class ProductCards {

    private static final int MAX_CARDS = 40_000;

    private record Key(CatalogueController.Card card, Language language) {}

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final Cache<Key, String> rendered =
            Caffeine.newBuilder().maximumSize(MAX_CARDS).build();

    ProductCards(ThymeleafViewsRenderer<Map<String, Object>> renderer) {
        this.renderer = renderer;
    }

    /** The card's HTML ({@code <li class="product-card">}). */
    String html(CatalogueController.Card card, Language language, HttpRequest<?> request) {
        return rendered.get(new Key(card, language), key -> render(card, request));
    }

    private String render(CatalogueController.Card card, HttpRequest<?> request) {
        Writable writable = renderer.render("catalogue/card", Map.of("card", card), request);
        StringWriter html = new StringWriter(1024);
        try {
            writable.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString().strip();
    }
}
