package vn.ocop.portal.shared;

import io.micronaut.core.annotation.Introspected;

/**
 * What every page's layout needs about the request: the language it is shown in, the other language for the
 * switch, and the path to return to after switching.
 */
@Introspected
public record PageContext(String language, String otherLanguage, String path) {

    /** The model attribute layouts read. */
    public static final String ATTRIBUTE = "pageContext";

    // JavaBean getters: layouts read ${pageContext.language} without going through OGNL.

    public String getLanguage() {
        return language;
    }

    public String getOtherLanguage() {
        return otherLanguage;
    }

    public String getPath() {
        return path;
    }

    /** Whether the page has a URL in each language (then the layout lists them as hreflang alternates). */
    public boolean isTranslated() {
        return LanguageUrls.hasEnglishTwin(LanguageUrls.pathOnly(LanguageUrls.vietnamese(path)));
    }

    /** The page's Vietnamese URL path (with its query). */
    public String getVietnamesePath() {
        return LanguageUrls.vietnamese(path);
    }

    /** The page's English URL path (with its query). */
    public String getEnglishPath() {
        return LanguageUrls.english(path);
    }

    /** The version of the static files, for their URLs: {@code @{/static/css/portal.css(v=${pageContext.assets})}}. */
    public String getAssets() {
        return StaticAssets.VERSION;
    }

    static PageContext of(Language language, String path) {
        Language other = language == Language.VI ? Language.EN : Language.VI;
        return new PageContext(language.tag(), other.tag(), path);
    }
}
