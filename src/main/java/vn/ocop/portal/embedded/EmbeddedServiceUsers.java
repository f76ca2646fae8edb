package vn.ocop.portal.embedded;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.BeanDestroyedEvent;
import io.micronaut.context.event.BeanDestroyedEventListener;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Tells the embedded services how many data sources still use them. The JVM runs its shutdown hooks side by side:
 * without this, the embedded PostgreSQL could stop while the application is still closing, and what beans write as
 * they close (the scan log's last scans) would be lost. The services now stop only once every data source is
 * closed, which the application context does after the beans that use them.
 */
@Singleton
class EmbeddedServiceUsers implements BeanCreatedEventListener<DataSource>, BeanDestroyedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        EmbeddedRuntime.inUse();
        return event.getBean();
    }

    @Override
    public void onDestroyed(BeanDestroyedEvent<DataSource> event) {
        EmbeddedRuntime.noLongerInUse();
    }
}
