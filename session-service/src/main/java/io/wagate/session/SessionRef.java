package io.wagate.session;

import java.util.Objects;

/** Who a command or event is about: the session and the organization that owns it. */
public record SessionRef(String sessionId, String organizationId) {

    public SessionRef {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
