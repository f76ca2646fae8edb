package vn.ocop.portal.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Adds the {@link PageContext} to every rendered page, so no controller has to. */
@Singleton
class PageContextProcessor implements ViewModelProcessor<Map<String, Object>> {

    /** The model attribute with the portal's public address, for absolute links (hreflang alternates). */
    public static final String SITE_URL = "siteUrl";

    private final HttpLocaleResolver locales;
    private final String siteUrl;

    PageContextProcessor(HttpLocaleResolver locales, @Value("${ocop.public-base-url}") String siteUrl) {
        this.locales = locales;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        Language language = Language.of(locales.resolveOrDefault(request));
        String path = request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null
                        ? ""
                        : "?" + request.getUri().getRawQuery());
        model.put(PageContext.ATTRIBUTE, PageContext.of(language, path));
        model.put(SITE_URL, siteUrl);
        modelAndView.setModel(model);
    }
}
