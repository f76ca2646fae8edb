package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/**
 * What browsers and search engines look for on every site: a description of each page, a favicon, a web app
 * manifest with icons, and static files cached for long under versioned URLs.
 */
@MicronautTest(transactional = false)
class SiteBasicsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldDescribeEveryPublicPage() {
        String slug = value("select slug from product order by id limit 1");
        Set<String> descriptions = new HashSet<>();
        for (String path : List.of("/", "/products", "/products?q=ca+phe", "/products/" + slug, "/api", "/nowhere")) {
            Document page = Pages.html(Pages.fetch(client, path));
            List<Element> metas = page.select("head meta[name=description]");
            assertEquals(1, metas.size(), path + " has one description");
            String description = metas.get(0).attr("content");
            assertTrue(description.length() > 40, path + ": " + description);
            descriptions.add(description);
        }
        assertTrue(descriptions.size() >= 4, "pages describe themselves, not all alike: " + descriptions);
    }

    @Test
    void shouldServeAFaviconAndAManifestWithIcons() throws Exception {
        HttpResponse<byte[]> favicon = client.toBlocking().exchange(HttpRequest.GET("/favicon.ico"), byte[].class);
        assertEquals("image/x-icon", favicon.getContentType().orElseThrow().toString());
        ByteBuffer ico = ByteBuffer.wrap(favicon.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "an icon");
        assertEquals(1, ico.getShort(4), "one image");
        BufferedImage inside = ImageIO.read(
                new ByteArrayInputStream(favicon.body(), ico.getInt(18), favicon.body().length - ico.getInt(18)));
        assertEquals(32, inside.getWidth());

        Document home = Pages.html(Pages.fetch(client, "/"));
        assertEquals("/favicon.ico", home.selectFirst("link[rel=icon]").attr("href"));
        String manifestUrl = home.selectFirst("link[rel=manifest]").attr("href");
        HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET(manifestUrl));
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(
                "application/manifest+json",
                response.getContentType().orElseThrow().toString());
        JsonNode manifest = new ObjectMapper().readTree(response.body());
        assertEquals("vi", manifest.get("lang").asText());
        assertFalse(manifest.get("name").asText().isBlank());
        Set<String> sizes = new HashSet<>();
        for (JsonNode icon : manifest.get("icons")) {
            HttpResponse<byte[]> png =
                    client.toBlocking().exchange(HttpRequest.GET(icon.get("src").asText()), byte[].class);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertEquals(icon.get("sizes").asText(), image.getWidth() + "x" + image.getHeight());
            sizes.add(icon.get("sizes").asText());
        }
        assertTrue(sizes.containsAll(Set.of("192x192", "512x512")), sizes.toString());
        assertEquals(
                HttpStatus.NOT_FOUND, Pages.fetch(client, "/icons/icon-7.png").getStatus());
    }

    @Test
    void shouldCacheVersionedStaticFilesForAYear() {
        Document home = Pages.html(Pages.fetch(client, "/"));
        String stylesheet = home.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.matches("/static/css/portal\\.css\\?v=[0-9a-f]{12}"), stylesheet);
        HttpResponse<String> versioned = Pages.fetch(client, HttpRequest.GET(stylesheet));
        assertEquals(HttpStatus.OK, versioned.getStatus());
        assertEquals("public, max-age=31536000, immutable", versioned.header(HttpHeaders.CACHE_CONTROL));
        String script = home.selectFirst("script[src*=suggest.js]").attr("src");
        assertEquals(
                "public, max-age=31536000, immutable",
                Pages.fetch(client, HttpRequest.GET(script)).header(HttpHeaders.CACHE_CONTROL));

        HttpResponse<String> stale = Pages.fetch(client, HttpRequest.GET("/static/css/portal.css?v=000000000000"));
        assertEquals("public, max-age=300", stale.header(HttpHeaders.CACHE_CONTROL), "an old version is not kept");
        assertEquals(
                "public, max-age=300",
                Pages.fetch(client, HttpRequest.GET("/static/css/portal.css")).header(HttpHeaders.CACHE_CONTROL));
    }

    private String value(String sql) {
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql);
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
