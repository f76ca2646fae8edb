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

    static PageContext of(Language language, String path) {
        Language other = language == Language.VI ? Language.EN : Language.VI;
        return new PageContext(language.tag(), other.tag(), path);
    }
}
