package io.wagate.session.inbound;

import io.wagate.session.SessionRef;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.events.ReceivedContent;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.messages.KnownMessage;
import io.wagate.session.messages.MessageIndex;
import io.wagate.session.runtime.InboundMessages;
import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every message that arrives in a session's chats as {@code message.received}: gives it
 * a msg_ id, hands its media to media-service, and indexes it so later messages can quote it, react
 * to it, or answer it privately. Media whose bytes media-service refuses or cannot take is announced
 * all the same, described without them and with the reason: a subscriber always learns a message
 * arrived.
 *
 * <p>The msg_ id is derived from the session and the WhatsApp id, so a message WhatsApp delivers
 * again after a crash is announced again under the same id (consumers dedupe on it); one already
 * indexed is not announced again.
 */
@Singleton
public class InboundMessageAnnouncer implements InboundMessages {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMessageAnnouncer.class);

    private final MessageIndex index;
    private final InboundMedia media;
    private final EventPublisher events;

    InboundMessageAnnouncer(MessageIndex index, InboundMedia media, EventPublisher events) {
        this.index = index;
        this.media = media;
        this.events = events;
    }

    @Override
    public void onMessage(SessionRef session, InboundMessage message) {
        MessageKey key = message.key();
        if (index.knows(session, key.waMessageId())) {
            LOG.debug("{}: {} arrived again, already announced", session.sessionId(), key.waMessageId());
            return;
        }
        String messageId = InboundMessageIds.derive(session.sessionId(), key.waMessageId(), message.sentAt());
        ReceivedContent content = InboundContents.toReceived(message.content(), bytes -> media.store(session, bytes));
        if (content instanceof ReceivedContent.Media media && media.error() != null) {
            LOG.warn(
                    "{}: {} {} announced without its media: {}: {}",
                    session.sessionId(),
                    messageId,
                    key.waMessageId(),
                    media.error().code(),
                    media.error().message());
        }
        events.publish(session, received(session, messageId, message, content));
        index.remember(
                session,
                new KnownMessage(
                        messageId,
                        key,
                        true,
                        InboundContents.kindOf(message.content()),
                        InboundContents.previewOf(message.content()),
                        message.sentAt()));
    }

    private SessionEvent.MessageReceived received(
            SessionRef session, String messageId, InboundMessage message, ReceivedContent content) {
        InboundMessage.Quoted quoted = message.quoted();
        return new SessionEvent.MessageReceived(
                messageId,
                message.key().waMessageId(),
                message.key().chat().toString(),
                message.sender().toString(),
                message.pushName(),
                message.sentAt(),
                message.mentions().stream().map(Jid::toString).toList(),
                quoted == null
                        ? null
                        : new SessionEvent.MessageReceived.Quoted(
                                quoted.waMessageId(),
                                index.find(session, quoted.waMessageId())
                                        .map(KnownMessage::messageId)
                                        .orElse(null),
                                quoted.sender() == null ? null : quoted.sender().toString(),
                                quoted.text()),
                content);
    }
}
