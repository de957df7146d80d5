package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportListener;
import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.model.jid.Jid;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Cobalt adapter's own behaviour that can be seen without WhatsApp, through a refusing proxy. */
class CobaltWhatsAppTransportTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final RefusingProxy proxy = new RefusingProxy();
    private final CobaltWhatsAppTransport transport = new CobaltWhatsAppTransport(CobaltTestSettings.through(proxy));
    private final List<TransportEvent> events = new CopyOnWriteArrayList<>();
    private final TransportListener listener = events::add;

    CobaltWhatsAppTransportTest() throws IOException {}

    @AfterEach
    void stop() throws IOException {
        transport.close();
        proxy.close();
    }

    @Test
    void aNewDeviceDialsWhatsAppWebThroughTheConfiguredProxyAndReportsTheRefusalAsTransient() {
        var connection = transport.open("sess_cobalt_qr", new Pairing.ByQr(), listener);

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events).containsExactly(new TransportEvent.Disconnected("connect_failed"));
        assertThat(proxy.requests()).singleElement().asString().startsWith("CONNECT web.whatsapp.com:443 ");
        connection.close();
    }

    @Test
    void storedCredentialsAreReadAndUsedToDialWhatsApp() {
        UUID uuid = UUID.randomUUID();
        Keys keys = Keys.of(uuid, null, null, ClientType.WEB);
        Store store = Store.of(uuid, null, null, ClientType.WEB);
        store.setJid(Jid.of("5511988887777:4@s.whatsapp.net"));
        keys.setRegistered(true);
        byte[] credentials = AuthStateCodec.encode(keys, store);

        transport.open("sess_cobalt_resume", new Pairing.Resume(credentials), listener);

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events).containsExactly(new TransportEvent.Disconnected("connect_failed"));
        assertThat(proxy.requests()).hasSize(1);
    }

    @Test
    void pairingByCodeNeedsAPhoneNumber() {
        transport.open("sess_cobalt_code", new Pairing.ByCode("not-a-number"), listener);

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events)
                .containsExactly(
                        new TransportEvent.LoggedOut(TransportEvent.Ending.LOGGED_OUT, "invalid_phone_number"));
        assertThat(proxy.requests()).isEmpty();
    }
}
