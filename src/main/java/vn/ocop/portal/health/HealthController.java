package vn.ocop.portal.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 "UP" when PostgreSQL and Elasticsearch both answer, 200 "DEGRADED" when only Elasticsearch
 * does not (search falls back to PostgreSQL), 503 "DOWN" when PostgreSQL does not.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final DataSource database;
    private final ElasticsearchClient search;

    @Inject
    HealthController(DataSource dataSource, DataSourceResolver pool, ElasticsearchClient search) {
        // The injected DataSource only lends the connection of a surrounding transaction; the check wants the pool.
        this(pool.resolve(dataSource), search);
    }

    /** With the pool itself (or any plain DataSource). */
    HealthController(DataSource database, ElasticsearchClient search) {
        this.database = database;
        this.search = search;
    }

    @Get
    HttpResponse<Health> health() {
        Component db = database();
        Component es = search();
        // Without Elasticsearch the portal still serves (the catalogue answers from PostgreSQL): degraded, not down.
        String status = !db.up() ? "DOWN" : es.up() ? "UP" : "DEGRADED";
        Health health = new Health(status, db, es);
        return HttpResponse.status(db.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(health);
    }

    private Component database() {
        // A connection of its own, outside any transaction: the pool hands out a live one or fails.
        try (Connection connection = database.getConnection()) {
            return connection.isValid(2) ? new Component("UP", null) : new Component("DOWN", "connection not valid");
        } catch (SQLException e) {
            LOG.warn("Health: the database does not answer: {}", e.getMessage());
            return new Component("DOWN", e.getClass().getSimpleName());
        }
    }

    private Component search() {
        try {
            HealthStatus cluster = search.cluster().health().status();
            return cluster == HealthStatus.Red
                    ? new Component("DOWN", "cluster red")
                    : new Component("UP", "cluster " + cluster.jsonValue());
        } catch (Exception e) {
            LOG.warn("Health: Elasticsearch does not answer: {}", e.getMessage());
            return new Component("DOWN", e.getClass().getSimpleName());
        }
    }

    @Serdeable
    record Health(String status, Component database, Component search) {}

    /** One dependency's state; the detail names a cause without leaking internals. */
    @Serdeable
    record Component(String status, String detail) {
        boolean up() {
            return "UP".equals(status);
        }
    }
}
