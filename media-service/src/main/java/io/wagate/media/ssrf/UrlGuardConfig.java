package io.wagate.media.ssrf;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * {@code wagate.media.allowed-hosts}: hostnames, IP addresses and CIDR blocks media may be fetched
 * from even though they are private, loopback or link-local (e.g. a file server inside the cluster).
 */
@ConfigurationProperties("wagate.media")
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
