package io.wagate.media.ssrf;

import java.net.InetAddress;
import java.util.List;

/** What {@link UrlGuard} says about a URL or a host. */
public sealed interface UrlCheck {

    /** Every address the host resolves to may be reached; connect to these and no others. */
    record Allowed(List<InetAddress> addresses) implements UrlCheck {}

    /** The URL, or an address its host resolves to, must not be reached (why, in words). */
    record Refused(String reason) implements UrlCheck {}

    /** The host does not resolve now. */
    record Unresolvable(String reason) implements UrlCheck {}
}
