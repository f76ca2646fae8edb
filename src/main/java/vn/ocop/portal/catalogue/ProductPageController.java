package vn.ocop.portal.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.ocop.portal.certification.CertificateStatus;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.LanguageUrls;
import vn.ocop.portal.showroom.WhereToBuy;
import vn.ocop.portal.traceability.ProductStampCodes;

/** {@code /products/{slug}}: one product, its certificate and its producer, with metadata for sharing and search. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductPageController {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern WEB = Pattern.compile("^https?://[^\\s\"<>]+$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProductDetails details;
    private final PublicUrls urls;
    private final HttpLocaleResolver locales;
    private final MessageSource messages;
    private final ProductStampCodes stampCodes;
    private final WhereToBuy whereToBuy;

    ProductPageController(
            ProductDetails details,
            PublicUrls urls,
            HttpLocaleResolver locales,
            @Named("catalogue") MessageSource messages,
            ProductStampCodes stampCodes,
            WhereToBuy whereToBuy) {
        this.details = details;
        this.whereToBuy = whereToBuy;
        this.stampCodes = stampCodes;
        this.urls = urls;
        this.locales = locales;
        this.messages = messages;
    }

    @Get(uris = {"/products/{slug}", "/en/products/{slug}"})
    HttpResponse<ModelAndView<Map<String, Object>>> product(
            String slug, HttpRequest<?> request, @QueryValue @Nullable Double lat, @QueryValue @Nullable Double lon) {
        if (slug.length() > 200 || !SLUG.matcher(slug).matches()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such product");
        }
        Locale locale = locales.resolveOrDefault(request);
        ProductDetails.Details product = details.bySlug(slug)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such product"))
                .in(locale);
        ProductDetails.Producer producer = product.producer();
        ProductDetails.Certificate certificate = product.certificate();

        Map<String, Object> model = new HashMap<>();
        model.put("product", product);
        model.put("groupName", product.groupName(locale));
        model.put("subgroupName", product.subgroupName(locale));
        model.put("groupUrl", "/products?group=" + product.groupCode());
        model.put("provinceName", producer.provinceName(locale));
        model.put("provinceUrl", "/products?province=" + producer.provinceCode());
        model.put("communeName", producer.communeName(locale));
        model.put(
                "website",
                producer.website() != null && WEB.matcher(producer.website()).matches() ? producer.website() : null);
        model.put(
                "phoneLink",
                producer.phone() == null ? null : "tel:" + producer.phone().replaceAll("[^0-9+]", ""));
        if (certificate != null) {
            DateTimeFormatter dates = Language.of(locale).dates();
            model.put("decisionDate", certificate.decisionDate().format(dates));
            model.put("validFrom", certificate.validFrom().format(dates));
            model.put("validUntil", certificate.validUntil().format(dates));
            model.put(
                    "statusDate",
                    certificate.statusDate() == null
                            ? null
                            : certificate.statusDate().format(dates));
            // The stamp only while the product may carry the OCOP mark; its scan page tells the rest.
            if (CertificateStatus.valueOf(certificate.status()).allowsMark()) {
                stampCodes.codeOf(product.id()).ifPresent(code -> model.put("stampCode", code));
            }
        }
        model.put("links", details.links(product.id()));
        // Where to buy it: display points that stock it, nearest first when the visitor shared a location.
        model.put("whereToBuy", whereToBuy.forProduct(product.id(), lat, lon, locale));
        model.put("whereToBuyAction", LanguageUrls.in(Language.of(locale), "/products/" + product.slug()));
        model.put("pageScripts", List.of("/static/js/display-points.js"));
        model.put(PageMeta.ATTRIBUTE, meta(product, locale));
        // "Near me" in "where to buy" may ask for the browser's location (on a click only).
        return HttpResponse.ok(new ModelAndView<>("catalogue/product", model))
                .header(WhereToBuy.PERMISSIONS_HEADER, WhereToBuy.NEAR_ME_PERMISSIONS);
    }

    private PageMeta meta(ProductDetails.Details product, Locale locale) {
        // Each language's page is its own canonical URL (the other is its hreflang alternate).
        String canonical = urls.of(LanguageUrls.in(Language.of(locale), "/products/" + product.slug()));
        String image = product.photos().isEmpty()
                ? null
                : urls.photo(product.photos().getFirst().id());
        String description = summary(product.description());
        String title = Labels.text(messages, "catalogue.product.title", locale, product.name());
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Product");
        ld.put("name", product.name());
        ld.put("description", product.description());
        ld.put("url", canonical);
        if (!product.photos().isEmpty()) {
            ld.put(
                    "image",
                    product.photos().stream().map(p -> urls.photo(p.id())).toList());
        }
        if (product.gtin() != null) {
            ld.put("gtin", product.gtin());
        }
        ld.put("category", product.groupName(locale));
        ld.put("countryOfOrigin", "VN");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("streetAddress", product.producer().addressLine());
        address.put("addressRegion", product.producer().provinceName());
        address.put("addressCountry", "VN");
        Map<String, Object> manufacturer = new LinkedHashMap<>();
        manufacturer.put("@type", "Organization");
        manufacturer.put("name", product.producer().name());
        manufacturer.put("address", address);
        if (product.producer().phone() != null) {
            manufacturer.put("telephone", product.producer().phone());
        }
        ld.put("manufacturer", manufacturer);
        ld.put("brand", Map.of("@type", "Brand", "name", product.producer().name()));
        if (product.listed()) {
            ProductDetails.Certificate certificate = product.certificate();
            ld.put("award", "OCOP " + certificate.stars() + "★ (" + certificate.decisionNumber() + ")");
        }
        String jsonLd;
        try {
            // "<" escaped so no text of the product can close the script element.
            jsonLd = JSON.writeValueAsString(ld).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new PageMeta(
                title,
                description,
                canonical,
                "product",
                image,
                "en".equals(locale.getLanguage()) ? "en_US" : "vi_VN",
                jsonLd,
                !product.listed());
    }

    private static String summary(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197).strip() + "…";
    }
}
