package vn.ocop.portal.traceability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * The coarse network a scan came from: the client address cut to its /24 (IPv4) or /48 (IPv6) prefix and hashed
 * under the stamp key. The address itself is never stored, and the hash cannot be reversed without the key; it only
 * lets the page tell "one shop" from "many places".
 */
@Singleton
class ScanNetwork {

    static final String UNKNOWN = "unknown";

    private static final int REMEMBERED_ADDRESSES = 10_000;
    /** Addresses are remembered in memory only, and never for long. */
    private static final Duration REMEMBERED_FOR = Duration.ofHours(1);

    private final HttpClientAddressResolver addresses;
    private final StampCodes codes;
    /** Recent addresses' networks: a shop's phones scan again and again, and each id costs an HMAC. */
    private final Cache<String, String> byAddress = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_ADDRESSES)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    ScanNetwork(HttpClientAddressResolver addresses, StampCodes codes) {
        this.addresses = addresses;
        this.codes = codes;
    }

    String of(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? UNKNOWN : byAddress.get(address, this::of);
    }

    String of(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            InetAddress inet = InetAddress.ofLiteral(literal);
            byte[] bytes = inet.getAddress();
            byte[] prefix = Arrays.copyOf(bytes, inet instanceof Inet4Address ? 3 : 6);
            return codes.networkId(prefix);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
