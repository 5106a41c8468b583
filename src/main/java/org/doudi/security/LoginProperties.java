package org.doudi.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling and password hashing ({@code doudi.login.*}). Locks are always temporary: the first
 * lasts {@code firstLock}, each further one in a row twice as long, never more than {@code maxLock}.
 *
 * @param userMaxFailures      consecutive wrong passwords that lock a user
 * @param addressMaxFailures   wrong passwords from one client address, over any users, that lock the address
 * @param addressWindow        the window in which an address's failures are counted
 * @param firstLock            how long the first lock lasts
 * @param maxLock              the longest lock (the cap of the doubling)
 * @param forgetAfter          a user or address quiet this long (no failure, no lock) starts again at the first lock
 * @param bcryptCost           the bcrypt work factor of new password hashes (10: about 50–100 ms per check)
 * @param verificationCacheTtl how long a successful check is remembered in memory (HTTP Basic checks every request);
 *                             zero switches the cache off
 * @param poolSize             connections of the throttle's own small pool (see {@link LoginThrottleStore})
 */
@ConfigurationProperties("doudi.login")
record LoginProperties(
        @DefaultValue("5") int userMaxFailures,
        @DefaultValue("20") int addressMaxFailures,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("15m") Duration firstLock,
        @DefaultValue("24h") Duration maxLock,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("10") int bcryptCost,
        @DefaultValue("5m") Duration verificationCacheTtl,
        @DefaultValue("4") int poolSize) {

    public LoginProperties {
        require(userMaxFailures >= 1, "user-max-failures must be at least 1");
        require(addressMaxFailures >= 1, "address-max-failures must be at least 1");
        require(positive(addressWindow), "address-window must be positive");
        require(positive(firstLock), "first-lock must be positive");
        require(positive(maxLock) && maxLock.compareTo(firstLock) >= 0, "max-lock must be at least first-lock");
        require(positive(forgetAfter), "forget-after must be positive");
        require(bcryptCost >= 4 && bcryptCost <= 31, "bcrypt-cost must be between 4 and 31");
        require(verificationCacheTtl != null && !verificationCacheTtl.isNegative(),
                "verification-cache-ttl must not be negative");
        require(poolSize >= 1, "pool-size must be at least 1");
    }

    /** The production defaults. */
    public static LoginProperties defaults() {
        return new LoginProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofHours(24), 10, Duration.ofMinutes(5), 4);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("doudi.login: " + message);
        }
    }
}
