package vn.ocop.portal.catalogue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.ZoneOffset;

/** {@code /sitemap.xml} (the home page, the catalogue and every listed product) and {@code /robots.txt}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SiteMapController {

    private final ProductDetails details;
    private final PublicUrls urls;

    SiteMapController(ProductDetails details, PublicUrls urls) {
        this.details = details;
        this.urls = urls;
    }

    @Get(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML)
    HttpResponse<String> sitemap() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        url(xml, urls.of("/"), null);
        url(xml, urls.of("/products"), null);
        for (ProductDetails.Listed product : details.listed()) {
            url(
                    xml,
                    urls.product(product.slug()),
                    product.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        xml.append("</urlset>\n");
        return HttpResponse.ok(xml.toString()).contentType(MediaType.APPLICATION_XML_TYPE);
    }

    @Get(value = "/robots.txt", produces = MediaType.TEXT_PLAIN)
    String robots() {
        return """
                User-agent: *
                Allow: /
                Disallow: /api/
                Disallow: /language/
                Sitemap: %s
                """.formatted(urls.of("/sitemap.xml"));
    }

    private static void url(StringBuilder xml, String location, String lastModified) {
        xml.append("  <url><loc>").append(escape(location)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
