package vn.ocop.portal.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.ocop.portal.support.Pages;

/**
 * A browser's side of staff pages, over the test's HTTP client: keeps cookies as a browser does (by name), signs in
 * through the real forms (password, then the TOTP code when the account has one), and posts forms with the CSRF
 * token the page carries.
 */
public final class SignedInClient {

    private final HttpClient client;
    private final ApplicationContext context;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> last;

    public SignedInClient(HttpClient client, ApplicationContext context) {
        this.client = client;
        this.context = context;
    }

    /** Signs in as a test account; the last response is the one after the final step. */
    public SignedInClient signIn(TestStaff.Made account) {
        HttpResponse<String> answer = postPassword(account.email(), TestStaff.PASSWORD);
        String location = answer.getHeaders().get("Location");
        if ("/login/code".equals(location)) {
            Document page = Pages.html(get("/login/code"));
            answer = post("/login/code", Map.of("code", TestStaff.code(context, account.totpSecret(), 0)), page);
        }
        if (!"/admin".equals(answer.getHeaders().get("Location"))) {
            throw new AssertionError("signing in as " + account.email() + " ended with " + answer.getStatus() + " "
                    + answer.getHeaders().get("Location") + ": "
                    + answer.getBody(String.class).orElse(""));
        }
        return this;
    }

    /** The password step alone, through the sign-in form (its form token and cookie). */
    public HttpResponse<String> postPassword(String email, String password) {
        Document form = Pages.html(get("/login"));
        Map<String, String> fields = new HashMap<>();
        fields.put("email", email);
        fields.put("password", password);
        fields.put("_form", form.selectFirst("input[name=_form]").val());
        return send(HttpRequest.POST("/login", fields).contentType(MediaType.APPLICATION_FORM_URLENCODED));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.GET(path).accept(Pages.BROWSER_ACCEPT));
    }

    /** Posts a form with the CSRF token of the given page (a page of this session). */
    public HttpResponse<String> post(String path, Map<String, String> fields, Document page) {
        Map<String, String> all = new HashMap<>(fields);
        Element csrf = page.selectFirst("input[name=_csrf]");
        if (csrf == null) {
            throw new AssertionError("the page has no CSRF token: " + page.title());
        }
        all.put("_csrf", csrf.val());
        return postRaw(path, all);
    }

    /** Posts a form as it is (no CSRF token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        return send(HttpRequest.POST(path, fields)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(Pages.BROWSER_ACCEPT));
    }

    /** Posts a form with the CSRF token of the session's admin home page. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, Pages.html(get("/admin")));
    }

    public HttpResponse<String> send(MutableHttpRequest<?> request) {
        cookies.forEach((name, value) -> request.cookie(Cookie.of(name, value)));
        last = Pages.fetch(client, request);
        for (Cookie cookie : last.getCookies().getAll()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return last;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public HttpResponse<String> last() {
        return last;
    }

    static List<String> setCookieHeaders(HttpResponse<?> response) {
        return response.getHeaders().getAll("Set-Cookie");
    }
}
