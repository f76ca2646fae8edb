package vn.ocop.portal.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The visitor's address: the socket's, unless the connection comes from a trusted reverse proxy
 * ({@link EdgeSettings#trustedProxies}), whose header ({@link EdgeSettings#clientAddressHeader}) then names it. A
 * header from anyone else is ignored: trusted by default, {@code X-Forwarded-For} would let any script choose its
 * network (and dodge per-network limits, or fake scans from many places).
 */
@Singleton
public final class ClientAddresses {

    private final List<Network> proxies = new ArrayList<>();
    private final String header;

    ClientAddresses(EdgeSettings settings) {
        if (settings.trustedProxies() != null) {
            for (String cidr : settings.trustedProxies()) {
                if (!cidr.isBlank()) {
                    proxies.add(Network.parse(cidr.strip()));
                }
            }
        }
        this.header = settings.clientAddressHeader();
    }

    /** The visitor's address as text ({@code 203.0.113.7}, {@code 2001:db8::1}), or null when unknown. */
    @Nullable
    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress socket = remote == null ? null : remote.getAddress();
        if (socket == null) {
            return null;
        }
        if (proxies.isEmpty() || !trusted(socket)) {
            return socket.getHostAddress();
        }
        InetAddress named = named(request.getHeaders().getAll(header));
        return (named == null ? socket : named).getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        for (Network proxy : proxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The last address in the header's chain that is not itself a trusted proxy. */
    @Nullable
    private InetAddress named(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                hops.add(part);
            }
        }
        boolean forwarded = header.equalsIgnoreCase("Forwarded");
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded ? forwardedFor(hops.get(i)) : hops.get(i));
            if (hop == null) {
                return null;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return null;
    }

    /** The {@code for=} of one element of an RFC 7239 {@code Forwarded} header. */
    @Nullable
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].toLowerCase(Locale.ROOT).equals("for")) {
                String value = nameValue[1].strip().replace("\"", "");
                if (value.startsWith("[")) {
                    int end = value.indexOf(']');
                    return end < 0 ? null : value.substring(1, end);
                }
                int colon = value.indexOf(':');
                return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
            }
        }
        return null;
    }

    @Nullable
    static InetAddress literal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A CIDR network. */
    public record Network(byte[] prefix, int bits) {

        /** Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address. */
        public static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not a network: " + cidr);
            }
            byte[] bytes = address.getAddress();
            int bits = slash < 0
                    ? bytes.length * 8
                    : Integer.parseInt(cidr.substring(slash + 1).strip());
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("not a network: " + cidr);
            }
            return new Network(bytes, bits);
        }

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (prefix[full] & mask);
        }
    }
}
