package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a long stamp secret the portal does not start: no stamps anyone could forge. */
class StampSecretStartupTest {

    @Test
    void shouldRefuseToStartWithoutTheSecret() {
        assertStartupRefused("", "OCOP_STAMP_SECRET");
    }

    @Test
    void shouldRefuseToStartWithAShortSecret() {
        assertStartupRefused("password", "too short");
    }

    private static void assertStartupRefused(String secret, String message) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            // Starting is enough to fail: nothing asks for the stamp codes here.
            ApplicationContext.run(Map.of("ocop.stamp.secret", secret), Environment.TEST)
                    .close();
        });
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertTrue(String.valueOf(cause.getMessage()).contains(message), cause.toString());
    }
}
