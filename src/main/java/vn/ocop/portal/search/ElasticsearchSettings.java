package vn.ocop.portal.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the search cluster is: {@code ELASTICSEARCH_URL} and, for a secured cluster, {@code ELASTICSEARCH_USERNAME}
 * and {@code ELASTICSEARCH_PASSWORD}. Dev mode and tests fill the URL with their embedded node.
 */
@ConfigurationProperties("elasticsearch")
record ElasticsearchSettings(
        @NotBlank String url,
        @Nullable String username,
        @Nullable String password) {

    boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    /** The {@code Authorization} header of every request (Basic), or null without credentials. */
    @Nullable
    String authorization() {
        return hasCredentials()
                ? "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
                : null;
    }
}
