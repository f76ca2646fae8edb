package vn.ocop.portal.traceability;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The stamps' settings ({@code ocop.stamp.*}).
 *
 * <p>The copy warning rests on counted scans only: GET requests from a person's browser, at most one per network per
 * stamp per day. It shows when the counted scans came from networks in at least {@code copyWarningProvinces}
 * provinces, or from at least {@code copyWarningNetworks} networks on at least {@code copyWarningDays} days: what
 * one person scanning at home, at work or in a shop cannot produce.
 *
 * @param secret key of the MAC in every stamp code ({@code OCOP_STAMP_SECRET}); at least 32 characters
 * @param copyWarningProvinces distinct provinces that make a copy likely ({@code OCOP_STAMP_COPY_WARNING_PROVINCES})
 * @param copyWarningNetworks distinct networks that, on enough days, make a copy likely
 *     ({@code OCOP_STAMP_COPY_WARNING_NETWORKS})
 * @param copyWarningDays distinct days those networks must span ({@code OCOP_STAMP_COPY_WARNING_DAYS})
 * @param networkProvincesFile CSV of {@code cidr,province_code} loaded into {@code network_province} at start
 *     ({@code OCOP_STAMP_NETWORK_PROVINCES_FILE}; a path or {@code classpath:...}); unset, the table is kept as is
 * @param scanQueueCapacity scans waiting to be written; beyond it a scan is dropped from the log, never the page.
 *     At full load on two cores the writer fell up to 115,000 scans behind before catching up (bench/README.md);
 *     250,000 waiting scans take about 25 MB
 * @param scanRetentionDays whole days of the scan journal kept; older rows are folded into the daily figures
 *     ({@code scan_daily_archive}, kept forever) and deleted ({@code OCOP_STAMP_SCAN_RETENTION_DAYS}; 0 keeps all)
 * @param notGenuinePerMinute scans of codes never issued one network may make in a minute; beyond, it gets 429
 *     ({@code OCOP_STAMP_NOT_GENUINE_PER_MINUTE})
 */
@ConfigurationProperties("ocop.stamp")
public record StampSettings(
        @Nullable String secret,
        @Bindable(defaultValue = "3") int copyWarningProvinces,
        @Bindable(defaultValue = "5") int copyWarningNetworks,
        @Bindable(defaultValue = "3") int copyWarningDays,
        @Nullable String networkProvincesFile,
        @Bindable(defaultValue = "250000") int scanQueueCapacity,
        @Bindable(defaultValue = "400") int scanRetentionDays,
        @Bindable(defaultValue = "60") int notGenuinePerMinute) {}
