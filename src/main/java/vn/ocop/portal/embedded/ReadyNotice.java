package vn.ocop.portal.embedded;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a developer in dev mode which URL to open and where the embedded data lives. */
@Singleton
@Requires(property = ReadyNotice.DATA_DIR)
class ReadyNotice {

    static final String DATA_DIR = "ocop.embedded.data-dir";
    private static final Logger LOG = LoggerFactory.getLogger(ReadyNotice.class);

    private final String dataDir;

    ReadyNotice(@Property(name = DATA_DIR) String dataDir) {
        this.dataDir = dataDir;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        LOG.info(
                "OCOP portal is ready: open {} (embedded data in {}; delete that folder to start afresh)",
                event.getSource().getURL(),
                dataDir);
    }
}
