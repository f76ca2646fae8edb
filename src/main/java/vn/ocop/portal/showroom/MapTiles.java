package vn.ocop.portal.showroom;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map's tile server ({@code ocop.map.tile-url}, OpenStreetMap's own when none is configured) and its
 * attribution, for the public pages and the staff's point form alike: what a page with a map puts in its model,
 * and the Content-Security-Policy that lets the browser load the tiles (images from that origin, nothing else).
 */
@Singleton
class MapTiles {

    /** OpenStreetMap's own tiles, when no tile server is configured (placeholders cannot be written in YAML). */
    static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /** The map's tiles come from elsewhere: a page with a map allows that origin for images. */
    static final String CSP_TEMPLATE =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: %s;"
                    + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                    + " frame-ancestors 'none'";

    static final String LEAFLET_CSS = "/webjars/leaflet/1.9.4/dist/leaflet.css";
    static final String LEAFLET_JS = "/webjars/leaflet/1.9.4/dist/leaflet.js";

    private static final Pattern ORIGIN = Pattern.compile("(https?://[^/{}\\s`']+)");

    private final String url;
    private final String attribution;
    private final String csp;

    MapTiles(
            @Value("${ocop.map.tile-url:}") @Nullable String tileUrl,
            @Value("${ocop.map.attribution}") String attribution) {
        this.url = tileUrl == null || tileUrl.isBlank() ? OSM_TILES : tileUrl.strip();
        this.attribution = attribution;
        this.csp = CSP_TEMPLATE.formatted(origin(this.url));
    }

    String url() {
        return url;
    }

    String attribution() {
        return attribution;
    }

    /** The page's Content-Security-Policy: the site's, with the tile server's origin allowed for images. */
    String contentSecurityPolicy() {
        return csp;
    }

    /**
     * Puts the map's settings, style sheets and scripts into a page's model.
     *
     * @param script the page's own script, after Leaflet's
     */
    void addTo(Map<String, Object> model, String styleSheet, String script) {
        model.put("tileUrl", url);
        model.put("attribution", attribution);
        model.put("pageStyles", List.of(LEAFLET_CSS, styleSheet));
        model.put("pageScripts", List.of(LEAFLET_JS, script));
    }

    /** The scheme and host of the tile URL, for the page's image policy. */
    static String origin(String url) {
        Matcher matcher = ORIGIN.matcher(url);
        return matcher.find() ? matcher.group(1) : "";
    }
}
