package vn.ocop.portal.traceability.gs1;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.cors.CrossOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.traceability.Stamps;

/**
 * The GS1-Conformant resolver's description file ({@code /.well-known/gs1resolver}): its name, root, the link types
 * it uses and the primary keys it resolves (GTIN, AI 01).
 */
@Controller
@CrossOrigin(allowedOriginsRegex = ".*", allowCredentials = false)
class ResolverDescriptionController {

    private final Map<String, Object> description;

    ResolverDescriptionController(Stamps stamps) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", "Cổng thông tin sản phẩm OCOP — OCOP product portal");
        description.put("resolverRoot", stamps.baseUrl());
        description.put(
                "supportedLinkType",
                List.of(Map.of(
                        "namespace",
                        DigitalLinkController.GS1,
                        "prefix",
                        "gs1:",
                        "profile",
                        "https://ref.gs1.org/voc/?show=linktypes")));
        description.put("supportedPrimaryKeys", List.of("01"));
        description.put("linkTypeDefaultCanBeAll", false);
        this.description = java.util.Collections.unmodifiableMap(description);
    }

    @Get(value = "/.well-known/gs1resolver", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> description() {
        return HttpResponse.ok(description).header("Cache-Control", "public, max-age=86400");
    }
}
