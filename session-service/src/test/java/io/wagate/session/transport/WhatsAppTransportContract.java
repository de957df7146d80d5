package io.wagate.session.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link WhatsAppTransport} adapter must do. Each adapter's test extends this and says
 * how to build it; the checks that need WhatsApp's servers run only where the adapter reaches them
 * and are otherwise skipped with the adapter's stated reason, never silently.
 */
public abstract class WhatsAppTransportContract {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final Jid USER = new Jid("5511999998888", Jid.Server.USER);

    private WhatsAppTransport transport;
    private final List<WhatsAppConnection> opened = new ArrayList<>();

    /** A fresh adapter for one test. */
    protected abstract WhatsAppTransport newTransport();

    /**
     * Empty when this adapter pairs, logs in and sends in this test run; otherwise why it cannot (for
     * the real WhatsApp: no network route to WhatsApp's servers), which is reported as the reason
     * the checks that need it are skipped.
     */
    protected abstract Optional<String> whyWhatsAppIsOutOfReach();

    /** Frees what {@link #newTransport} started. */
    protected void stopTransport(WhatsAppTransport transport) {}

    @BeforeEach
    void startTransport() {
        transport = newTransport();
    }

    @AfterEach
    void closeEverything() {
        opened.forEach(WhatsAppConnection::close);
        stopTransport(transport);
    }

    // Checks every adapter passes offline.

    @Test
    void openingReturnsAtOnceWhateverThePairing() {
        for (Pairing pairing :
                List.of(new Pairing.ByQr(), new Pairing.ByCode("5511999998888"), new Pairing.Resume(new byte[] {1}))) {
            long started = System.nanoTime();

            open("sess_contract_open", pairing, new Recorder());

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as(pairing.toString())
                    .isLessThan(AT_ONCE);
        }
    }

    @Test
    void credentialsTheAdapterCannotReadEndTheLinkInsteadOfPairing() {
        var events = new Recorder();

        open("sess_contract_garbage", new Pairing.Resume("not credentials".getBytes()), events);

        await().atMost(PATIENCE).until(() -> events.has(TransportEvent.LoggedOut.class));
        assertThat(events.first(TransportEvent.LoggedOut.class))
                .isEqualTo(new TransportEvent.LoggedOut(TransportEvent.Ending.LOGGED_OUT, "credentials_rejected"));
        assertThat(events.all())
                .noneMatch(event -> event instanceof TransportEvent.Connected
                        || event instanceof TransportEvent.QrCodeIssued
                        || event instanceof TransportEvent.Paired);
    }

    @ParameterizedTest
    @MethodSource("everyKindOfMessage")
    void aSendBeforeTheLinkIsUpFailsInsteadOfHanging(OutboundMessage message) {
        WhatsAppConnection connection = open("sess_contract_early_send", new Pairing.ByQr(), new Recorder());

        CompletionStage<SendOutcome> outcome = connection.send(message);

        assertFailsSoon(outcome);
    }

    @Test
    void requestsBeforeTheLinkIsUpFailInsteadOfHanging() {
        WhatsAppConnection connection = open("sess_contract_early_requests", new Pairing.ByQr(), new Recorder());

        assertFailsSoon(connection.presence(USER, ChatPresence.COMPOSING));
        assertFailsSoon(connection.lookup("5511999998888"));
        assertFailsSoon(connection.joinGroup("AbCdEfGhIjK1234567890"));
        assertFailsSoon(connection.groupMetadata(new Jid("120363025246125888", Jid.Server.GROUP)));
    }

    @Test
    void closingIsIdempotentAndSilencesTheConnection() {
        var events = new Recorder();
        WhatsAppConnection connection = open("sess_contract_close", new Pairing.ByQr(), events);

        connection.close();
        connection.close();
        int heardBeforeClose = events.all().size();

        assertFailsSoon(connection.send(new OutboundMessage("3EB0CLOSED", USER, new OutboundMessage.Text("hi"))));
        await().during(Duration.ofMillis(700))
                .atMost(PATIENCE)
                .until(() -> events.all().size() == heardBeforeClose);
    }

    @Test
    void loggingOutADeviceThatNeverLinkedCompletesAndClosesIt() {
        WhatsAppConnection connection = open("sess_contract_logout", new Pairing.ByQr(), new Recorder());
        var settled = new AtomicBoolean();

        connection.logout().whenComplete((ignored, failure) -> settled.set(true));

        await().atMost(PATIENCE).untilTrue(settled);
        assertFailsSoon(connection.send(new OutboundMessage("3EB0AFTER", USER, new OutboundMessage.Text("hi"))));
    }

    // Checks that need WhatsApp (the simulated one counts).

    @Test
    void pairingByQrShowsQrsThatRotateUntilScanned() {
        assumeWhatsAppIsInReach();
        var events = new Recorder();

        open("sess_contract_qr", new Pairing.ByQr(), events);

        await().atMost(PATIENCE).until(() -> events.count(TransportEvent.QrCodeIssued.class) >= 2);
        List<TransportEvent.QrCodeIssued> qrs = events.every(TransportEvent.QrCodeIssued.class);
        assertThat(qrs).extracting(TransportEvent.QrCodeIssued::rotation).startsWith(1, 2);
        assertThat(qrs.get(0).qr()).isNotBlank().isNotEqualTo(qrs.get(1).qr());
        assertThat(qrs.get(0).expiresAt()).isAfter(java.time.Instant.now().minusSeconds(5));
    }

