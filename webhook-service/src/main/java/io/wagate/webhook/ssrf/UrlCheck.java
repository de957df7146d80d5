package io.wagate.webhook.ssrf;

import java.net.InetAddress;
import java.util.List;

/** What {@link UrlGuard} says about a URL. */
public sealed interface UrlCheck {

    /** Every address the host resolves to may be reached. */
    record Allowed(List<InetAddress> addresses) implements UrlCheck {}

    /** The host is, or resolves to, an address webhooks must not reach (why, in words). */
    record Refused(String reason) implements UrlCheck {}

    /** The host does not resolve now. */
    record Unresolvable(String reason) implements UrlCheck {}
}
