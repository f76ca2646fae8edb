package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.RawHttp;
import vn.ocop.portal.support.Sql;

/**
 * A bounded fuzzer: a few thousand random and malformed requests (paths, parameters, headers, methods, bodies)
 * against every route of the OpenAPI document and every page, written byte for byte over sockets. Not one may be
 * answered 5xx, nor with a body that names a class, a parser or a framework. The seed is fixed so a failure can be
 * replayed; {@code -Dfuzz.seed=N -Dfuzz.requests=N} explore further. (It lives here to draw genuine stamp codes.)
 */
@MicronautTest(transactional = false)
class HostileTrafficFuzzTest {

    /** Internals an error body must never name (as in shared/web/MalformedRequestsTest). */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|java\\.|jackson|netty|micronaut|\\$[A-Z]|ModelAndView|_embedded|_links|For input string"
                    + "|Failed to convert|\\bat \\[Source");
    /** What no answer at all may hold: a qualified Java class or an inner class's binary name. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:java|javax|io|org|com|vn)\\.[a-z]+\\.[\\w.]*[A-Z]\\w+|\\b[A-Z]\\w+\\$[A-Z]\\w+");

    private static final String[] METHODS = {
        "GET", "GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get"
    };
    private static final String[] JUNK = {
        "",
        "abc",
        "-1",
        "0",
        "99999999999999999999",
        "1.5",
        "%00",
        "%ff%fe",
        "%",
        "%zz",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "'%20OR%201=1--",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "b%C6%B0%E1%BB%9Fi",
        "%E2%98%85%F0%9F%98%80",
        "..",
        "a%0d%0aSet-Cookie:%20x=1",
        "%7B%7D",
        "null",
        "true"
    };
    private static final String[] PARAMETERS = {
        "q",
        "page",
        "size",
        "stars",
        "group",
        "province",
        "producerType",
        "sort",
        "linkType",
        "return",
        "from",
        "count",
        "limit",
        "lang",
        "id"
    };
    private static final String[] ACCEPTS = {
        "text/html",
        "application/json",
        "*/*",
        "image/*",
        "text/*",
        "application/*",
        "application/linkset+json",
        "image/png;q=0.9, */*;q=0.1",
        "garbage",
        "",
        "*/*;q=abc",
        "text/html;level=99999999999999999999"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "text/plain",
        "application/xml",
        "garbage",
        "application/json; charset=ebcdic"
    };
    private static final String[] BODIES = {
        "",
        "{",
        "{\"quantity\":5}",
        "{\"quantity\":true}",
        "{\"quantity\":\"5\"}",
        "[]",
        "null",
        "kind=OTHER&message=assez+long+pour+passer&contact=&token=x",
        "kind=%00&message=%00%00%00%00%00%00%00%00%00%00%00",
        "a=b&a=c&a=d",
        "=&=&&==",
        "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--\r\n",
        "\u0000\u0001\u0002\u00ff",
        "[".repeat(5000) + "]".repeat(5000),
        "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)
    };

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    private Random random;

    @Test
    void shouldAnswerEveryHostileRequestWithoutA5xxOrInternals() throws Exception {
        long seed = Long.getLong("fuzz.seed", 13L);
        int requests = Integer.getInteger("fuzz.requests", 2500);
        random = new Random(seed);
        List<String> routes = routes();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests && failures.size() < 10; i++) {
            String request = request(routes);
            RawHttp.Answer answer = RawHttp.send(server.getPort(), request.getBytes(StandardCharsets.UTF_8));
            String problem = null;
            if (answer.status() >= 500 || answer.status() < 0) {
                problem = "status " + answer.status();
            } else if (CLASS_NAME.matcher(answer.body()).find()
                    || answer.status() >= 400
                            && INTERNALS.matcher(answer.body()).find()) {
                problem = "internals in the body";
            }
            if (problem != null) {
                String head = request.length() > 300 ? request.substring(0, 300) + "…" : request;
                String body = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
                failures.add(problem + " (seed " + seed + ", request " + i + "):\n" + head + "\n→ " + answer.head()
                        + "\n" + body);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    /** Every route of the OpenAPI document and every page, with {placeholders} for their path parameters. */
    private List<String> routes() throws Exception {
        List<String> routes = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/openapi/catalogue.json")) {
            JsonNode paths = new ObjectMapper().readTree(in).get("paths");
            for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
                routes.add(names.next());
            }
        }
        routes.addAll(List.of(
                "/",
                "/products",
                "/products/{slug}",
                "/q/{code}",
                "/q/{code}.png",
                "/q/{code}.svg",
                "/q/{code}/report",
                "/q/{code}/report/thanks",
                "/01/{gtin}",
                "/01/{gtin}/10/{lot}",
                "/01/{gtin}/10/{lot}/21/{code}",
                "/language/{tag}",
                "/photos/{id}",
                "/api",
                "/api/v1/openapi.json",
                "/api/v1/batches/{id}/epcis",
                "/api/v1/batches/{id}/stamp-issues",
                "/api/v1/stamp-issues/{id}",
                "/api/v1/stamp-issues/{id}/stamps.csv",
                "/api/v1/stamp-issues/{id}/sheet.pdf",
                "/fairs",
                "/fairs/{id}",
                "/fairs.ics",
                "/fairs/province/{code}.ics",
                "/sitemap.xml",
                "/sitemap-{id}.xml",
                "/robots.txt",
                "/health",
                "/static/css/portal.css",
                "/static/{slug}",
                "/no-such-page"));
        return routes;
    }

    private String request(List<String> routes) {
        String path = fill(pick(routes.toArray(String[]::new)));
        StringBuilder query = new StringBuilder();
        int parameters = random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            query.append(i == 0 ? '?' : '&')
                    .append(pick(PARAMETERS))
                    .append('=')
                    .append(value());
        }
        String method = pick(METHODS);
        String body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? pick(BODIES) : "";
        StringBuilder request = new StringBuilder();
        request.append(method).append(' ').append(path).append(query).append(" HTTP/1.1\r\n");
        request.append("Host: localhost\r\n");
        if (random.nextInt(3) > 0) {
            request.append("Accept: ").append(pick(ACCEPTS)).append("\r\n");
        }
        if (random.nextInt(4) == 0) {
            request.append("Cookie: lang=")
                    .append(pick(new String[] {"en", "vi", "xx", "", "%00", "e n"}))
                    .append("\r\n");
        }
        if (random.nextInt(4) == 0) {
            request.append("User-Agent: ")
                    .append(pick(new String[] {"Mozilla/5.0 (iPhone) Mobile", "curl/8", "", "x".repeat(3000)}))
                    .append("\r\n");
        }
        if (random.nextInt(6) == 0) {
            request.append("Authorization: Bearer ").append(pick(JUNK)).append("\r\n");
        }
        if (random.nextInt(6) == 0) {
            request.append("Idempotency-Key: ")
                    .append(pick(new String[] {"k", "", "a\tb", "x".repeat(500)}))
                    .append("\r\n");
        }
        if (random.nextInt(8) == 0) {
            request.append("X-Forwarded-For: ")
                    .append(pick(new String[] {"1.2.3.4", "garbage", "::1, 10.0.0.1"}))
                    .append("\r\n");
        }
        if (!body.isEmpty() || random.nextBoolean()) {
            request.append("Content-Type: ").append(pick(CONTENT_TYPES)).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body);
        return request.toString();
    }

    private String fill(String route) {
        String path = route;
        while (path.contains("{")) {
            int start = path.indexOf('{');
            int end = path.indexOf('}', start);
            String name = path.substring(start + 1, end);
            path = path.substring(0, start) + parameter(name) + path.substring(end + 1);
        }
        return path;
    }

    /** A path parameter: often a real value (so the route's own work runs), otherwise junk. */
    private String parameter(String name) {
        if (random.nextInt(3) == 0) {
            return pick(JUNK);
        }
        return switch (name) {
            case "code" -> real("select serial from stamp order by random() limit 1", true);
            case "gtin" ->
                real("select lpad(gtin, 14, '0') from product where gtin is not null order by random() limit 1", false);
            case "lot" -> real("select lot_number from batch order by random() limit 1", false);
            case "slug" -> real("select slug from product order by random() limit 1", false);
            case "id" -> String.valueOf(random.nextInt(400) - 5);
            case "tag" -> pick(new String[] {"en", "vi", "fr"});
            default -> pick(JUNK);
        };
    }

    private String real(String sql, boolean stampCode) {
        String value = Sql.text(transactions, sql);
        if (value == null) {
            return "x";
        }
        return stampCode ? codes.codeOf(Long.parseLong(value)) : value;
    }

    private String value() {
        return random.nextInt(3) == 0 ? pick(new String[] {"ca+phe", "3", "01", "stars", "linkset", "/"}) : pick(JUNK);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