    @Test
    void pairingByCodeIssuesACodeForTheNumber() {
        assumeWhatsAppIsInReach();
        var events = new Recorder();

        open("sess_contract_code", new Pairing.ByCode("5511999998888"), events);

        await().atMost(PATIENCE).until(() -> events.has(TransportEvent.PairingCodeIssued.class));
        var code = events.first(TransportEvent.PairingCodeIssued.class);
        assertThat(code.code()).isNotBlank();
        assertThat(code.expiresAt()).isAfter(java.time.Instant.now().minusSeconds(5));
        assertThat(events.all()).noneMatch(TransportEvent.QrCodeIssued.class::isInstance);
    }

    @Test
    void aLinkedDeviceResumesFromItsCredentialsWithoutPairingAgain() {
        assumeWhatsAppIsInReach();
        var first = new Recorder();
        WhatsAppConnection pairing = open("sess_contract_resume", new Pairing.ByQr(), first);
        await().atMost(PATIENCE).until(() -> first.has(TransportEvent.Connected.class));
        var paired = first.first(TransportEvent.Paired.class);
        pairing.close();

        var second = new Recorder();
        open("sess_contract_resume", new Pairing.Resume(paired.authState()), second);

        await().atMost(PATIENCE).until(() -> second.has(TransportEvent.Connected.class));
        assertThat(second.first(TransportEvent.Connected.class).phoneNumber()).isEqualTo(paired.phoneNumber());
        assertThat(second.all())
                .noneMatch(event ->
                        event instanceof TransportEvent.QrCodeIssued || event instanceof TransportEvent.Paired);
    }

    @Test
    void aLinkedDeviceSendsUnderTheCallersIdAndGetsTheServersAck() {
        assumeWhatsAppIsInReach();
        var events = new Recorder();
        WhatsAppConnection connection = open("sess_contract_send", new Pairing.ByQr(), events);
        await().atMost(PATIENCE).until(() -> events.has(TransportEvent.Connected.class));

        SendOutcome outcome = connection
                .send(new OutboundMessage("3EB0CONTRACT0001", USER, new OutboundMessage.Text("hello")))
                .toCompletableFuture()
                .orTimeout(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .join();

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Acked.class, acked -> assertThat(acked.waMessageId())
                .isEqualTo("3EB0CONTRACT0001"));
    }

    // Helpers.

    static Stream<OutboundMessage> everyKindOfMessage() {
        var group = new Jid("120363025246125888", Jid.Server.GROUP);
        var lid = new Jid("123456789012345", Jid.Server.LID);
        var channel = new Jid("120363144038483540", Jid.Server.NEWSLETTER);
        var target = new MessageKey(group, "3EB0TARGET", false, USER);
        var own = new MessageKey(USER, "3EB0MINE", true, null);
        var media = new MediaFile("image/jpeg", 3, "sha", () -> new ByteArrayInputStream(new byte[] {1, 2, 3}));
        var quoted = new OutboundMessage.Context(new OutboundMessage.Quote(target, "quoted"), List.of(USER));
        return Stream.of(
                new OutboundMessage("3EB0C01", USER, new OutboundMessage.Text("hi")),
                new OutboundMessage("3EB0C02", group, new OutboundMessage.Text("hi all"), quoted),
                new OutboundMessage("3EB0C03", lid, new OutboundMessage.Text("hi hidden")),
                new OutboundMessage("3EB0C04", channel, new OutboundMessage.Text("hi channel")),
                new OutboundMessage(
                        "3EB0C05", USER, new OutboundMessage.Media(MediaKind.IMAGE, media, "pic", null, false)),
                new OutboundMessage("3EB0C06", USER, new OutboundMessage.Location(1.5, 2.5, "here", null)),
                new OutboundMessage(
                        "3EB0C07",
                        USER,
                        new OutboundMessage.Contacts(List.of(new OutboundMessage.Contacts.Card(
                                "Ana", "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD")))),
                new OutboundMessage("3EB0C08", group, new OutboundMessage.Poll("Lunch?", List.of("a", "b"), 1)),
                new OutboundMessage("3EB0C09", group, new OutboundMessage.Reaction(target, "👍")),
                new OutboundMessage("3EB0C10", USER, new OutboundMessage.Edit(own, "fixed")),
                new OutboundMessage("3EB0C11", USER, new OutboundMessage.Revoke(own)));
    }

    private WhatsAppConnection open(String sessionId, Pairing pairing, Recorder events) {
        WhatsAppConnection connection = transport.open(sessionId, pairing, events);
        opened.add(connection);
        return connection;
    }

    private void assumeWhatsAppIsInReach() {
        Optional<String> why = whyWhatsAppIsOutOfReach();
        assumeTrue(why.isEmpty(), () -> "needs WhatsApp's servers: " + why.orElse(""));
    }

    private static void assertFailsSoon(CompletionStage<?> stage) {
        var future = stage.toCompletableFuture();
        await().atMost(PATIENCE).until(future::isDone);
        assertThat(future).isCompletedExceptionally();
    }

    /** Everything a connection reported, in order; fails the test if the adapter ever calls it concurrently. */
    protected static final class Recorder implements TransportListener {

        private final List<TransportEvent> events = new CopyOnWriteArrayList<>();
        private final AtomicBoolean inside = new AtomicBoolean();

        @Override
        public void on(TransportEvent event) {
            if (!inside.compareAndSet(false, true)) {
                throw new AssertionError("the listener was called concurrently");
            }
            try {
                events.add(event);
            } finally {
                inside.set(false);
            }
        }

        public List<TransportEvent> all() {
            return List.copyOf(events);
        }

        boolean has(Class<? extends TransportEvent> type) {
            return events.stream().anyMatch(type::isInstance);
        }

        long count(Class<? extends TransportEvent> type) {
            return events.stream().filter(type::isInstance).count();
        }

        <T extends TransportEvent> T first(Class<T> type) {
            return every(type).getFirst();
        }

        <T extends TransportEvent> List<T> every(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
