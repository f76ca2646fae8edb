package vn.ocop.portal.shared;

/**
 * Which pages live at a URL of each language: Vietnamese at the path itself ({@code /products}), English under
 * {@code /en} ({@code /en/products}). Only these pages have an English URL; every other address (files, the API,
 * QR images) answers in the visitor's language at one URL.
 */
public final class LanguageUrls {

    public static final String ENGLISH_PREFIX = "/en";

    private LanguageUrls() {}

    /**
     * Whether a Vietnamese path (no {@code /en}, no query) is a page with an English twin: the home page, the
     * catalogue, product pages, {@code /api}, a stamp's scan page ({@code /q/{code}}, not its QR images), its report
     * form and thanks, and the GS1 Digital Link pages ({@code /01/…}; a path before the primary key is allowed).
     */
    public static boolean hasEnglishTwin(String path) {
        return path.equals("/")
                || path.equals("/products")
                || (path.startsWith("/products/") && path.indexOf('/', "/products/".length()) < 0)
                || path.equals("/api")
                || (path.startsWith("/q/") && isStampPage(path))
                || path.startsWith("/01/")
                || path.equals("/display-points")
                || (path.startsWith("/display-points/") && path.indexOf('/', "/display-points/".length()) < 0)
                || path.equals("/fairs")
                || (path.startsWith("/fairs/") && path.indexOf('/', "/fairs/".length()) < 0);
    }

    /** {@code /q/{code}}, {@code /q/{code}/report} or {@code /q/{code}/report/thanks}, but not a QR image. */
    private static boolean isStampPage(String path) {
        int slash = path.indexOf('/', 3);
        if (slash < 0) {
            return path.indexOf('.', 3) < 0;
        }
        String rest = path.substring(slash);
        return rest.equals("/report") || rest.equals("/report/thanks");
    }

    /** Whether a request path is an English page URL ({@code /en}, {@code /en/…}). */
    public static boolean isEnglish(String path) {
        return path.equals(ENGLISH_PREFIX) || path.startsWith(ENGLISH_PREFIX + "/");
    }

    /** The Vietnamese path of a page, query kept: {@code /en/products?q=x} → {@code /products?q=x}. */
    public static String vietnamese(String pathAndQuery) {
        if (!isEnglish(pathOnly(pathAndQuery))) {
            return pathAndQuery;
        }
        String rest = pathAndQuery.substring(ENGLISH_PREFIX.length());
        return rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
    }

    /** The English path of a page that has one, query kept; other paths as they are. */
    public static String english(String pathAndQuery) {
        String vietnamese = vietnamese(pathAndQuery);
        String path = pathOnly(vietnamese);
        if (!hasEnglishTwin(path)) {
            return vietnamese;
        }
        return path.equals("/") ? ENGLISH_PREFIX + "/" + vietnamese.substring(1) : ENGLISH_PREFIX + vietnamese;
    }

    /** The path of a page in a language. */
    public static String in(Language language, String pathAndQuery) {
        return language == Language.EN ? english(pathAndQuery) : vietnamese(pathAndQuery);
    }

    static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
