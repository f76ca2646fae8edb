package vn.ocop.portal.traceability;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The coarse network a scan came from: the client address cut to its /24 (IPv4) or /48 (IPv6) prefix and hashed
 * under the stamp key. The address itself is never stored, and the hash cannot be reversed without the key; it only
 * lets the page tell "one shop" from "many places".
 */
@Singleton
class ScanNetwork {

    static final String UNKNOWN = "unknown";

    private final HttpClientAddressResolver addresses;
    private final StampCodes codes;

    ScanNetwork(HttpClientAddressResolver addresses, StampCodes codes) {
        this.addresses = addresses;
        this.codes = codes;
    }

    String of(HttpRequest<?> request) {
        return of(addresses.resolve(request));
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
