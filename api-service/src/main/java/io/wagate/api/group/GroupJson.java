package io.wagate.api.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.List;

/** A group as WhatsApp describes it; {@code role} is member, admin or superadmin (the creator). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record GroupJson(
        String groupJid,
        String subject,
        @Nullable String description,
        @Nullable String owner,
        @Nullable Instant createdAt,
        int size,
        List<MemberJson> participants) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record MemberJson(String jid, String role) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record MembersJson(String groupJid, List<MemberJson> data) {}
}
