package io.wagate.session.runtime;

import io.wagate.session.credentials.CredentialVault;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.ownership.SessionFence;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.transport.WhatsAppTransport;
import jakarta.inject.Singleton;

/** What every {@link SessionRunner} works with; one instance shared by all of them. */
@Singleton
record SessionCollaborators(
        WhatsAppTransport transport,
        SessionRepository sessions,
        CredentialVault vault,
        SessionFence fence,
        EventPublisher events,
        MessageReceipts receipts,
        InboundMessages inbound,
        Outbox outbox,
        SessionSettings settings) {}
