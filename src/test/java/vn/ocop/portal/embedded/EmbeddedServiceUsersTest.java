package vn.ocop.portal.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The embedded services know which applications still use them, so that at JVM exit they stop only after every
 * application has closed its data source (and written what it writes while closing, such as the last scans).
 */
class EmbeddedServiceUsersTest {

    @Test
    void shouldCountADataSourceFromItsCreationToTheCloseOfItsApplication() {
        int before = EmbeddedRuntime.users();
        try (ApplicationContext application = ApplicationContext.run(Environment.TEST)) {
            application.getBean(DataSource.class);
            assertEquals(before + 1, EmbeddedRuntime.users(), "while the application runs");
        }
        assertEquals(before, EmbeddedRuntime.users(), "once it is closed");
    }
}
