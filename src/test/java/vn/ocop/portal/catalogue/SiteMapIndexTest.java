package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Past its limit of addresses a file, the sitemap becomes an index of parts, as the protocol asks. */
@MicronautTest
@Property(name = "ocop.sitemap.max-urls", value = "10")
class SiteMapIndexTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @Test
    void shouldSplitTheSitemapIntoAnIndexOfParts() {
        Document index = xml("/sitemap.xml");
        List<String> parts = new ArrayList<>();
        index.select("sitemapindex > sitemap > loc").forEach(loc -> parts.add(loc.text()));
        assertTrue(parts.size() >= 2, index.outerHtml());
        Set<String> all = new HashSet<>();
        int total = 0;
        for (String part : parts) {
            assertTrue(part.startsWith(baseUrl + "/sitemap-"), part);
            Document urls = xml(part.substring(baseUrl.length()));
            int count = urls.select("urlset > url").size();
            assertTrue(count >= 1 && count <= 10, part + ": " + count);
            urls.select("url > loc").forEach(loc -> all.add(loc.text()));
            total += count;
        }
        assertEquals(total, all.size(), "no address twice");
        assertTrue(all.contains(baseUrl + "/products"));
        assertEquals(
                404,
                Pages.fetch(client, HttpRequest.GET("/sitemap-" + (parts.size() + 1) + ".xml"))
                        .code());
    }

    private Document xml(String path) {
        HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET(path));
        assertEquals(200, response.code(), path);
        return Jsoup.parse(response.body(), "", Parser.xmlParser());
    }
}
