package io.wagate.session.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A message waiting in its session's send queue: {@code command} is the SendMessage as it arrived;
 * {@code seq} orders a session's messages as they were consumed.
 */
@MappedEntity("send_queue")
public record QueuedSendRow(@Id String messageId, String sessionId, long seq, byte[] command, Instant queuedAt) {

    @Override
    public String toString() {
        return "QueuedSendRow[messageId=" + messageId + ", sessionId=" + sessionId + ", seq=" + seq + "]";
    }
}
