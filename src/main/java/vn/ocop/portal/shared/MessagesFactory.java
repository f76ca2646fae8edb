package vn.ocop.portal.shared;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Every visible word comes from a message bundle in {@code i18n/}, Vietnamese ({@code _vi}) and English ({@code _en}).
 * Each feature owns its bundle; Micronaut's composite message source asks them all.
 */
@Factory
class MessagesFactory {

    /** The bundles' base names; a feature with words of its own adds its bundle here. */
    static final List<String> BUNDLES = List.of(
            "i18n.messages",
            "i18n.catalogue",
            "i18n.traceability",
            "i18n.staff",
            "i18n.admin",
            "i18n.search",
            "i18n.certification",
            "i18n.api",
            "i18n.stampdesk",
            "i18n.product",
            "i18n.showroom",
            "i18n.fair",
            "i18n.promotion");

    @Singleton
    @Named("messages")
    @Bean(typed = MessageSource.class)
    MessageSource messages() {
        return new ResourceBundleMessageSource(BUNDLES.get(0));
    }

    @Singleton
    @Named("catalogue")
    @Bean(typed = MessageSource.class)
    MessageSource catalogue() {
        return new ResourceBundleMessageSource(BUNDLES.get(1));
    }

    @Singleton
    @Named("traceability")
    @Bean(typed = MessageSource.class)
    MessageSource traceability() {
        return new ResourceBundleMessageSource(BUNDLES.get(2));
    }

    @Singleton
    @Named("staff")
    @Bean(typed = MessageSource.class)
    MessageSource staff() {
        return new ResourceBundleMessageSource(BUNDLES.get(3));
    }

    @Singleton
    @Named("admin")
    @Bean(typed = MessageSource.class)
    MessageSource admin() {
        return new ResourceBundleMessageSource(BUNDLES.get(4));
    }

    @Singleton
    @Named("search")
    @Bean(typed = MessageSource.class)
    MessageSource search() {
        return new ResourceBundleMessageSource(BUNDLES.get(5));
    }

    @Singleton
    @Named("certification")
    @Bean(typed = MessageSource.class)
    MessageSource certification() {
        return new ResourceBundleMessageSource(BUNDLES.get(6));
    }

    @Singleton
    @Named("api")
    @Bean(typed = MessageSource.class)
    MessageSource api() {
        return new ResourceBundleMessageSource(BUNDLES.get(7));
    }

    @Singleton
    @Named("stampdesk")
    @Bean(typed = MessageSource.class)
    MessageSource stampdesk() {
        return new ResourceBundleMessageSource(BUNDLES.get(8));
    }

    @Singleton
    @Named("product")
    @Bean(typed = MessageSource.class)
    MessageSource product() {
        return new ResourceBundleMessageSource(BUNDLES.get(9));
    }

    @Singleton
    @Named("showroom")
    @Bean(typed = MessageSource.class)
    MessageSource showroom() {
        return new ResourceBundleMessageSource(BUNDLES.get(10));
    }

    @Singleton
    @Named("fair")
    @Bean(typed = MessageSource.class)
    MessageSource fair() {
        return new ResourceBundleMessageSource(BUNDLES.get(11));
    }

    @Singleton
    @Named("promotion")
    @Bean(typed = MessageSource.class)
    MessageSource promotion() {
        return new ResourceBundleMessageSource(BUNDLES.get(12));
    }
}
