package vn.ocop.portal.traceability.scan;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears PostgreSQL announce changed products (channel {@code ocop_product_changed}, migration V006), whoever made
 * the change: this instance, another one, or a tool. Memory caches of what a product's pages show drop a product
 * when its notice arrives and may only keep what they read while {@link #listening()}: while the connection is
 * down nothing is heard, so nothing read then may be kept. Every notice, and every (re)connection, moves
 * {@link #epoch()} on, so a cache can tell that a change arrived while it was reading.
 */
@Singleton
class ProductChanges implements AutoCloseable {

    static final String CHANNEL = "ocop_product_changed";

    /** How the listening connection names itself to PostgreSQL ({@code pg_stat_activity.application_name}). */
    static final String APPLICATION_NAME = "ocop-product-changes";

    /** The notice for a change that touches every product (a renamed province, for instance). */
    static final long ALL = -1;

    private static final Logger LOG = LoggerFactory.getLogger(ProductChanges.class);
    private static final int WAIT_MILLIS = 10_000;
    private static final long RECONNECT_MILLIS = 1_000;

    private final String url;
    private final String username;
    private final String password;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong epoch = new AtomicLong();
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean running = true;
    private volatile Connection connection;

    ProductChanges(
            @Property(name = "datasources.default.url") String url,
            @Property(name = "datasources.default.username") @Nullable String username,
            @Property(name = "datasources.default.password") @Nullable String password) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.listener = Thread.ofPlatform().name("product-changes").daemon().start(this::listenWhileRunning);
    }

    /**
     * Calls {@code dropped} with a product's id when that product changed, or with {@link #ALL} when anything may
     * have changed (a change to many products, or notices possibly missed while the connection was down).
     */
    void onChange(LongConsumer dropped) {
        listeners.add(dropped);
    }

    /** Whether notices are heard now: only then may a cache keep what it reads. */
    boolean listening() {
        return listening;
    }

    /** Moves on with every notice and every (re)connection. */
    long epoch() {
        return epoch.get();
    }

    private void listenWhileRunning() {
        while (running) {
            try (Connection open = DriverManager.getConnection(url, connectionProperties());
                    Statement statement = open.createStatement()) {
                connection = open;
                statement.execute("listen " + CHANNEL);
                // Whatever changed before the LISTEN was not heard: start from nothing.
                changed(ALL);
                listening = true;
                PGConnection notices = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notices.getNotifications(WAIT_MILLIS);
                    if (arrived == null || arrived.length == 0) {
                        // A quiet while: make sure the connection is still there (a dead one hears nothing).
                        statement.execute("select 1");
                        continue;
                    }
                    for (PGNotification notice : arrived) {
                        changed(productOf(notice.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn(
                            "Not hearing product changes ({}); scan pages are read from the database until"
                                    + " the connection is back",
                            e.toString());
                }
            } finally {
                listening = false;
                connection = null;
                changed(ALL);
            }
            pause();
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    private void changed(long product) {
        epoch.incrementAndGet();
        for (LongConsumer listener : listeners) {
            listener.accept(product);
        }
    }

    private static long productOf(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return ALL;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        listening = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debug("Closing the product change listener", e);
            }
        }
        listener.interrupt();
    }
}
