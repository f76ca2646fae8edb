package vn.ocop.portal.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches pages as a browser would and parses them, whatever their status. */
public final class Pages {

    /** What Chromium sends when it navigates to a page. */
    public static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private Pages() {}

    public static HttpResponse<String> fetch(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    public static HttpResponse<String> fetch(HttpClient client, String path) {
        return fetch(client, HttpRequest.GET(path).accept(BROWSER_ACCEPT));
    }

    public static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.getBody(String.class).orElse(""));
    }
}
