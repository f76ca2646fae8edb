package vn.ocop.portal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Sql;

/** A second portal on the same data folder must refuse to start, and leave the running one's data alone. */
@MicronautTest(transactional = false)
class SecondCopyTest {

    @Inject
    TransactionOperations<Connection> database;

    @Test
    void shouldRefuseASecondCopyOnTheSameDataFolder() throws IOException, InterruptedException {
        assumeTrue(
                System.getenv("DATASOURCES_DEFAULT_URL") == null && System.getenv("ELASTICSEARCH_URL") == null,
                "only the embedded mode keeps a data folder");
        long productsBefore = countProducts();
        String dataDir = Path.of(System.getProperty("ocop.data-dir", "data"))
                .toAbsolutePath()
                .toString();
        Process second = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Docop.data-dir=" + dataDir,
                        "-Dmicronaut.server.port=-1",
                        "vn.ocop.portal.Application"))
                .redirectErrorStream(true)
                .start();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second copy gives up quickly");
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertNotEquals(0, second.exitValue(), output);
        assertTrue(output.contains("already running on the data folder " + dataDir), output);
        assertEquals(productsBefore, countProducts(), "the running portal's database is untouched");
    }

    private long countProducts() {
        return Sql.number(database, "select count(*) from product");
    }
}
