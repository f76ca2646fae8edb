package vn.ocop.portal.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.views.thymeleaf.LinkBuilder;
import jakarta.inject.Singleton;
import java.util.Map;
import org.thymeleaf.context.IExpressionContext;

/**
 * Links of an English page stay in English: {@code @{/products(q=…)}} on a page shown in English is written
 * {@code /en/products?q=…}, for every page that has an English URL ({@link LanguageUrls}).
 */
@Singleton
@Replaces(LinkBuilder.class)
class LanguageLinkBuilder extends LinkBuilder {

    LanguageLinkBuilder(HttpServerConfiguration configuration) {
        super(configuration);
    }

    @Override
    protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
        String contextPath = super.computeContextPath(context, base, parameters);
        if (context.getLocale() != null
                && "en".equals(context.getLocale().getLanguage())
                && LanguageUrls.hasEnglishTwin(LanguageUrls.pathOnly(base))) {
            return (contextPath == null ? "" : contextPath) + LanguageUrls.ENGLISH_PREFIX;
        }
        return contextPath;
    }
}
