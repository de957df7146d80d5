package io.wagate.session.transport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportEvent.Receipt;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedWhatsAppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final SimulatedWhatsApp network = new SimulatedWhatsApp(new SimulatorSettings(
            Duration.ofMillis(120),
            Duration.ofMillis(50),
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(10)));
    private final SimulatorWhatsAppTransport transport = new SimulatorWhatsAppTransport(network);

    @AfterEach
    void stopTheNetwork() {
        network.close();
    }

    @Test
    void aNewDeviceShowsRotatingQrsUntilThePhoneScansThenConnects() {
        // When
        var device = new Recorder();
        transport.open("sess_new", new Pairing.ByQr(), device);

        // Then
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));
        List<TransportEvent> events = device.events();
        List<TransportEvent.QrCodeIssued> qrs = device.all(TransportEvent.QrCodeIssued.class);
        assertThat(qrs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(qrs).extracting(TransportEvent.QrCodeIssued::rotation).startsWith(1, 2);
        assertThat(qrs).allSatisfy(qr -> assertThat(qr.qr()).matches("2@[A-Za-z0-9+/=]+(,[A-Za-z0-9+/=]{44}){3}"));
        assertThat(qrs.get(0).qr()).isNotEqualTo(qrs.get(1).qr());
        var paired = device.first(TransportEvent.Paired.class);
        assertThat(paired.phoneNumber()).isEqualTo(SimulatedCredentials.phoneNumberOf("sess_new"));
        assertThat(events.subList(events.size() - 2, events.size()))
                .containsExactly(paired, new TransportEvent.Connected(paired.phoneNumber()));
    }

    @Test
    void aPairedDeviceReconnectsWithItsCredentialsWithoutAQr() {
        // Given
        byte[] credentials = pairedCredentials("sess_resume");

        // When
        var device = new Recorder();
        transport.open("sess_resume", new Pairing.Resume(credentials), device);

        // Then
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));
        assertThat(device.events())
                .containsExactly(new TransportEvent.Connected(SimulatedCredentials.phoneNumberOf("sess_resume")));
    }

    @Test
    void credentialsOfALoggedOutDeviceNoLongerConnect() {
        // Given
        byte[] credentials = pairedCredentials("sess_logout");
        var first = new Recorder();
        WhatsAppConnection connection = transport.open("sess_logout", new Pairing.Resume(credentials), first);
        await().atMost(PATIENCE).until(() -> first.has(TransportEvent.Connected.class));
        connection.logout().toCompletableFuture().join();

        // When
        var again = new Recorder();
        transport.open("sess_logout", new Pairing.Resume(credentials), again);

        // Then
        await().atMost(PATIENCE).until(() -> again.has(TransportEvent.LoggedOut.class));
        assertThat(again.has(TransportEvent.Connected.class)).isFalse();
    }

    @Test
    void anyOtherNumberGetsTheMessageAndReadsIt() {
        SimulatedRun run = send("5511999999999", "hello");
        await().atMost(PATIENCE).until(() -> run.receipts().contains(Receipt.READ));
        assertThat(run.outcome()).isInstanceOf(SendOutcome.Acked.class);
        assertThat(run.receipts()).containsExactly(Receipt.DELIVERED, Receipt.READ);
        assertThat(network.messagesReceivedBy("5511999999999@s.whatsapp.net"))
                .extracting(SimulatedMessage::text)
                .containsExactly("hello");
    }

    @Test
    void aGroupGetsTheMessageAndReadsIt() {
        SimulatedRun run = send("120363000000000000@g.us", "hello group");
        await().atMost(PATIENCE).until(() -> run.receipts().contains(Receipt.READ));
        assertThat(run.receipts()).containsExactly(Receipt.DELIVERED, Receipt.READ);
    }

    @Test
    void aNumberEnding0000IsNotOnWhatsApp() {
        SimulatedRun run = send("5511900000000", "anyone?");
        assertThat(run.outcome())
                .isEqualTo(
                        new SendOutcome.Rejected("not_on_whatsapp", "5511900000000@s.whatsapp.net is not on WhatsApp"));
    }

    @Test
    void aNumberEnding0001GetsTheMessageButNeverReadsIt() {
        SimulatedRun run = send("5511900000001", "unread");
        awaitLaterMessageRead();
        assertThat(run.outcome()).isInstanceOf(SendOutcome.Acked.class);
        assertThat(run.receipts()).containsExactly(Receipt.DELIVERED);
    }

    @Test
    void aNumberEnding0002IsOfflineSoTheServerAcksButNeverDelivers() {
        SimulatedRun run = send("5511900000002", "offline");
        awaitLaterMessageRead();
        assertThat(run.outcome()).isInstanceOf(SendOutcome.Acked.class);
        assertThat(run.receipts()).isEmpty();
        assertThat(network.deliveryCount(run.waMessageId())).isZero();
    }

    @Test
    void aNumberEnding0003IsRejectedByTheServer() {
        SimulatedRun run = send("5511900000003", "refused");
        assertThat(run.outcome()).isInstanceOf(SendOutcome.Rejected.class);
        assertThat(((SendOutcome.Rejected) run.outcome()).code()).isEqualTo("server_rejected");
    }

    @Test
    void anEmptyTextOrOneTooLongIsAnInvalidMessage() {
        assertThat(send("5511999999999", "").outcome()).isInstanceOf(SendOutcome.Rejected.class);
        SendOutcome tooLong = send("5511999999999", "x".repeat(OutboundMessage.MAX_TEXT_LENGTH + 1))
                .outcome();
        assertThat(((SendOutcome.Rejected) tooLong).code()).isEqualTo("invalid_message");
        SendOutcome longest = send("5511999999999", "x".repeat(OutboundMessage.MAX_TEXT_LENGTH))
                .outcome();
        assertThat(longest).isInstanceOf(SendOutcome.Acked.class);
    }

    @Test
    void aResendOfTheSameWhatsAppIdIsAckedAgainButDeliveredOnce() {
        // Given
        SimulatedRun first = send("5511999999999", "once");
        await().atMost(PATIENCE).until(() -> first.receipts().contains(Receipt.READ));

        // When
        SendOutcome again =
                first.connection().send(first.message()).toCompletableFuture().join();

        // Then
        awaitLaterMessageRead();
        assertThat(again).isInstanceOf(SendOutcome.Acked.class);
        assertThat(network.serverCopies(first.waMessageId())).isEqualTo(2);
        assertThat(network.deliveryCount(first.waMessageId())).isEqualTo(1);
        assertThat(first.receipts()).containsExactly(Receipt.DELIVERED, Receipt.READ);
    }

    @Test
    void receiptsForADeviceThatWentOfflineArriveWhenItReconnects() {
        // Given
        byte[] credentials = pairedCredentials("sess_offline");
        var device = new Recorder();
        WhatsAppConnection connection = transport.open("sess_offline", new Pairing.Resume(credentials), device);
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));
        var message = message("5511999999999", "while you were away");

        // When
        connection.send(message).toCompletableFuture().join();
        connection.close();
        var reconnected = new Recorder();
        transport.open("sess_offline", new Pairing.Resume(credentials), reconnected);

        // Then
        await().atMost(PATIENCE)
                .until(() -> receiptsOf(reconnected, message.waMessageId()).contains(Receipt.READ));
        assertThat(receiptsOf(device, message.waMessageId())).isEmpty();
    }

    private byte[] pairedCredentials(String sessionId) {
        var pairing = new Recorder();
        WhatsAppConnection connection = transport.open(sessionId, new Pairing.ByQr(), pairing);
        await().atMost(PATIENCE).until(() -> pairing.has(TransportEvent.Paired.class));
        connection.close();
        return pairing.first(TransportEvent.Paired.class).authState();
    }

    /** Sends from a freshly paired session of its own, so receipts of different runs never mix. */
    private SimulatedRun send(String to, String text) {
        String sessionId = "sess_sender" + (++counter);
        var device = new Recorder();
        WhatsAppConnection connection =
                transport.open(sessionId, new Pairing.Resume(pairedCredentials(sessionId)), device);
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));
        OutboundMessage message = message(to, text);
        SendOutcome outcome = connection.send(message).toCompletableFuture().join();
        return new SimulatedRun(device, connection, message, outcome);
    }

    /** Timed steps run in order on one thread: once a later message is read, no earlier receipt is still due. */
    private void awaitLaterMessageRead() {
        SimulatedRun later = send("5511988887777", "later");
        await().atMost(PATIENCE).until(() -> later.receipts().contains(Receipt.READ));
    }

    private static int counter;

    private static OutboundMessage message(String to, String text) {
        return new OutboundMessage(
                "3EB0TEST" + (++counter), Jid.parse(to).orElseThrow(), new OutboundMessage.Text(text));
    }

    private static List<Receipt> receiptsOf(Recorder device, String waMessageId) {
        return device.all(TransportEvent.MessageReceipt.class).stream()
                .filter(receipt -> receipt.waMessageId().equals(waMessageId))
                .map(TransportEvent.MessageReceipt::receipt)
                .toList();
    }

    private record SimulatedRun(
            Recorder device, WhatsAppConnection connection, OutboundMessage message, SendOutcome outcome) {

        String waMessageId() {
            return message.waMessageId();
        }

        List<Receipt> receipts() {
            return receiptsOf(device, message.waMessageId());
        }
    }

    private static final class Recorder implements TransportListener {

        private final List<TransportEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void on(TransportEvent event) {
            events.add(event);
        }

        List<TransportEvent> events() {
            return List.copyOf(events);
        }

        <T extends TransportEvent> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends TransportEvent> T first(Class<T> type) {
            return all(type).getFirst();
        }

        boolean has(Class<? extends TransportEvent> type) {
            return !all(type).isEmpty();
        }
    }
}
