package vn.ocop.portal.traceability;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The stamps' settings ({@code ocop.stamp.*}).
 *
 * @param secret key of the MAC in every stamp code ({@code OCOP_STAMP_SECRET}); at least 32 characters
 * @param copyWarningScans an item stamp scanned more often than this is probably copied
 * @param copyWarningNetworks an item stamp scanned from more networks than this is probably copied
 * @param scanQueueCapacity scans waiting to be written; beyond it a scan is dropped from the log, never the page.
 *     At full load on two cores the writer fell up to 115,000 scans behind before catching up (bench/README.md);
 *     250,000 waiting scans take about 25 MB
 */
@ConfigurationProperties("ocop.stamp")
record StampSettings(
        @Nullable String secret,
        @Bindable(defaultValue = "5") int copyWarningScans,
        @Bindable(defaultValue = "3") int copyWarningNetworks,
        @Bindable(defaultValue = "250000") int scanQueueCapacity) {}
