package vn.ocop.portal.traceability.gs1;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.cors.CrossOrigin;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.Stamps;
import vn.ocop.portal.traceability.scan.ScanPages;
import vn.ocop.portal.traceability.scan.StampLookup;

/**
 * GS1 Digital Link, served as a GS1-Conformant resolver (GS1-Conformant Resolver standard 1.1 / 1.2) for what this
 * portal knows: {@code /01/{gtin}}, {@code /01/{gtin}/10/{lot}} and {@code /01/{gtin}/10/{lot}/21/{serial}} answer
 * with the same page as the product, batch or item stamp ({@code /q/{code}}), the serial being the item stamp's code.
 *
 * <ul>
 *   <li>{@code Accept} is negotiated by type and {@code q}: {@code application/linkset+json} (with any parameters)
 *       or {@code application/json} preferred over {@code text/html} gives the RFC 9264 linkset; so does
 *       {@code ?linkType=all} (or {@code linkset}), whatever the Accept.
 *   <li>{@code ?linkType=gs1:certificationInfo} (a CURIE or the full IRI) redirects, 307, to that link; a link type
 *       this portal has no link of redirects to the default link.
 *   <li>A GTIN with a wrong check digit, or a lot or serial GS1 would not allow, is a malformed key: 400.
 *   <li>Every answer says {@code Vary: Accept}; any origin may read them (CORS, preflight included) and
 *       {@code OPTIONS} says what is allowed.
 * </ul>
 *
 * Every link of the linkset has a title in Vietnamese ({@code title}) and in both languages ({@code title*}).
 */
@Controller("/01")
@CrossOrigin(
        allowedOriginsRegex = ".*",
        allowedMethods = {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS},
        exposedHeaders = HttpHeaders.LINK,
        allowCredentials = false,
        maxAge = 86400)
@Produces({MediaType.TEXT_HTML, DigitalLinkController.LINKSET, MediaType.APPLICATION_JSON})
@ExecuteOn(TaskExecutors.BLOCKING)
class DigitalLinkController {

    static final String LINKSET = "application/linkset+json";
    static final String GS1 = "https://gs1.org/voc/";
    private static final MediaType PROBLEM = MediaType.of("application/problem+json");
    private static final String ALLOWED = "GET, HEAD, OPTIONS";
    /** GS1 AI 10 and 21: up to 20 characters of GS1's character set 82. */
    private static final String CSET_82 = "[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}";

    private final StampLookup lookup;
    private final StampCodes codes;
    private final ScanPages pages;
    private final Stamps stamps;
    private final JsonMapper json;
    private final MessageSource messages;

