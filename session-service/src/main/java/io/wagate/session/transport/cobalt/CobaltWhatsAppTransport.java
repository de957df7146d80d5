package io.wagate.session.transport.cobalt;

import io.micronaut.context.annotation.Requires;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import io.wagate.session.transport.WhatsAppTransport;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@link WhatsAppTransport} to real WhatsApp, as a linked device (WhatsApp Web's protocol)
 * through Cobalt ({@code wagate.transport: cobalt}). See docs/operations/real-whatsapp.md.
 */
@Singleton
@Requires(property = "wagate.transport", value = "cobalt")
public class CobaltWhatsAppTransport implements WhatsAppTransport, AutoCloseable {

    private final CobaltSettings settings;
    private final Clock clock;
    private final AuthStateCache cache = new AuthStateCache();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cobalt-timers").factory());

    @Inject
    public CobaltWhatsAppTransport(CobaltSettings settings) {
        this(settings, Clock.systemUTC());
    }

    CobaltWhatsAppTransport(CobaltSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public WhatsAppConnection open(String sessionId, Pairing pairing, TransportListener listener) {
        var connection = new CobaltConnection(sessionId, pairing, listener, settings, cache, timers, clock);
        connection.start();
        return connection;
    }

    @PreDestroy
    @Override
    public void close() {
        timers.shutdownNow();
    }
}
