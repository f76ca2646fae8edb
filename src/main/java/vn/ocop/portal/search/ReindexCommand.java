package vn.ocop.portal.search;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full reindex from the command line: builds a new {@code products_v{n}} from PostgreSQL and swaps the alias, while
 * running portals keep searching. Uses the same configuration as the portal ({@code DATASOURCES_DEFAULT_URL},
 * {@code ELASTICSEARCH_URL}, ...):
 *
 * <pre>java -cp target/ocop-portal-*.jar vn.ocop.portal.search.ReindexCommand</pre>
 */
public final class ReindexCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);

    private ReindexCommand() {}

    public static void main(String[] args) {
        System.exit(run());
    }

    /** Runs the reindex in an application context of its own (no HTTP server, no relay); returns the exit code. */
    static int run() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("ocop.search.relay.enabled", "false", "ocop.demo-data.enabled", "false"))
                .deduceEnvironment(true)
                .start()) {
            ProductIndex.Reindex reindex = context.getBean(ProductIndex.class).reindex();
            System.out.printf(
                    "Reindexed %d products into %s in %d ms; %d changes made meanwhile replayed through the outbox.%n",
                    reindex.products(), reindex.index(), reindex.took().toMillis(), reindex.replayed());
            return 0;
        } catch (Exception e) {
            LOG.error("Reindex failed: {}", e.toString());
            return 1;
        }
    }
}
