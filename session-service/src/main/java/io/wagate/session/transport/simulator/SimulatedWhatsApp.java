package io.wagate.session.transport.simulator;

import io.micronaut.context.annotation.Requires;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent.MessageReceipt;
import io.wagate.session.transport.TransportEvent.Receipt;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated WhatsApp network: its servers, the recipients' phones and the linked devices. It
 * keeps one message per WhatsApp message id, as WhatsApp does, and counts what reaches each
 * recipient so tests can check that nothing arrives twice.
 *
 * <p>Every timed step runs on one scheduler thread, so a run is deterministic for given delays.
 */
@Singleton
@Requires(property = "wagate.transport", value = "simulator", defaultValue = "simulator")
public final class SimulatedWhatsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedWhatsApp.class);

    private final SimulatorSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SimulatedMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> serverCopies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, List<SimulatedMessage>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, SimulatedConnection> online = new ConcurrentHashMap<>();
    // Receipts for a device that is offline wait on the server, like WhatsApp's offline queue.
    private final Map<String, Queue<MessageReceipt>> waitingReceipts = new ConcurrentHashMap<>();
    private final Set<String> unlinkedDevices = ConcurrentHashMap.newKeySet();

    public SimulatedWhatsApp(SimulatorSettings settings) {
        this.settings = settings;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("whatsapp-simulator").factory());
    }

    SimulatorSettings settings() {
        return settings;
    }

    /** The server's answer to a send, after the server-ack delay; receipts follow for accepted messages. */
    CompletableFuture<SendOutcome> accept(String fromSessionId, String fromPhoneNumber, OutboundMessage message) {
        var answer = new CompletableFuture<SendOutcome>();
        schedule(settings.serverAckDelay(), () -> answer.complete(answer(fromSessionId, fromPhoneNumber, message)));
        return answer;
    }

    private SendOutcome answer(String fromSessionId, String fromPhoneNumber, OutboundMessage message) {
        String text =
                switch (message.content()) {
                    case OutboundMessage.Text t -> t.body();
                    default -> "";
                };
        RecipientBehaviour behaviour = RecipientBehaviour.of(message.to());
        return switch (behaviour) {
            case NOT_ON_WHATSAPP -> new SendOutcome.Rejected("not_on_whatsapp", message.to() + " is not on WhatsApp");
            case SERVER_REJECTS -> new SendOutcome.Rejected("server_rejected", "WhatsApp refused the message");
            case DELIVERED_NEVER_READ, SERVER_ACK_ONLY, READS -> {
                String waId = message.waMessageId();
                serverCopies.computeIfAbsent(waId, id -> new AtomicInteger()).incrementAndGet();
                var stored = new SimulatedMessage(
                        waId, fromSessionId, fromPhoneNumber, message.to().toString(), text, Instant.now());
                // A resend of a known id is acked again, never delivered again.
                if (messages.putIfAbsent(waId, stored) == null) {
                    scheduleReceipts(stored, behaviour);
                }
                yield new SendOutcome.Acked(waId, Instant.now());
            }
        };
    }

    private void scheduleReceipts(SimulatedMessage message, RecipientBehaviour behaviour) {
        if (!behaviour.delivered()) {
            return;
        }
        schedule(settings.deliveryDelay(), () -> {
            inboxes.computeIfAbsent(message.to(), to -> new CopyOnWriteArrayList<>())
                    .add(message);
            deliveries
                    .computeIfAbsent(message.waMessageId(), id -> new AtomicInteger())
                    .incrementAndGet();
            receipt(message.fromSessionId(), message.waMessageId(), Receipt.DELIVERED);
            if (behaviour.read()) {
                schedule(
                        settings.readDelay(),
                        () -> receipt(message.fromSessionId(), message.waMessageId(), Receipt.READ));
            }
        });
    }

    private void receipt(String sessionId, String waMessageId, Receipt receipt) {
        var event = new MessageReceipt(waMessageId, receipt, Instant.now());
        SimulatedConnection connection = online.get(sessionId);
        if (connection == null || !connection.deliver(event)) {
            waitingReceipts
                    .computeIfAbsent(sessionId, id -> new ConcurrentLinkedQueue<>())
                    .add(event);
        }
    }

    /** Called on the scheduler thread when a device logs in: it gets what waited for it. */
    /**
     * Cuts the session's socket as a network blip would: the device stays linked and its
     * credentials stay valid. False when the session is not online.
     */
    public boolean dropConnection(String sessionId) {
        SimulatedConnection connection = online.get(sessionId);
        return connection != null && connection.drop();
    }

    void online(String sessionId, SimulatedConnection connection) {
        online.put(sessionId, connection);
        Queue<MessageReceipt> waiting = waitingReceipts.remove(sessionId);
        if (waiting != null) {
            waiting.forEach(connection::deliver);
        }
    }

    void offline(String sessionId, SimulatedConnection connection) {
        online.remove(sessionId, connection);
    }

    void unlink(String identityKey) {
        unlinkedDevices.add(identityKey);
    }

    boolean isUnlinked(String identityKey) {
        return unlinkedDevices.contains(identityKey);
    }

    ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return scheduler.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    ScheduledFuture<?> scheduleEvery(Duration period, Runnable task) {
        return scheduler.scheduleAtFixedRate(guarded(task), 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("simulated WhatsApp step failed", e);
            }
        };
    }

    /** The messages delivered to a recipient's phone, oldest first. */
    public List<SimulatedMessage> messagesReceivedBy(String recipientJid) {
        return List.copyOf(inboxes.getOrDefault(recipientJid, List.of()));
    }

    /** How many times the message with this WhatsApp id reached its recipient: 1 at most, or a bug. */
    public int deliveryCount(String waMessageId) {
        AtomicInteger count = deliveries.get(waMessageId);
        return count == null ? 0 : count.get();
    }

    /** How many times the servers accepted a send of this WhatsApp id (a resend counts again). */
    public int serverCopies(String waMessageId) {
        AtomicInteger count = serverCopies.get(waMessageId);
        return count == null ? 0 : count.get();
    }

    public Optional<SimulatedMessage> message(String waMessageId) {
        return Optional.ofNullable(messages.get(waMessageId));
    }

    @PreDestroy
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
