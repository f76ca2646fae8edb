package vn.ocop.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The visitor's address: the socket's, unless a trusted proxy names it. */
class ClientAddressesTest {

    private static HttpRequest<?> from(String socket, String header, String value) {
        MutableHttpRequest<?> request =
                new io.micronaut.http.simple.SimpleHttpRequest<>(io.micronaut.http.HttpMethod.GET, "/q/X", null) {
                    @Override
                    public InetSocketAddress getRemoteAddress() {
                        return new InetSocketAddress(InetAddress.ofLiteral(socket), 40000);
                    }
                };
        if (value != null) {
            request.header(header, value);
        }
        return request;
    }

    private static ClientAddresses addresses(List<String> proxies, String header) {
        return new ClientAddresses(new EdgeSettings(Duration.ofSeconds(20), proxies, header));
    }

    @Test
    void shouldTakeTheSocketAddressWhenNoProxyIsTrusted() {
        ClientAddresses none = addresses(null, "X-Forwarded-For");
        assertEquals("203.0.113.9", none.of(from("203.0.113.9", "X-Forwarded-For", "198.51.100.1")));
    }

    @Test
    void shouldIgnoreTheHeaderFromAnUntrustedConnection() {
        ClientAddresses proxied = addresses(List.of("10.0.0.0/8"), "X-Forwarded-For");
        assertEquals("203.0.113.9", proxied.of(from("203.0.113.9", "X-Forwarded-For", "198.51.100.1")));
    }

    @Test
    void shouldTakeTheLastAddressThatIsNotATrustedProxy() {
        ClientAddresses proxied = addresses(List.of("10.0.0.0/8"), "X-Forwarded-For");
        // The visitor forged the first entry; the proxy appended what it saw.
        assertEquals(
                "198.51.100.1", proxied.of(from("10.1.2.3", "X-Forwarded-For", "192.0.2.66, 198.51.100.1, 10.9.9.9")));
        assertEquals("10.1.2.3", proxied.of(from("10.1.2.3", "X-Forwarded-For", "not-an-address")));
        assertEquals("10.1.2.3", proxied.of(from("10.1.2.3", "X-Forwarded-For", null)));
    }

    @Test
    void shouldReadTheForwardedHeader() {
        ClientAddresses proxied = addresses(List.of("10.0.0.0/8"), "Forwarded");
        assertEquals(
                "2001:db8:0:0:0:0:0:7",
                proxied.of(from("10.1.2.3", "Forwarded", "for=192.0.2.60;proto=http, for=\"[2001:db8::7]:4711\"")));
    }

    @Test
    void shouldMatchNetworks() {
        ClientAddresses.Network network = ClientAddresses.Network.parse("198.51.100.0/22");
        assertTrue(network.contains(InetAddress.ofLiteral("198.51.103.255")));
        assertFalse(network.contains(InetAddress.ofLiteral("198.51.104.0")));
        assertFalse(network.contains(InetAddress.ofLiteral("::1")));
    }
}
