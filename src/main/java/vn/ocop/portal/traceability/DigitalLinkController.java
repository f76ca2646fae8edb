package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GS1 Digital Link: {@code /01/{gtin}}, {@code /01/{gtin}/10/{lot}} and {@code /01/{gtin}/10/{lot}/21/{serial}}
 * answer with the same page as the product, batch or item stamp ({@code /q/{code}}), the serial being the item
 * stamp's code. With {@code ?linkType=linkset} or {@code Accept: application/linkset+json} they answer an RFC 9264
 * linkset instead: the product information page, the certificate and, for a batch, its EPCIS traceability data.
 */
@Controller("/01")
@Produces({MediaType.TEXT_HTML, DigitalLinkController.LINKSET})
@ExecuteOn(TaskExecutors.BLOCKING)
class DigitalLinkController {

    static final String LINKSET = "application/linkset+json";
    private static final String GS1 = "https://gs1.org/voc/";

    private final StampLookup lookup;
    private final StampCodes codes;
    private final ScanPages pages;
    private final Stamps stamps;
    private final JsonMapper json;

    DigitalLinkController(StampLookup lookup, StampCodes codes, ScanPages pages, Stamps stamps, JsonMapper json) {
        this.lookup = lookup;
        this.codes = codes;
        this.pages = pages;
        this.stamps = stamps;
        this.json = json;
    }

    @Get("/{gtin}")
    HttpResponse<?> product(String gtin, @QueryValue @Nullable String linkType, HttpRequest<?> request) {
        return answer(gtin, null, null, linkType, request);
    }

    @Get("/{gtin}/10/{lot}")
    HttpResponse<?> batch(String gtin, String lot, @QueryValue @Nullable String linkType, HttpRequest<?> request) {
        return answer(gtin, lot, null, linkType, request);
    }

    @Get("/{gtin}/10/{lot}/21/{serial}")
    HttpResponse<?> item(
            String gtin, String lot, String serial, @QueryValue @Nullable String linkType, HttpRequest<?> request) {
        return answer(gtin, lot, serial, linkType, request);
    }

    private HttpResponse<?> answer(
            String gtin,
            @Nullable String lot,
            @Nullable String serial,
            @Nullable String linkType,
            HttpRequest<?> request) {
        boolean wantsLinkset = "linkset".equals(linkType)
                || request.accept().stream().anyMatch(type -> type.toString().equals(LINKSET));
        String scanned = request.getPath();
        Optional<StampLookup.DigitalLinkTarget> target =
                Gtin.normalise(gtin).flatMap(gtin14 -> lookup.digitalLink(gtin14, lot));
        if (target.isEmpty() || (lot != null && target.get().batchId() == null)) {
            return notFound(wantsLinkset, scanned);
        }
        StampLookup.DigitalLinkTarget found = target.get();
        OptionalLong stamp;
        if (serial != null) {
            stamp = codes.serialOf(serial);
            if (stamp.isPresent() && !lookup.isItemOf(stamp.getAsLong(), found.batchId())) {
                stamp = OptionalLong.empty();
            }
        } else {
            Long known = lot == null ? found.productSerial() : found.batchSerial();
            stamp = known == null ? OptionalLong.empty() : OptionalLong.of(known);
        }
        if (stamp.isEmpty()) {
            return notFound(wantsLinkset, scanned);
        }
        String anchor = anchor(found, serial == null ? null : codes.codeOf(stamp.getAsLong()));
        String linksetLink = "<" + anchor + "?linkType=linkset>; rel=\"linkset\"; type=\"" + LINKSET + "\"";
        if (wantsLinkset) {
            return HttpResponse.ok(linkset(found, anchor))
                    .contentType(MediaType.of(LINKSET))
                    .header(HttpHeaders.LINK, linksetLink);
        }
        return pages.respond(stamp, scanned, request).header(HttpHeaders.LINK, linksetLink);
    }

    private HttpResponse<?> notFound(boolean wantsLinkset, String scanned) {
        if (wantsLinkset) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such product, batch or item on this portal");
        }
        throw new ScanPages.NotGenuineStamp(scanned);
    }

    private String anchor(StampLookup.DigitalLinkTarget target, @Nullable String serial) {
        StringBuilder path = new StringBuilder(stamps.baseUrl()).append("/01/").append(target.gtin());
        if (target.lotNumber() != null) {
            path.append("/10/").append(Gtin.pathSegment(target.lotNumber()));
        }
        if (serial != null) {
            path.append("/21/").append(serial);
        }
        return path.toString();
    }

    private byte[] linkset(StampLookup.DigitalLinkTarget target, String anchor) {
        String base = stamps.baseUrl();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("anchor", anchor);
        List<Map<String, Object>> page =
                List.of(Map.of("href", anchor, "type", MediaType.TEXT_HTML, "hreflang", List.of("vi", "en")));
        links.put(GS1 + "pip", page);
        links.put(GS1 + "defaultLink", page);
        links.put(
                GS1 + "certificationInfo",
                List.of(Map.of(
                        "href",
                        anchor + "#certificate",
                        "type",
                        MediaType.TEXT_HTML,
                        "hreflang",
                        List.of("vi", "en"))));
        if (target.batchId() != null) {
            links.put(
                    GS1 + "traceability",
                    List.of(Map.of(
                            "href",
                            base + "/api/v1/batches/" + target.batchId() + "/epcis",
                            "type",
                            "application/ld+json")));
        }
        try {
            return json.writeValueAsString(Map.of("linkset", List.of(links))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
