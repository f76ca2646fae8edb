package vn.ocop.portal.catalogue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.ZoneOffset;
import vn.ocop.portal.shared.LanguageUrls;

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
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                """);
        page(xml, "/", null);
        page(xml, "/products", null);
        for (ProductDetails.Listed product : details.listed()) {
            page(
                    xml,
                    "/products/" + product.slug(),
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

    /** A page at its URL in each language, each listing both as alternates (and Vietnamese as x-default). */
    private void page(StringBuilder xml, String path, String lastModified) {
        String vietnamese = urls.of(LanguageUrls.vietnamese(path));
        String english = urls.of(LanguageUrls.english(path));
        for (String location : new String[] {vietnamese, english}) {
            xml.append("  <url><loc>").append(escape(location)).append("</loc>");
            if (lastModified != null) {
                xml.append("<lastmod>").append(lastModified).append("</lastmod>");
            }
            alternate(xml, "vi", vietnamese);
            alternate(xml, "en", english);
            alternate(xml, "x-default", vietnamese);
            xml.append("</url>\n");
        }
    }

    private static void alternate(StringBuilder xml, String language, String location) {
        xml.append("<xhtml:link rel=\"alternate\" hreflang=\"")
                .append(language)
                .append("\" href=\"")
                .append(escape(location))
                .append("\"/>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
