package vn.ocop.portal.embedded;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a real PostgreSQL and a real Elasticsearch for dev mode and tests when no external server is configured
 * ({@code DATASOURCES_DEFAULT_URL}, {@code ELASTICSEARCH_URL}), and points the application at them.
 *
 * <p>A configurer runs before the application context reads its configuration, so it looks at system properties
 * and environment variables only. The services start once per JVM and stop with it, however many application
 * contexts a test run builds.
 */
@ContextConfigurer
public final class EmbeddedServices implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        boolean needsDatabase =
                setting("datasources.default.url", "DATASOURCES_DEFAULT_URL").isEmpty();
        boolean needsSearch = setting("elasticsearch.url", "ELASTICSEARCH_URL").isEmpty();
        if (!needsDatabase && !needsSearch) {
            return;
        }
        EmbeddedRuntime runtime = EmbeddedRuntime.start(settings(), needsDatabase, needsSearch);
        Map<String, Object> properties = new LinkedHashMap<>();
        runtime.postgres().ifPresent(postgres -> {
            properties.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
            properties.put("datasources.default.username", "postgres");
            properties.put("datasources.default.password", "");
        });
        runtime.elasticsearch().ifPresent(node -> properties.put("elasticsearch.url", node.url()));
        properties.put(ReadyNotice.DATA_DIR, runtime.dataDir().toString());
        builder.properties(properties);
    }

    private static EmbeddedSettings settings() {
        return new EmbeddedSettings(
                setting("ocop.data-dir", "OCOP_DATA_DIR").orElse("data"),
                setting("ocop.embedded.clean-data", "OCOP_EMBEDDED_CLEAN_DATA")
                        .map(Boolean::parseBoolean)
                        .orElse(false),
                setting("ocop.embedded.elasticsearch-home", "OCOP_EMBEDDED_ELASTICSEARCH_HOME")
                        .orElse(null));
    }

    private static Optional<String> setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
