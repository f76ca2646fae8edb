package vn.ocop.portal.shared.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * How the portal meets the open internet ({@code ocop.http.*}).
 *
 * @param headerReadTimeout a connection must send a request's whole head within this time of opening or of its
 *     previous answer ({@code OCOP_HTTP_HEADER_READ_TIMEOUT})
 * @param trustedProxies networks (CIDR, e.g. {@code 10.0.0.0/8}) of the reverse proxies in front of the portal;
 *     only a connection from one of them may name the visitor's address in {@link #clientAddressHeader}
 *     ({@code OCOP_HTTP_TRUSTED_PROXIES}, comma-separated). Empty: the socket's address is the visitor's
 * @param clientAddressHeader the header those proxies set: {@code X-Forwarded-For} (its last address not itself a
 *     trusted proxy is taken), {@code X-Real-IP} or {@code Forwarded} ({@code OCOP_HTTP_CLIENT_ADDRESS_HEADER})
 */
@ConfigurationProperties("ocop.http")
public record EdgeSettings(
        @Bindable(defaultValue = "20s") Duration headerReadTimeout,
        @Nullable List<String> trustedProxies,
        @Bindable(defaultValue = "X-Forwarded-For") String clientAddressHeader) {}
