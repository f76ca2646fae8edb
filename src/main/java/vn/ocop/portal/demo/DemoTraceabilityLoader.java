package vn.ocop.portal.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.fair.FairDemo;
import vn.ocop.portal.region.AdministrativeUnitLoader;
import vn.ocop.portal.showroom.ShowroomDemo;
import vn.ocop.portal.staff.DemoAccounts;
import vn.ocop.portal.traceability.TraceabilityDemo;

/**
 * Demo stamps, batches and events on top of the demo catalogue. Startup listeners run in no guaranteed order, so
 * this one loads the catalogue first itself (idempotent: it does nothing when the products are there), then the
 * traceability data and the demo accounts (one of which is a demo producer's), and logs stamp addresses a developer
 * can open.
 */
@Singleton
@Requires(property = "ocop.demo-data.enabled", value = "true")
class DemoTraceabilityLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraceabilityLoader.class);

    private final AdministrativeUnitLoader administrativeUnits;
    private final DemoCatalogueLoader catalogue;
    private final TraceabilityDemo traceability;
    private final DemoAccounts accounts;
    private final ShowroomDemo showroom;
    private final FairDemo fairs;

    DemoTraceabilityLoader(
            AdministrativeUnitLoader administrativeUnits,
            DemoCatalogueLoader catalogue,
            TraceabilityDemo traceability,
            DemoAccounts accounts,
            ShowroomDemo showroom,
            FairDemo fairs) {
        this.administrativeUnits = administrativeUnits;
        this.catalogue = catalogue;
        this.traceability = traceability;
        this.accounts = accounts;
        this.showroom = showroom;
        this.fairs = fairs;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        LocalDate today = LocalDate.now(DemoCatalogueLoader.ZONE);
        administrativeUnits.ensureLoaded();
        catalogue.loadIfEmpty(today);
        traceability.loadIfEmpty(today);
        accounts.loadIfMissing();
        showroom.loadIfEmpty(today);
        fairs.loadIfEmpty(today);
        traceability
                .exampleUrls(today)
                .forEach((status, url) -> LOG.info("Demo stamp, certificate {}: {}", status, url));
    }
}
