package vn.ocop.portal.shared;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a request: an English page URL ({@code /en/…}) is English, a GET of its Vietnamese twin
 * Vietnamese; otherwise the visitor's choice in the
 * {@code lang} cookie; on a first visit (no cookie) the browser's {@code Accept-Language}, Vietnamese or English by
 * preference; else Vietnamese.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class PortalLocaleResolver implements HttpLocaleResolver {

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(language(request).locale());
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return language(request).locale();
    }

    static Language language(HttpRequest<?> request) {
        String path = request.getPath();
        if (LanguageUrls.isEnglish(path)) {
            return Language.EN;
        }
        // A GET of a Vietnamese page address that has an English twin: LanguageRedirect has sent English visitors
        // on, so it is Vietnamese (and the scan page does not read the cookie and Accept-Language twice).
        if (request.getMethod() == HttpMethod.GET && LanguageUrls.hasEnglishTwin(path)) {
            return Language.VI;
        }
        return chosen(request);
    }

    /** The visitor's language whatever the URL: the cookie, else Accept-Language, else Vietnamese. */
    static Language chosen(HttpRequest<?> request) {
        Optional<Language> cookie =
                request.getCookies().findCookie(Language.COOKIE).flatMap(value -> Language.fromTag(value.getValue()));
        if (cookie.isPresent()) {
            return cookie.get();
        }
        return fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The portal language the header prefers most ({@code q}, then order); Vietnamese when it names neither. */
    static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Language.VI;
        }
        Language best = Language.VI;
        double bestQuality = 0;
        for (String range : header.split(",")) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim();
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            int dash = tag.indexOf('-');
            Optional<Language> language = Language.fromTag(dash < 0 ? tag : tag.substring(0, dash));
            if (language.isPresent() && quality > bestQuality) {
                best = language.get();
                bestQuality = quality;
            }
        }
        return best;
    }
}
