package vn.ocop.portal.catalogue;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import vn.ocop.portal.search.CatalogueQuery;
import vn.ocop.portal.search.CatalogueResult;
import vn.ocop.portal.search.ProductDocument;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.ServerTiming;

/**
 * {@code /products}: the catalogue. Search text, facets (group, stars, province, producer type; several values of
 * a facet widen, facets narrow), sort and page all live in the query string.
 *
 * <p>Answers on the Netty event loop that read the request: nothing here blocks (the search leaves without holding
 * the thread, see {@link vn.ocop.portal.search.ProductSearch#search}), and the page is rendered on the loop the
 * search's answer arrives on, the same one.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class CatalogueController {

    static final int PAGE_SIZE = 24;

    private final CatalogueService catalogue;
    private final ProductCards productCards;
    private final HttpLocaleResolver locales;
    private final MessageSource messages;

    CatalogueController(
            CatalogueService catalogue,
            ProductCards productCards,
            HttpLocaleResolver locales,
            @Named("catalogue") MessageSource messages) {
        this.catalogue = catalogue;
        this.productCards = productCards;
        this.locales = locales;
        this.messages = messages;
    }

    @Get(uris = {"/products", "/en/products"})
    CompletableFuture<HttpResponse<ModelAndView<Map<String, Object>>>> products(HttpRequest<?> request) {
        return catalogue.search(request.getParameters(), PAGE_SIZE, false).thenApply(view -> page(request, view));
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request, CatalogueService.View view) {
        CatalogueState state = view.state();
        CatalogueResult result = view.result();
        Locale locale = locales.resolveOrDefault(request);
        Labels labels = new Labels(view.names(), messages, locale);

        List<Facet> facets = new ArrayList<>();
        for (String facet : CatalogueResult.FACETS) {
            Set<String> selected = state.selected(facet);
            List<FacetValue> values = new ArrayList<>();
            for (String key : view.shownValues(facet, labels)) {
                values.add(new FacetValue(
                        key,
                        labels.of(facet, key),
                        view.count(facet, key),
                        selected.contains(key),
                        state.toggle(facet, key).url()));
            }
            if (!values.isEmpty()) {
                facets.add(new Facet(facet, Labels.text(messages, "catalogue.facet." + facet, locale), values));
            }
        }
        List<Chip> chips = new ArrayList<>();
        for (String facet : CatalogueResult.FACETS) {
            for (String key : state.selected(facet)) {
                String label = labels.of(facet, key);
                chips.add(new Chip(
                        facet + ":" + key,
                        label,
                        Labels.text(messages, "catalogue.chip.remove", locale, label),
                        state.toggle(facet, key).url()));
            }
        }
        List<SortLink> sorts = new ArrayList<>();
        for (CatalogueQuery.Sort sort : CatalogueQuery.Sort.values()) {
            sorts.add(new SortLink(
                    sort.name().toLowerCase(Locale.ROOT),
                    Labels.text(messages, "catalogue.sort." + sort.name().toLowerCase(Locale.ROOT), locale),
                    state.withSort(sort).url(),
                    sort == state.sort()));
        }
        Language language = Language.of(locale);
        // The cards as one piece of markup: the template writes it once instead of iterating over 24 strings.
        StringBuilder cards = new StringBuilder(result.items().size() * 640);
        for (ProductDocument item : result.items()) {
            cards.append('\n').append(productCards.html(Card.of(item, locale), language, request));
        }
        int pages = (int) Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE, CatalogueQuery.MAX_WINDOW / PAGE_SIZE);

        // Plain values and JavaBean getters only: Thymeleaf reads ${name} and ${bean.property} directly, where a
        // method call (${record.component()}) goes through OGNL, several times dearer (bench/README.md).
        Map<String, Object> model = new HashMap<>();
        model.put("text", state.text());
        model.put("carried", state.carriedByForm());
        model.put("hasSelection", state.hasSelection());
        model.put("total", result.total());
        model.put("totalText", labels.count(result.total()));
        model.put("cards", cards.isEmpty() ? null : cards.append('\n').toString());
        model.put("facets", facets);
        model.put("chips", chips);
        model.put("clearUrl", state.withoutSelection().url());
        model.put("sorts", sorts);
        model.put("page", state.page());
        model.put("pages", pages);
        model.put(
                "previousUrl",
                state.page() > 1 ? state.withPage(state.page() - 1).url() : null);
        model.put(
                "nextUrl",
                state.page() < pages ? state.withPage(state.page() + 1).url() : null);
        model.put("correction", result.correction());
        model.put(
                "correctionUrl",
                result.correction() == null
                        ? null
                        : state.withText(result.correction()).url());
        model.put("degraded", result.degraded());
        // What the search made of the words, said to the visitor: matched only some, a former province, stars.
        List<String> formerNotes = new ArrayList<>();
        for (CatalogueResult.FormerProvince former : result.formerProvinces()) {
            formerNotes.add(Labels.text(
                    messages,
                    "catalogue.note.former-province",
                    locale,
                    former.name(),
                    labels.of(CatalogueResult.PROVINCE, former.provinceCode())));
        }
        String starsNote =
                result.stars() == null ? null : Labels.text(messages, "catalogue.note.stars", locale, result.stars());
        model.put("partial", result.partial());
        model.put("formerNotes", formerNotes);
        model.put("starsNote", starsNote);
        model.put("hasNotes", result.partial() || !formerNotes.isEmpty() || starsNote != null);
        return HttpResponse.ok(new ModelAndView<>("catalogue/products", model))
                .header(ServerTiming.HEADER, result.serverTiming());
    }

    // The page's parts, with JavaBean getters for the template (see the model above).

    record Facet(String name, String title, List<FacetValue> values) {
        public String getName() {
            return name;
        }

        public String getTitle() {
            return title;
        }

        public List<FacetValue> getValues() {
            return values;
        }
    }

    record FacetValue(String key, String label, long count, boolean selected, String url) {
        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public long getCount() {
            return count;
        }

        public boolean isSelected() {
            return selected;
        }

        public String getUrl() {
            return url;
        }
    }

    /** A selected facet value, shown as a chip that removes it. {@code code} is {@code facet:key}. */
    record Chip(String code, String label, String removeLabel, String removeUrl) {
        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }

        public String getRemoveLabel() {
            return removeLabel;
        }

        public String getRemoveUrl() {
            return removeUrl;
        }
    }

    record SortLink(String key, String label, String url, boolean current) {
        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public String getUrl() {
            return url;
        }

        public boolean isCurrent() {
            return current;
        }
    }

    record Card(
            long id,
            String slug,
            String name,
            String producerName,
            int stars,
            String provinceName,
            String certificateStatus,
            Long photoId) {

        static Card of(ProductDocument item, Locale locale) {
            return new Card(
                    item.id(),
                    item.slug(),
                    item.name(locale),
                    item.producerName(),
                    item.stars(),
                    item.provinceName(locale),
                    item.certificateStatus(),
                    item.photoId());
        }
    }
}
