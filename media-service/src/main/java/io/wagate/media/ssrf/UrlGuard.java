package io.wagate.media.ssrf;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps fetches away from the gateway's own network: a URL is refused unless it is http(s) and every
 * address its host resolves to is public: loopback, private, link-local (cloud metadata), shared
 * (CGNAT), multicast, unspecified and reserved addresses are refused, unless
 * {@code wagate.media.allowed-hosts} names the host, the address or its block.
 *
 * <p>It judges what the host resolves to, so any spelling of an address (decimal, IPv4-mapped IPv6)
 * is judged by the address itself. {@link #checkHost} is also what the HTTP client resolves hosts
 * through, so a connection goes only to addresses this guard has just approved.
 */
@Singleton
public final class UrlGuard {

    /** Disjoint blocks no fetch may reach, each with the word for why. */
    private static final Map<IpRange, String> FORBIDDEN = Map.ofEntries(
            Map.entry(IpRange.parse("0.0.0.0/8"), "unspecified"),
            Map.entry(IpRange.parse("10.0.0.0/8"), "private"),
            Map.entry(IpRange.parse("100.64.0.0/10"), "shared address space (CGNAT)"),
            Map.entry(IpRange.parse("127.0.0.0/8"), "loopback"),
            Map.entry(IpRange.parse("169.254.0.0/16"), "link-local"),
            Map.entry(IpRange.parse("172.16.0.0/12"), "private"),
            Map.entry(IpRange.parse("192.0.0.0/24"), "reserved"),
            Map.entry(IpRange.parse("192.168.0.0/16"), "private"),
            Map.entry(IpRange.parse("198.18.0.0/15"), "reserved"),
            Map.entry(IpRange.parse("224.0.0.0/4"), "multicast"),
            Map.entry(IpRange.parse("240.0.0.0/4"), "reserved"),
            Map.entry(IpRange.parse("::/128"), "unspecified"),
            Map.entry(IpRange.parse("::1/128"), "loopback"),
            Map.entry(IpRange.parse("fc00::/7"), "private"),
            Map.entry(IpRange.parse("fd00:ec2::254/128"), "cloud metadata"),
            Map.entry(IpRange.parse("fe80::/10"), "link-local"),
            Map.entry(IpRange.parse("fec0::/10"), "site-local"),
            Map.entry(IpRange.parse("ff00::/8"), "multicast"));

    private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final Set<String> allowedHostnames;
    private final List<IpRange> allowedRanges;
    private final HostResolver resolver;

    @Inject
    UrlGuard(UrlGuardConfig config) {
        this(config.allowedHosts(), InetAddress::getAllByName);
    }

    public UrlGuard(List<String> allowedHosts, HostResolver resolver) {
        this.allowedHostnames = allowedHosts.stream()
                .filter(host -> !IpRange.isLiteral(host))
                .map(UrlGuard::normalize)
                .collect(Collectors.toUnmodifiableSet());
        this.allowedRanges = allowedHosts.stream()
                .filter(IpRange::isLiteral)
                .map(IpRange::parse)
                .toList();
        this.resolver = resolver;
    }

    public UrlCheck check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return new UrlCheck.Refused("only http and https URLs may be fetched");
        }
        if (url.getRawUserInfo() != null) {
            return new UrlCheck.Refused("URLs with credentials in them are not fetched");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return new UrlCheck.Refused("the URL has no host");
        }
        return checkHost(host);
    }

    public UrlCheck checkHost(String rawHost) {
        String host = normalize(rawHost);
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(resolver.resolve(host));
        } catch (UnknownHostException e) {
            return new UrlCheck.Unresolvable(host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return new UrlCheck.Unresolvable(host + " does not resolve");
        }
        if (allowedHostnames.contains(host)) {
            return new UrlCheck.Allowed(addresses);
        }
        for (InetAddress address : addresses) {
            Optional<String> why = forbidden(address);
            if (why.isPresent() && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                return new UrlCheck.Refused(
                        host + " resolves to " + address.getHostAddress() + ", a " + why.get() + " address");
            }
        }
        return new UrlCheck.Allowed(addresses);
    }

    private static Optional<String> forbidden(InetAddress address) {
        Optional<String> direct = FORBIDDEN.entrySet().stream()
                .filter(entry -> entry.getKey().contains(address))
                .map(Map.Entry::getValue)
                .findFirst();
        if (direct.isPresent()) {
            return direct;
        }
        // IPv6 forms that carry an IPv4 address reach that address: judge it instead.
        return embeddedIpv4(address).flatMap(UrlGuard::forbidden);
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return Optional.empty();
        }
        byte[] bytes = v6.getAddress();
        int offset = -1;
        if (v6.isIPv4CompatibleAddress() || NAT64.contains(v6)) {
            offset = 12;
        } else if (SIX_TO_FOUR.contains(v6)) {
            offset = 2;
        }
        if (offset < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String normalize(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }

    /** DNS, replaceable in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
