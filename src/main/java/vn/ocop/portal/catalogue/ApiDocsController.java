package vn.ocop.portal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portal's OpenAPI 3.1 document ({@code /api/v1/openapi.json}, kept in {@code openapi/catalogue.json}) and the
 * same document rendered for people ({@code /api}). Tests check it against the real answers and against the router:
 * every route under {@code /api/} must be documented there ({@code ApiDocsTest}).
 */
@Controller
class ApiDocsController {

    static final String RESOURCE = "openapi/catalogue.json";

    private final byte[] document;
    private final JsonNode root;

    ApiDocsController() {
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
    ModelAndView<Map<String, Object>> page() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(
                            parameter.get("name").asText(),
                            parameter.get("in").asText(),
                            parameter.path("required").asBoolean(false),
                            type(parameter.get("schema")),
                            parameter.path("description").asText("")));
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
                            : type(content.get(mediaType).get("schema"));
                    responses.add(new Response(
                            code.getKey(), code.getValue().path("description").asText(""), mediaType, schema));
                }
                JsonNode body = operation.path("requestBody").path("content");
                String requestBody = body.fieldNames().hasNext()
                        ? body.fieldNames().next() + " "
                                + type(body.get(body.fieldNames().next()).get("schema"))
                        : "";
                operations.add(new Operation(
                        method.getKey().toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        operation.path("summary").asText(""),
                        operation.path("description").asText(""),
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
            List<Field> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> properties =
                            schema.getValue().path("properties").fields();
                    properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                fields.add(new Field(
                        property.getKey(),
                        type(property.getValue()),
                        required.contains(property.getKey()),
                        property.getValue().path("description").asText("")));
            }
            schemas.add(new Schema(schema.getKey(), fields));
        }
        return new ModelAndView<>(
                "catalogue/api",
                Map.of(
                        "apiTitle", root.at("/info/title").asText(),
                        "apiDescription", root.at("/info/description").asText(),
                        "version", root.at("/info/version").asText(),
                        "operations", operations,
                        "schemas", schemas));
    }

    /** A schema in a few words: "string", "integer 1–100", "array of Item", "one of 3, 4, 5". */
    static String type(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return "";
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.has("oneOf")) {
            List<String> options = new ArrayList<>();
            schema.get("oneOf").forEach(option -> options.add(type(option)));
            return String.join(" | ", options);
        }
        String type = schema.get("type") == null
                ? "object"
                : schema.get("type").isArray()
                        ? String.join(" | ", textValues(schema.get("type")))
                        : schema.get("type").asText();
        if ("array".equals(type)) {
            return "array of " + type(schema.get("items"));
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

    record Schema(String name, List<Field> fields) {}

    record Field(String name, String type, boolean required, String description) {}
}
