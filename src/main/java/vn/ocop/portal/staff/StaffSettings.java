package vn.ocop.portal.staff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How staff sign in and stay signed in ({@code ocop.staff.*} in application.yml, each with its environment
 * variable).
 *
 * @param sessionIdleTimeout a session unused this long ends
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, used or not
 * @param argon2MemoryKib Argon2id memory cost (OWASP's minimum: 19 MiB with 2 iterations)
 * @param argon2Iterations Argon2id time cost
 * @param argon2Parallelism Argon2id lanes
 * @param passwordMinLength the shortest password accepted
 * @param passwordMinEntropy the strength estimator's minimum, in bits
 * @param maxFailuresPerAccount failed sign-ins to one address within {@code failureWindow} before it is throttled
 * @param maxFailuresPerNetwork failed sign-ins from one network within {@code failureWindow} before it is throttled
 * @param failureWindow how far back failures count
 * @param linkLifetime how long an invitation or reset link works
 * @param apiTokenMaxLifetime the longest expiry a personal API token may have
 */
@ConfigurationProperties("ocop.staff")
public record StaffSettings(
        @Bindable(defaultValue = "30m") Duration sessionIdleTimeout,
        @Bindable(defaultValue = "12h") Duration sessionAbsoluteTimeout,
        @Bindable(defaultValue = "19456") int argon2MemoryKib,
        @Bindable(defaultValue = "2") int argon2Iterations,
        @Bindable(defaultValue = "1") int argon2Parallelism,
        @Bindable(defaultValue = "12") int passwordMinLength,
        @Bindable(defaultValue = "35") double passwordMinEntropy,
        @Bindable(defaultValue = "10") int maxFailuresPerAccount,
        @Bindable(defaultValue = "30") int maxFailuresPerNetwork,
        @Bindable(defaultValue = "15m") Duration failureWindow,
        @Bindable(defaultValue = "24h") Duration linkLifetime,
        @Bindable(defaultValue = "365d") Duration apiTokenMaxLifetime) {}
