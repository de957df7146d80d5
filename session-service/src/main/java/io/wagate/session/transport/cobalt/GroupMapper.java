package io.wagate.session.transport.cobalt;

import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import it.auties.whatsapp.model.chat.ChatMetadata;
import it.auties.whatsapp.model.chat.ChatParticipant;
import java.time.Instant;
import java.util.Optional;

/** A group as Cobalt queried it, as our {@link GroupMetadata}. */
final class GroupMapper {

    private GroupMapper() {}

    static GroupMetadata map(ChatMetadata metadata) {
        Jid jid = CobaltJids.fromCobalt(metadata.jid())
                .orElseThrow(() -> new IllegalArgumentException("not a group: " + metadata.jid()));
        return new GroupMetadata(
                jid,
                metadata.subject() == null ? "" : metadata.subject(),
                metadata.description().orElse(null),
                metadata.founder().flatMap(CobaltJids::fromCobalt).orElse(null),
                metadata.foundationTimestampSeconds() > 0
                        ? Instant.ofEpochSecond(metadata.foundationTimestampSeconds())
                        : null,
                metadata.participants().stream()
                        .map(GroupMapper::participantOf)
                        .flatMap(Optional::stream)
                        .toList());
    }

    private static Optional<GroupMetadata.Participant> participantOf(ChatParticipant participant) {
        GroupMetadata.Role role =
                switch (participant.role()) {
                    case FOUNDER -> GroupMetadata.Role.SUPERADMIN;
                    case ADMIN -> GroupMetadata.Role.ADMIN;
                    case USER -> GroupMetadata.Role.MEMBER;
                };
        return CobaltJids.fromCobalt(participant.jid()).map(jid -> new GroupMetadata.Participant(jid, role));
    }
}
