package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * "Where to buy" a product: the display points that stock it and are open for business (status open, the product
 * in stock and confirmed by staff), nearest first when the visitor's place is known. This is the showroom
 * feature's public API for the product page and the scan page: it reads the in-memory directory (no database
 * round trip per call; the directory reloads after a staff change and at least every minute), so a hot page can
 * call it on every request.
 */
@Singleton
public class WhereToBuy {

    /** At most this many places are shown on a product or scan page. */
    public static final int SHOWN = 5;

    /**
     * A page with "where to buy" (or the directory's "near me") lets the browser be asked for its location: the
     * site's Permissions-Policy with geolocation allowed for this site, asked only on a click of "near me".
     */
    public static final String PERMISSIONS_HEADER = "Permissions-Policy";

    public static final String NEAR_ME_PERMISSIONS =
            "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()";

    /**
     * A place to buy the product.
     *
     * @param path the point's public page ({@code /display-points/12}); link it with {@code @{...}} so that an
     *     English page links the English twin
     * @param distanceKm from the visitor, when their place was given; else null
     * @param openNow whether its hours say it is open at this moment (Vietnam time)
     * @param priceVnd the price it sells the product at, if staff recorded one
     */
    public record Place(
            long pointId,
            String name,
            String addressLine,
            String provinceName,
            String path,
            @Nullable Double distanceKm,
            boolean openNow,
            @Nullable Long priceVnd) {

        public String getName() {
            return name;
        }

        public String getAddressLine() {
            return addressLine;
        }

        public String getProvinceName() {
            return provinceName;
        }

        public String getPath() {
            return path;
        }

        public Double getDistanceKm() {
            return distanceKm;
        }

        /** The distance as the pages show it: "850 m", "3.2 km", "120 km". */
        public String getDistanceShown() {
            return distanceKm == null ? null : Distances.shown(distanceKm);
        }

        public boolean isOpenNow() {
            return openNow;
        }

        public Long getPriceVnd() {
            return priceVnd;
        }
    }

    /** What a page shows: the first {@link #SHOWN} places, and how many there are in all. */
    public record Answer(List<Place> places, int total, boolean near) {
        public List<Place> getPlaces() {
            return places;
        }

        public int getTotal() {
            return total;
        }

        public boolean isNear() {
            return near;
        }

        public boolean isEmpty() {
            return places.isEmpty();
        }
    }

    private final PointDirectory directory;

    WhereToBuy(PointDirectory directory) {
        this.directory = directory;
    }

    /**
     * As {@link #forProduct}, only if the directory is in memory (it is, but for the first read and the read right
     * after a staff change): never waits for the database, so a page answered on the event loop can call it; null
     * otherwise (then call {@link #forProduct} on a blocking thread).
     */
    @Nullable
    public Answer inMemory(long productId, @Nullable Double latitude, @Nullable Double longitude, Locale locale) {
        boolean near = Distances.valid(latitude, longitude);
        List<PointDirectory.Found> found =
                directory.stockingInMemory(productId, near ? latitude : null, near ? longitude : null);
        return found == null ? null : answer(productId, found, near, locale);
    }

    /**
     * The places for a product; {@code latitude} / {@code longitude} are the visitor's (both or neither; values out
     * of range are ignored).
     */
    public Answer forProduct(long productId, @Nullable Double latitude, @Nullable Double longitude, Locale locale) {
        boolean near = Distances.valid(latitude, longitude);
        return answer(
                productId,
                directory.stocking(productId, near ? latitude : null, near ? longitude : null),
                near,
                locale);
    }

    private static Answer answer(long productId, List<PointDirectory.Found> found, boolean near, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<Place> places = found.stream()
                .limit(SHOWN)
                .map(f -> new Place(
                        f.point().id(),
                        f.point().name(),
                        f.point().addressLine(),
                        english ? f.point().provinceNameEn() : f.point().provinceName(),
                        "/display-points/" + f.point().id(),
                        f.distanceKm(),
                        f.openNow(),
                        f.point().stock().stream()
                                .filter(s -> s.productId() == productId)
                                .findFirst()
                                .map(PointDirectory.Stock::priceVnd)
                                .orElse(null)))
                .toList();
        return new Answer(places, found.size(), near);
    }
}
