package io.wagate.session.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A message of one of the session's chats that later messages may point at. {@code sender} is who
 * wrote an inbound message (the member, in a group); {@code preview} is the text a quote shows.
 */
@MappedEntity("message_keys")
public record MessageKeyRow(
        @Id String messageId,
        String sessionId,
        String waMessageId,
        String chat,
        @Nullable String sender,
        boolean fromMe,
        boolean inbound,
        String kind,
        @Nullable String preview,
        Instant sentAt) {}
