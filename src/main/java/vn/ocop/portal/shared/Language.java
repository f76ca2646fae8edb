package vn.ocop.portal.shared;

import java.util.Locale;
import java.util.Optional;

/** The portal's languages: Vietnamese first, English second. */
public enum Language {
    VI,
    EN;

    public static final String COOKIE = "lang";

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    public static Optional<Language> fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag().equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language of(Locale locale) {
        return fromTag(locale.getLanguage()).orElse(VI);
    }
}
