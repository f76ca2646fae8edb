package vn.ocop.portal.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import vn.ocop.portal.search.CatalogueResult;
import vn.ocop.portal.search.ProductDocument;
import vn.ocop.portal.shared.ServerTiming;

/**
 * The open JSON API of the catalogue: {@code GET /api/v1/products} searches like {@code /products} (same parameters,
 * plus {@code size}), {@code GET /api/v1/products/{id}} gives one product with its current certificate and producer.
 * Bad parameters get 400 with an RFC 9457 problem body.
 */
@Controller("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
class ProductApiController {

    static final String DEGRADED_HEADER = "X-Search-Degraded";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final Pattern ID = Pattern.compile("^[0-9]{1,18}$");
    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private final CatalogueService catalogue;
    private final ProductDetails details;
    private final PublicUrls urls;
    private final HttpLocaleResolver locales;
    private final MessageSource messages;

    ProductApiController(
            CatalogueService catalogue,
            ProductDetails details,
            PublicUrls urls,
            HttpLocaleResolver locales,
            @Named("catalogue") MessageSource messages) {
        this.catalogue = catalogue;
        this.details = details;
        this.urls = urls;
        this.locales = locales;
        this.messages = messages;
    }

    /** On the event loop, as {@link CatalogueController} is: nothing here blocks. */
    @Get
    CompletableFuture<HttpResponse<SearchAnswer>> search(HttpRequest<?> request) {
        int size = CatalogueState.number(request.getParameters(), "size", DEFAULT_SIZE, MAX_SIZE, true);
        return catalogue.search(request.getParameters(), size, true).thenApply(view -> answer(request, view));
    }

    private HttpResponse<SearchAnswer> answer(HttpRequest<?> request, CatalogueService.View view) {
        CatalogueResult result = view.result();
        Locale locale = locales.resolveOrDefault(request);
        Labels labels = new Labels(view.names(), messages, locale);
        List<Item> items = new ArrayList<>();
        for (ProductDocument document : result.items()) {
            items.add(new Item(
                    document.id(),
                    document.slug(),
                    document.name(),
                    document.producerName(),
                    document.stars(),
                    document.groupCode(),
                    document.provinceCode(),
                    document.provinceName(locale),
                    document.certificateStatus(),
                    urls.product(document.slug())));
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String facet : CatalogueResult.FACETS) {
            facets.put(
                    facet,
                    view.shownValues(facet, labels).stream()
                            .map(key -> new FacetCount(key, labels.of(facet, key), view.count(facet, key)))
                            .toList());
        }
        List<FormerProvince> formerProvinces = result.formerProvinces().stream()
                .map(f -> new FormerProvince(
                        f.name(), f.provinceCode(), labels.of(CatalogueResult.PROVINCE, f.provinceCode())))
                .toList();
        MutableHttpResponse<SearchAnswer> response = HttpResponse.ok(
                        new SearchAnswer(result.total(), items, facets, result.partial(), formerProvinces))
                .header(ServerTiming.HEADER, result.serverTiming());
        // Answered from PostgreSQL while Elasticsearch is away: fewer features, said in a header.
        return result.degraded() ? response.header(DEGRADED_HEADER, "true") : response;
    }

    @Get("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> product(@PathVariable String id, HttpRequest<?> request) {
        if (!ID.matcher(id).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "the product id is a positive number: " + abbreviate(id));
        }
        Locale locale = locales.resolveOrDefault(request);
        return details.byId(Long.parseLong(id))
                .<HttpResponse<?>>map(product -> HttpResponse.ok(ProductAnswer.of(product, urls, locale)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no product " + id));
    }

    @Error(exception = CatalogueState.BadParameter.class)
    HttpResponse<Problem> badParameter(CatalogueState.BadParameter e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    static HttpResponse<Problem> problem(HttpStatus status, String detail) {
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), detail));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** An RFC 9457 problem body. */
    @Serdeable
    record Problem(String type, String title, int status, String detail) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchAnswer(
            long total,
            List<Item> items,
            Map<String, List<FacetCount>> facets,
            boolean partial,
            List<FormerProvince> formerProvinces) {}

    /** A province before 1 July 2025 that the search text named, and the province it is now part of. */
    @Serdeable
    record FormerProvince(String name, String provinceCode, String provinceName) {}

    @Serdeable
    record Item(
            long id,
            String slug,
            String name,
            String producerName,
            int stars,
            String groupCode,
            String provinceCode,
            String provinceName,
            String certificateStatus,
            String url) {}

    @Serdeable
    record FacetCount(String key, String label, long count) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProductAnswer(
            long id,
            String slug,
            String name,
            String description,
            String specifications,
            String ingredientOrigin,
            String gtin,
            String groupCode,
            String groupName,
            String subgroupName,
            String url,
            List<String> photos,
            CertificateAnswer certificate,
            ProducerAnswer producer) {

        static ProductAnswer of(ProductDetails.Details product, PublicUrls urls, Locale locale) {
            ProductDetails.Certificate c = product.certificate();
            ProductDetails.Producer p = product.producer();
            return new ProductAnswer(
                    product.id(),
                    product.slug(),
                    product.name(),
                    product.description(),
                    product.specifications(),
                    product.ingredientOrigin(),
                    product.gtin(),
                    product.groupCode(),
                    product.groupName(locale),
                    product.subgroupName(locale),
                    urls.product(product.slug()),
                    product.photos().stream()
                            .map(photo -> urls.photo(photo.id()))
                            .toList(),
                    c == null
                            ? null
                            : new CertificateAnswer(
                                    c.decisionNumber(),
                                    c.decisionDate().toString(),
                                    c.issuingBody(),
                                    c.issuingLevel(),
                                    c.scoreA(),
                                    c.scoreB(),
                                    c.scoreC(),
                                    c.totalScore(),
                                    c.stars(),
                                    c.validFrom().toString(),
                                    c.validUntil().toString(),
                                    c.status(),
                                    c.statusDecision(),
                                    c.statusDate() == null
                                            ? null
                                            : c.statusDate().toString(),
                                    c.statusReason()),
                    new ProducerAnswer(
                            p.id(),
                            p.name(),
                            p.type(),
                            p.addressLine(),
                            p.provinceCode(),
                            p.provinceName(locale),
                            p.communeName(locale),
                            p.representative(),
                            p.phone(),
                            p.email(),
                            p.website()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CertificateAnswer(
            String decisionNumber,
            String decisionDate,
            String issuingBody,
            String issuingLevel,
            int scoreA,
            int scoreB,
            int scoreC,
            int totalScore,
            int stars,
            String validFrom,
            String validUntil,
            String status,
            String statusDecision,
            String statusDate,
            String statusReason) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProducerAnswer(
            long id,
            String name,
            String type,
            String addressLine,
            String provinceCode,
            String provinceName,
            String communeName,
            String representative,
            String phone,
            String email,
            String website) {}
}
