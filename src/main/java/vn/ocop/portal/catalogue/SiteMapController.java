package vn.ocop.portal.catalogue;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.portal.fair.FairSiteMap;
import vn.ocop.portal.shared.LanguageUrls;

/**
 * {@code /sitemap.xml} (the home page, the catalogue, every listed product, the fairs and each public event) and {@code /robots.txt}. The sitemap is
 * built at most once every {@link #REBUILD_AFTER} and kept; past {@code ocop.sitemap.max-urls} addresses (the
 * protocol's limit is 50,000 a file) {@code /sitemap.xml} is a sitemap index of {@code /sitemap-1.xml},
 * {@code /sitemap-2.xml}, ...
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SiteMapController {

    static final Duration REBUILD_AFTER = Duration.ofMinutes(10);

    private final ProductDetails details;
    private final PublicUrls urls;
    private final FairSiteMap fairs;
    private final int maxUrls;
    private volatile Built built;

    /** The sitemap as last built: the document at /sitemap.xml and, for an index, its parts. */
    private record Built(Instant at, String main, List<String> parts) {}

    SiteMapController(
            ProductDetails details,
            PublicUrls urls,
            FairSiteMap fairs,
            @Value("${ocop.sitemap.max-urls:50000}") int maxUrls) {
        this.details = details;
        this.urls = urls;
        this.fairs = fairs;
        this.maxUrls = Math.max(1, maxUrls);
    }

    @Get(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML)
    HttpResponse<String> sitemap() {
        return xml(current().main());
    }

    @Get(value = "/sitemap-{part}.xml", produces = MediaType.APPLICATION_XML)
    HttpResponse<String> part(int part) {
        List<String> parts = current().parts();
        if (part < 1 || part > parts.size()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such sitemap");
        }
        return xml(parts.get(part - 1));
    }

    private static HttpResponse<String> xml(String document) {
        return HttpResponse.ok(document)
                .contentType(MediaType.APPLICATION_XML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=600");
    }

    private Built current() {
        Built now = built;
        if (now != null && now.at().plus(REBUILD_AFTER).isAfter(Instant.now())) {
            return now;
        }
        synchronized (this) {
            now = built;
            if (now == null || !now.at().plus(REBUILD_AFTER).isAfter(Instant.now())) {
                now = build();
                built = now;
            }
            return now;
        }
    }

    private Built build() {
        Instant at = Instant.now();
        List<String[]> entries = new ArrayList<>();
        entries.add(new String[] {"/", null});
        entries.add(new String[] {"/products", null});
        for (ProductDetails.Listed product : details.listed()) {
            entries.add(new String[] {
                "/products/" + product.slug(),
                product.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()
            });
        }
        for (FairSiteMap.Page page : fairs.pages()) {
            entries.add(new String[] {
                page.path(),
                page.lastModified() == null ? null : page.lastModified().toString()
            });
        }
        // Every page is listed at its Vietnamese and its English address: two URLs an entry.
        int perFile = Math.max(1, maxUrls / 2);
        if (entries.size() <= perFile) {
            return new Built(at, urlset(entries), List.of());
        }
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += perFile) {
            parts.add(urlset(entries.subList(from, Math.min(entries.size(), from + perFile))));
        }
        StringBuilder index = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        for (int part = 1; part <= parts.size(); part++) {
            index.append("  <sitemap><loc>")
                    .append(escape(urls.of("/sitemap-" + part + ".xml")))
                    .append("</loc></sitemap>\n");
        }
        index.append("</sitemapindex>\n");
        return new Built(at, index.toString(), List.copyOf(parts));
    }

    private String urlset(List<String[]> entries) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                """);
        for (String[] entry : entries) {
            page(xml, entry[0], entry[1]);
        }
        xml.append("</urlset>\n");
        return xml.toString();
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
