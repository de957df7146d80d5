package io.wagate.session.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionRef;
import io.wagate.session.store.OutboundMessageRepository;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message index on real PostgreSQL: what a quote, a reaction, an edit or a deletion may aim at.
 * Inbound messages count as they arrive; ours only once WhatsApp accepted them.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcMessageIndexIT {

    private static final String CHAT = "5511999999999@s.whatsapp.net";

    private EmbeddedServer service;
    private MessageIndex index;
    private OutboundMessageRepository ledger;
    private final SessionRef session = new SessionRef("sess_" + UUID.randomUUID(), "org_index");

    @BeforeAll
    void startTheService(Infrastructure infra) {
        Map<String, Object> properties = new HashMap<>(
                infra.serviceProperties(infra.postgres().newDatabase(), Infrastructure.uniqueTopicPrefix()));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", "it-key:Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=");
        service = ApplicationContext.run(EmbeddedServer.class, properties);
        index = service.getApplicationContext().getBean(JdbcMessageIndex.class);
        ledger = service.getApplicationContext().getBean(OutboundMessageRepository.class);
    }

    @AfterAll
    void stopTheService() {
        if (service != null) {
            service.getApplicationContext().close();
        }
    }

    @Test
    void ourMessageCountsOnlyOnceWhatsAppAcceptedIt() {
        String accepted = ours("WA-ACCEPTED", MessageStatus.DELIVERED, "image");
        String failed = ours("WA-FAILED", MessageStatus.FAILED, "image");
        String pending = ours("WA-PENDING", MessageStatus.PENDING, "image");

        assertThat(index.find(session, accepted)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo("image");
            assertThat(found.key().fromMe()).isTrue();
        });
        assertThat(index.find(session, "WA-ACCEPTED")).isPresent();
        assertThat(index.find(session, failed)).isEmpty();
        assertThat(index.find(session, "WA-FAILED")).isEmpty();
        assertThat(index.find(session, pending)).isEmpty();
        // whatever became of them, they are known: an echo of one is not announced as received
        assertThat(index.knows(session, "WA-FAILED")).isTrue();
        assertThat(index.knows(session, "WA-PENDING")).isTrue();
    }

    @Test
    void anInboundMessageIsFoundByEitherIdInItsOwnSessionOnly() {
        String messageId = "msg_" + UUID.randomUUID();
        index.remember(
                session,
                new KnownMessage(messageId, key("WA-INBOUND", false), true, "text", "hello there", Instant.now()));

        assertThat(index.find(session, messageId))
                .hasValueSatisfying(found -> assertThat(found.preview()).isEqualTo("hello there"));
        assertThat(index.find(session, "WA-INBOUND")).isPresent();
        SessionRef other = new SessionRef("sess_" + UUID.randomUUID(), "org_index");
        assertThat(index.find(other, "WA-INBOUND")).isEmpty();
        assertThat(index.knows(other, "WA-INBOUND")).isFalse();
        assertThat(index.knows(session, "WA-NEVER-SEEN")).isFalse();
    }

    @Test
    void ourTextTheIndexNoLongerHoldsIsFoundInTheLedgerAsAText() {
        String messageId = "msg_" + UUID.randomUUID();
        ledger.save(row(messageId, "WA-LEDGER-ONLY", MessageStatus.READ));

        assertThat(index.find(session, messageId)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo("text");
            assertThat(found.key().waMessageId()).isEqualTo("WA-LEDGER-ONLY");
        });
    }

    /** Ours: recorded in the ledger with {@code status} and indexed as composed. */
    private String ours(String waMessageId, MessageStatus status, String kind) {
        String messageId = "msg_" + UUID.randomUUID();
        ledger.save(row(messageId, waMessageId, status));
        index.remember(session, new KnownMessage(messageId, key(waMessageId, true), false, kind, null, Instant.now()));
        return messageId;
    }

    private OutboundMessageRow row(String messageId, String waMessageId, MessageStatus status) {
        return new OutboundMessageRow(
                messageId,
                session.sessionId(),
                session.organizationId(),
                waMessageId,
                CHAT,
                null,
                Map.of(),
                status,
                status == MessageStatus.FAILED ? "server_rejected" : null,
                null,
                null,
                null,
                null);
    }

    private static MessageKey key(String waMessageId, boolean fromMe) {
        return new MessageKey(Jid.parse(CHAT).orElseThrow(), waMessageId, fromMe, null);
    }
}
