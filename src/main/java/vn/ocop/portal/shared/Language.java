package vn.ocop.portal.shared;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's languages: Vietnamese first, English second. */
public enum Language {
    VI("vi"),
    EN("en");

    public static final String COOKIE = "lang";

    private static final List<Language> ALL = List.of(values());

    private final String tag;
    private final Locale locale;
    // Every page asks for its language; the answers are made once.
    private final Optional<Language> found = Optional.of(this);

    Language(String tag) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The one way every page writes a date in this language: 28/08/2026, 28 Aug 2026. */
    public DateTimeFormatter dates() {
        return this == EN ? DATES_EN : DATES_VI;
    }

    private static final DateTimeFormatter DATES_VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATES_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public static Optional<Language> fromTag(String tag) {
        for (Language language : ALL) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return language.found;
            }
        }
        return Optional.empty();
    }

    public static Language of(Locale locale) {
        return fromTag(locale.getLanguage()).orElse(VI);
    }
}
