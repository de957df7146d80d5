package io.wagate.session.transport;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A group as WhatsApp describes it. */
public record GroupMetadata(
        Jid jid,
        String subject,
        @Nullable String description,
        @Nullable Jid owner,
        @Nullable Instant createdAt,
        List<Participant> participants) {

    public GroupMetadata {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subject, "subject");
        participants = List.copyOf(participants);
    }

    public record Participant(Jid jid, Role role) {}

    public enum Role {
        MEMBER,
        ADMIN,
        SUPERADMIN
    }
}
