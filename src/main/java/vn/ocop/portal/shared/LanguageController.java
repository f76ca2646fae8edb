package vn.ocop.portal.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The language switch: remembers the choice in a cookie and returns to the page the visitor was on, at its URL in the
 * chosen language ({@code /en/…} for English, where the page has one).
 */
@Controller("/language")
@Produces(MediaType.TEXT_HTML)
class LanguageController {

    private final boolean secureCookie;

    LanguageController(@Value("${ocop.public-base-url}") String baseUrl) {
        // Served over https, the cookie never travels in clear (a network could otherwise read or plant it).
        this.secureCookie = baseUrl.toLowerCase(Locale.ROOT).startsWith("https:");
    }

    @Get("/{tag}")
    HttpResponse<?> switchTo(String tag, @QueryValue("return") @Nullable String returnTo) {
        Language language = Language.fromTag(tag).orElse(Language.VI);
        Cookie cookie = Cookie.of(Language.COOKIE, language.tag())
                .path("/")
                .maxAge(Duration.ofDays(365))
                .sameSite(SameSite.Lax)
                .httpOnly(true)
                .secure(secureCookie);
        return HttpResponse.seeOther(URI.create(LanguageUrls.in(language, localPath(returnTo))))
                .cookie(cookie);
    }

    /** Only a path on this site, so the switch cannot be turned into an open redirect. */
    static String localPath(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            return "/";
        }
        try {
            URI uri = URI.create(returnTo);
            return uri.getScheme() == null && uri.getHost() == null ? returnTo : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
