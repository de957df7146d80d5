package io.wagate.media.fetch;

import io.wagate.media.ssrf.UrlCheck;
import io.wagate.media.ssrf.UrlGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: the guard resolves and judges them in one
 * step, and the client connects to exactly the addresses it approved, so a DNS answer that changes
 * between a check and the connection (rebinding) cannot slip an internal address in.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final UrlGuard guard;

    GuardedDnsResolver(UrlGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (guard.checkHost(host)) {
            case UrlCheck.Allowed allowed -> allowed.addresses().toArray(InetAddress[]::new);
            case UrlCheck.Refused refused -> throw new AddressRefusedException(refused.reason());
            case UrlCheck.Unresolvable unresolvable -> throw new UnknownHostException(unresolvable.reason());
        };
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never needed for plain HTTP(S); a reverse lookup would only add a DNS round trip
    }
}
