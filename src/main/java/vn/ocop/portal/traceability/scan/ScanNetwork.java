package vn.ocop.portal.traceability.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import vn.ocop.portal.shared.web.ClientAddresses;
import vn.ocop.portal.traceability.StampCodes;

/**
 * The coarse network a scan came from: the client address (the socket's, unless a trusted proxy names it:
 * {@link ClientAddresses}) cut to its /24 (IPv4) or /48 (IPv6) prefix and hashed under the stamp key, and the province
 * that network is in ({@link NetworkProvinces}), if known. The address itself is never stored, and the hash cannot be
 * reversed without the key; it only lets the page tell "one shop" from "many places".
 */
@Singleton
public class ScanNetwork {

    static final String UNKNOWN = "unknown";

    /** Where a scan came from: its network's id and, if known, its province's code. */
    record Place(String network, @Nullable String province) {

        static final Place NOWHERE = new Place(UNKNOWN, null);
    }

    private static final int REMEMBERED_ADDRESSES = 10_000;
    /** Addresses are remembered in memory only, and never for long. */
    private static final Duration REMEMBERED_FOR = Duration.ofHours(1);

    private final ClientAddresses addresses;
    private final StampCodes codes;
    private final NetworkProvinces provinces;
    /** Recent addresses' places: a shop's phones scan again and again, and each id costs an HMAC. */
    private final Cache<String, Place> byAddress = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_ADDRESSES)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    ScanNetwork(ClientAddresses addresses, StampCodes codes, NetworkProvinces provinces) {
        this.addresses = addresses;
        this.codes = codes;
        this.provinces = provinces;
    }

    /** The network's id of the request's client. */
    public String of(HttpRequest<?> request) {
        return place(request).network();
    }

    Place place(HttpRequest<?> request) {
        String address = addresses.of(request);
        return address == null ? Place.NOWHERE : byAddress.get(address, this::placeOf);
    }

    public String of(String address) {
        return placeOf(address).network();
    }

    /** Forgets the remembered addresses (tests that change the table of provinces). */
    void forget() {
        byAddress.invalidateAll();
    }

    private Place placeOf(String address) {
        if (address == null || address.isBlank()) {
            return Place.NOWHERE;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            InetAddress inet = InetAddress.ofLiteral(literal);
            byte[] bytes = inet.getAddress();
            byte[] prefix = Arrays.copyOf(bytes, inet instanceof Inet4Address ? 3 : 6);
            return new Place(codes.networkId(prefix), provinces.of(inet));
        } catch (IllegalArgumentException e) {
            return Place.NOWHERE;
        }
    }
}
