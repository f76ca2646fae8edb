package vn.ocop.portal;

import io.micronaut.runtime.Micronaut;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.embedded.EmbeddedServicesException;

public final class Application {

    private Application() {}

    public static void main(String[] args) {
        try {
            Micronaut.build(args).banner(false).start();
        } catch (EmbeddedServicesException e) {
            // A clear sentence, not a stack trace: the user has something to do (stop the other copy, ...).
            LoggerFactory.getLogger(Application.class).error(e.getMessage());
            System.exit(1);
        }
    }
}
