package vn.ocop.portal.catalogue;

import io.micronaut.context.MessageSource;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.ocop.portal.product.ProducerType;
import vn.ocop.portal.product.ProductGroup;
import vn.ocop.portal.search.CatalogueResult;

/** What a facet value is called in the visitor's language, and the order values are shown in. */
final class Labels {

    private final CatalogueReference.Names names;
    private final MessageSource messages;
    private final Locale locale;

    Labels(CatalogueReference.Names names, MessageSource messages, Locale locale) {
        this.names = names;
        this.messages = messages;
        this.locale = locale;
    }

    String of(String facet, String key) {
        return switch (facet) {
            case CatalogueResult.GROUP -> {
                ProductGroup group = names.groups().get(key);
                yield group == null ? key : group.name(locale);
            }
            case CatalogueResult.PROVINCE -> {
                CatalogueReference.Province province = names.provinces().get(key);
                yield province == null ? key : province.name(locale);
            }
            case CatalogueResult.STARS -> text(messages, "catalogue.stars", locale, Integer.valueOf(key));
            case CatalogueResult.PRODUCER_TYPE -> text(messages, "catalogue.producer-type." + key, locale);
            default -> key;
        };
    }

    /** A count as the language writes it: 17.742 in Vietnamese, 17,742 in English. */
    String count(long count) {
        String digits = Long.toString(count);
        char separator = "en".equals(locale.getLanguage()) ? ',' : '.';
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(separator);
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    /** A message of the catalogue bundle, its {@code {0}} placeholders filled. */
    static String text(MessageSource messages, String key, Locale locale, Object... arguments) {
        String pattern = messages.getRawMessage(key, MessageSource.MessageContext.of(locale))
                .orElseThrow(() -> new IllegalStateException("no message " + key));
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Groups in their legal order, stars from five down, provinces by count then name, producer types as declared. */
    List<String> order(String facet, Map<String, Long> counts) {
        return switch (facet) {
            case CatalogueResult.GROUP -> List.copyOf(names.groups().keySet());
            case CatalogueResult.STARS -> List.of("5", "4", "3");
            case CatalogueResult.PRODUCER_TYPE ->
                java.util.Arrays.stream(ProducerType.values()).map(Enum::name).toList();
            case CatalogueResult.PROVINCE -> {
                List<String> codes = new ArrayList<>(names.provinces().keySet());
                codes.sort(Comparator.comparing((String code) -> -counts.getOrDefault(code, 0L)));
                yield codes;
            }
            default -> List.copyOf(counts.keySet());
        };
    }
}
