package vn.ocop.portal.shared;

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

    private final HttpLocaleResolver locales;

    PageContextProcessor(HttpLocaleResolver locales) {
        this.locales = locales;
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
        modelAndView.setModel(model);
    }
}
