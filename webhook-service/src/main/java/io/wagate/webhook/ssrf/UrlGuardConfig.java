package io.wagate.webhook.ssrf;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * {@code wagate.webhooks.allowed-hosts}: hostnames, IP addresses and CIDR blocks webhooks may reach
 * even though they are private, loopback or link-local (e.g. a receiver inside the cluster).
 */
@ConfigurationProperties("wagate.webhooks")
public record UrlGuardConfig(@Nullable List<String> allowedHosts) {

    public UrlGuardConfig {
        allowedHosts = allowedHosts == null
                ? List.of()
                : allowedHosts.stream()
                        .map(String::trim)
                        .filter(host -> !host.isEmpty())
                        .toList();
        allowedHosts.stream().filter(IpRange::isLiteral).forEach(IpRange::parse); // fail at startup on a typo
    }
}
