package vn.ocop.portal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The portal's OpenAPI 3.1 document ({@code /api/v1/openapi.json}, kept in {@code openapi/catalogue.json}) and the
 * same document rendered for people ({@code /api}), its texts from the bundle {@code i18n/api} (Vietnamese, and the
 * document's own English), keyed by where each stands in the document. Tests check it against the real answers and against the router:
 * every route under {@code /api/} must be documented there ({@code ApiDocsTest}).
 */
@Controller
class ApiDocsController {

    static final String RESOURCE = "openapi/catalogue.json";
    /** The texts of the document in each language, keyed by where they stand in it. */
    static final String BUNDLE = "i18n.api";

    private final byte[] document;
    private final JsonNode root;
    private final HttpLocaleResolver locales;

    ApiDocsController(HttpLocaleResolver locales) {
        this.locales = locales;
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            document = in.readAllBytes();
            root = new ObjectMapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(
            uris = {"/api", "/en/api"},
            produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
        // Read straight from the bundle: message interpolation would take "{gtin}" in a text for a variable.
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locales.resolveOrDefault(request));
        String arrayOf = texts.getString("api.page.array-of");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                String key = "api.op." + operation.get("operationId").asText();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    String name = parameter.get("name").asText();
                    parameters.add(new Parameter(
                            name,
                            texts.getString("api.page.in." + parameter.get("in").asText()),
                            parameter.path("required").asBoolean(false),
                            type(parameter.get("schema"), arrayOf),
                            text(texts, parameter, key + ".param." + name)));
                }
                List<Response> responses = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> codes =
                                operation.get("responses").fields();
                        codes.hasNext(); ) {
                    Map.Entry<String, JsonNode> code = codes.next();
                    JsonNode content = code.getValue().path("content");
                    String mediaType = content.fieldNames().hasNext()
                            ? content.fieldNames().next()
                            : "";
                    String schema = mediaType.isEmpty()
                            ? ""
                            : type(content.get(mediaType).get("schema"), arrayOf);
                    responses.add(new Response(
                            code.getKey(),
                            text(texts, code.getValue(), key + ".response." + code.getKey()),
                            mediaType,
                            schema));
                }
                JsonNode body = operation.path("requestBody").path("content");
                String requestBody = body.fieldNames().hasNext()
                        ? body.fieldNames().next() + " "
                                + type(body.get(body.fieldNames().next()).get("schema"), arrayOf)
                        : "";
                operations.add(new Operation(
                        method.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        operation.has("summary") ? texts.getString(key + ".summary") : "",
                        text(texts, operation, key + ".description"),
                        parameters,
                        requestBody,
                        operation.has("security"),
                        responses));
            }
        }
        List<Schema> schemas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> all =
                        root.at("/components/schemas").fields();
                all.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = all.next();
            Set<String> required = new HashSet<>();
            schema.getValue().path("required").forEach(name -> required.add(name.asText()));
            String key = "api.schema." + schema.getKey();
            List<Field> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> properties =
                            schema.getValue().path("properties").fields();
                    properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                fields.add(new Field(
                        property.getKey(),
                        type(property.getValue(), arrayOf),
                        required.contains(property.getKey()),
                        text(texts, property.getValue(), key + ".field." + property.getKey())));
            }
            schemas.add(new Schema(schema.getKey(), text(texts, schema.getValue(), key + ".description"), fields));
        }
        return new ModelAndView<>(
                "catalogue/api",
                Map.of(
                        "apiTitle", texts.getString("api.info.title"),
                        "apiDescription", texts.getString("api.info.description"),
                        "version", root.at("/info/version").asText(),
                        "operations", operations,
                        "schemas", schemas));
    }

    /** The translation of a node's description, or "" when the document gives none. */
    private static String text(ResourceBundle texts, JsonNode node, String key) {
        return node.has("description") ? texts.getString(key) : "";
    }

    /**
     * A schema in a few words: "string", "integer 1–100", "array of Item" ({@code arrayOf} in the page's language),
     * "string (a, b)", "Item | null". JSON Schema's type names stay as they are: they are what a program reads.
     */
    static String type(JsonNode schema, String arrayOf) {
        if (schema == null || schema.isMissingNode()) {
            return "";
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.has("oneOf")) {
            List<String> options = new ArrayList<>();
            schema.get("oneOf").forEach(option -> options.add(type(option, arrayOf)));
            return String.join(" | ", options);
        }
        String type = schema.get("type") == null
                ? "object"
                : schema.get("type").isArray()
                        ? String.join(" | ", textValues(schema.get("type")))
                        : schema.get("type").asText();
        if ("array".equals(type)) {
            return arrayOf + " " + type(schema.get("items"), arrayOf);
        }
        if (schema.has("enum")) {
            return type + " (" + String.join(", ", textValues(schema.get("enum"))) + ")";
        }
        if (schema.has("minimum") || schema.has("maximum")) {
            return type + " " + schema.path("minimum").asText("") + "–"
                    + schema.path("maximum").asText("");
        }
        return type;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** An operation; its texts in the page's language (empty when the document has none). */
    record Operation(
            String method,
            String path,
            String summary,
            String description,
            List<Parameter> parameters,
            String requestBody,
            boolean secured,
            List<Response> responses) {}

    record Parameter(String name, String location, boolean required, String type, String description) {}

    record Response(String status, String description, String mediaType, String schema) {}

    record Schema(String name, String description, List<Field> fields) {}

    record Field(String name, String type, boolean required, String description) {}
}
