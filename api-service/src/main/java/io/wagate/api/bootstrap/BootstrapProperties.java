package io.wagate.api.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code wagate.bootstrap.admin-key} (env {@code WAGATE_BOOTSTRAP_ADMIN_KEY}): an admin key the
 * operator chose, stored on start if unknown. Unset, a first start generates one instead.
 */
@ConfigurationProperties("wagate.bootstrap")
public record BootstrapProperties(@Nullable String adminKey) {

    static final int MIN_KEY_LENGTH = 16;

    public BootstrapProperties {
        if (adminKey != null && adminKey.isBlank()) {
            adminKey = null;
        }
        if (adminKey != null && adminKey.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "wagate.bootstrap.admin-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        adminKey = adminKey == null ? null : adminKey.strip();
    }
}