    DigitalLinkController(
            StampLookup lookup,
            StampCodes codes,
            ScanPages pages,
            Stamps stamps,
            JsonMapper json,
            @Named("traceability") MessageSource messages) {
        this.lookup = lookup;
        this.codes = codes;
        this.pages = pages;
        this.stamps = stamps;
        this.json = json;
        this.messages = messages;
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

    @Options("/{gtin}")
    HttpResponse<?> productOptions(String gtin) {
        return preflight();
    }

    @Options("/{gtin}/10/{lot}")
    HttpResponse<?> batchOptions(String gtin, String lot) {
        return preflight();
    }

    @Options("/{gtin}/10/{lot}/21/{serial}")
    HttpResponse<?> itemOptions(String gtin, String lot, String serial) {
        return preflight();
    }

    /** A plain OPTIONS request (a CORS preflight is answered by {@link CrossOrigin}'s filter before it). */
    private static HttpResponse<?> preflight() {
        return cors(HttpResponse.noContent()).header(HttpHeaders.ALLOW, ALLOWED);
    }

    /**
     * What every answer adds: it varies with Accept. (CORS headers come from {@link CrossOrigin}, echoing the
     * request's origin, so that a response never carries two.)
     */
    static <T> MutableHttpResponse<T> cors(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    private HttpResponse<?> answer(
            String gtin,
            @Nullable String lot,
            @Nullable String serial,
            @Nullable String linkType,
            HttpRequest<?> request) {
        boolean wantsLinkset = "linkset".equals(linkType) || "all".equals(linkType) || prefersLinkset(request);
        String scanned = request.getPath();
        if (pages.slowedDown(request)) {
            return refuse(wantsLinkset, scanned, false, request);
        }
        Optional<String> gtin14 = Gtin.normalise(gtin);
        if (gtin14.isEmpty()
                || (lot != null && !lot.matches(CSET_82))
                || (serial != null && !serial.matches(CSET_82))) {
            return refuse(wantsLinkset, scanned, true, request);
        }
        Optional<StampLookup.DigitalLinkTarget> target = lookup.digitalLink(gtin14.get(), lot);
        if (target.isEmpty() || (lot != null && target.get().batchId() == null)) {
            return refuse(wantsLinkset, scanned, false, request);
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
            return refuse(wantsLinkset, scanned, false, request);
        }
        String anchor = anchor(found, serial == null ? null : codes.codeOf(stamp.getAsLong()));
        String linksetLink = "<" + anchor + "?linkType=linkset>; rel=\"linkset\"; type=\"" + LINKSET + "\"";
        Map<String, List<Map<String, Object>>> links = links(found, anchor);
        if (linkType != null && !wantsLinkset) {
            List<Map<String, Object>> chosen = links.get(relation(linkType));
            String href = (String) (chosen == null ? links.get(GS1 + "defaultLink") : chosen)
                    .get(0)
                    .get("href");
            return cors(HttpResponse.status(HttpStatus.TEMPORARY_REDIRECT))
                    .header(HttpHeaders.LOCATION, URI.create(href).toString())
                    .header(HttpHeaders.LINK, linksetLink);
        }
        if (wantsLinkset) {
            return cors(HttpResponse.ok(linkset(anchor, links)))
                    .contentType(MediaType.of(LINKSET))
                    .header(HttpHeaders.LINK, linksetLink);
        }
        return cors(pages.respond(stamp, scanned, request)).header(HttpHeaders.LINK, linksetLink);
    }

    /** A link type as the linkset names it: {@code gs1:pip}, {@code https://ref.gs1.org/voc/pip} → the gs1.org IRI. */
    static String relation(String linkType) {
        for (String prefix : List.of(
                "gs1:",
                "https://gs1.org/voc/",
                "http://gs1.org/voc/",
                "https://ref.gs1.org/voc/",
                "https://www.gs1.org/voc/")) {
            if (linkType.startsWith(prefix)) {
                return GS1 + linkType.substring(prefix.length());
            }
        }
        return linkType;
    }

    /**
     * Whether the linkset is preferred to the page: the media type with the highest {@code q} wins, the most specific
     * matching range giving each its {@code q}; on a tie, or with no Accept at all, the page.
     */
    static boolean prefersLinkset(HttpRequest<?> request) {
        java.util.Collection<MediaType> accept = request.accept();
        if (accept.isEmpty()) {
            return false;
        }
        double page = quality(accept, MediaType.TEXT_HTML_TYPE);
        double linkset =
                Math.max(quality(accept, MediaType.of(LINKSET)), quality(accept, MediaType.APPLICATION_JSON_TYPE));
        return linkset > page;
    }

    private static double quality(java.util.Collection<MediaType> accept, MediaType offered) {
        int specificity = -1;
        double quality = 0;
        for (MediaType range : accept) {
            int matches;
            if (range.getType().equalsIgnoreCase(offered.getType())
                    && range.getSubtype().equalsIgnoreCase(offered.getSubtype())) {
                matches = 2;
            } else if (range.getType().equalsIgnoreCase(offered.getType()) && "*".equals(range.getSubtype())) {
                matches = 1;
            } else if ("*".equals(range.getType())) {
                matches = 0;
            } else {
                continue;
            }
            if (matches > specificity) {
                specificity = matches;
                quality = q(range);
            }
        }
        return quality;
    }

    private static double q(MediaType range) {
        try {
            return Math.clamp(Double.parseDouble(range.getQuality()), 0, 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Refuses something this portal never issued, counted like every such scan (per day and network) and limited per
     * network like those of {@code /q/}: past the limit, 429 without reading the database.
     */
    private HttpResponse<?> refuse(boolean wantsLinkset, String scanned, boolean malformed, HttpRequest<?> request) {
        ScanPages.NotGenuineStamp refused = pages.notGenuine(scanned, request, malformed);
        if (!wantsLinkset) {
            throw refused;
        }
        if (refused.limited()) {
            throw new LinksetProblem(
                    HttpStatus.TOO_MANY_REQUESTS, "too many identifiers this portal never issued: try again later");
        }
        throw new LinksetProblem(
                malformed ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND,
                malformed
                        ? "not a well-formed GS1 Digital Link (GTIN check digit, lot or serial)"
                        : "no such product, batch or item on this portal");
    }

    /** A linkset that cannot be given, answered here as an RFC 9457 problem whatever the request's Accept. */
    @Error(exception = LinksetProblem.class)
    HttpResponse<?> problem(LinksetProblem e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", e.status.getReason());
        problem.put("status", e.status.getCode());
        problem.put("detail", e.getMessage());
        try {
            MutableHttpResponse<?> response = cors(HttpResponse.status(e.status).body(json.writeValueAsBytes(problem)))
                    .contentType(PROBLEM);
            if (e.status == HttpStatus.TOO_MANY_REQUESTS) {
                response.header(HttpHeaders.RETRY_AFTER, "60");
            }
            return response;
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    static final class LinksetProblem extends RuntimeException {

        private final HttpStatus status;

        LinksetProblem(HttpStatus status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
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

    private Map<String, List<Map<String, Object>>> links(StampLookup.DigitalLinkTarget target, String anchor) {
        Map<String, List<Map<String, Object>>> links = new LinkedHashMap<>();
        Object[] names = {target.productName(), target.lotNumber()};
        List<Map<String, Object>> page = List.of(link(anchor, MediaType.TEXT_HTML, "pip", names));
        links.put(GS1 + "pip", page);
        links.put(GS1 + "defaultLink", page);
        links.put(
                GS1 + "certificationInfo",
                List.of(link(anchor + "#certificate", MediaType.TEXT_HTML, "certificationInfo", names)));
        if (target.batchId() != null) {
            links.put(
                    GS1 + "traceability",
                    List.of(link(
                            stamps.baseUrl() + "/api/v1/batches/" + target.batchId() + "/epcis",
                            EpcisController.JSON_LD,
                            "traceability",
                            names)));
        }
        return links;
    }

    private Map<String, Object> link(String href, String type, String linkType, Object[] names) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("type", type);
        String vi = title(linkType, Language.VI, names);
        link.put("title", vi);
        link.put(
                "title*",
                List.of(
                        Map.of("value", vi, "language", Language.VI.tag()),
                        Map.of("value", title(linkType, Language.EN, names), "language", Language.EN.tag())));
        link.put("hreflang", MediaType.TEXT_HTML.equals(type) ? List.of("vi", "en") : List.of("vi"));
        return link;
    }

    private String title(String linkType, Language language, Object[] names) {
        String pattern = messages.getRawMessage(
                        "traceability.link." + linkType, MessageSource.MessageContext.of(language.locale()))
                .orElseThrow(() -> new IllegalStateException("no title for " + linkType));
        return new MessageFormat(pattern, language.locale()).format(names);
    }

    private byte[] linkset(String anchor, Map<String, List<Map<String, Object>>> links) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", anchor);
        context.putAll(links);
        try {
            return json.writeValueAsString(Map.of("linkset", List.of(context))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
