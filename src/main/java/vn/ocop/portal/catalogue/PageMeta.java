package vn.ocop.portal.catalogue;

/**
 * What a page tells search engines and link previews: the canonical URL, OpenGraph fields and schema.org JSON-LD.
 * The public layout renders it into the head when the model has a {@code pageMeta}.
 */
record PageMeta(
        String title,
        String description,
        String canonical,
        String ogType,
        String image,
        String locale,
        String jsonLd,
        boolean noindex) {

    static final String ATTRIBUTE = "pageMeta";
}
