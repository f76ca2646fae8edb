package vn.ocop.portal.shared;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Every visible word comes from {@code i18n/messages_vi.properties} and {@code i18n/messages_en.properties}. */
@Factory
class MessagesFactory {

    @Singleton
    MessageSource messageSource() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
