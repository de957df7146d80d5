package io.wagate.session.transport.simulator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportEvent.MessageReceipt;
import io.wagate.session.transport.TransportEvent.Receipt;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
    // When the servers accept a message, and so when the edit and delete windows close.
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SimulatedMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> serverCopies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, List<SimulatedMessage>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, SimulatedConnection> online = new ConcurrentHashMap<>();
    // Receipts and messages for a device that is offline wait on the server, like WhatsApp's offline queue.
    private final Map<String, Queue<TransportEvent>> waitingReceipts = new ConcurrentHashMap<>();
    // What the simulated phones sent each session, by WhatsApp id and in order.
    private final Map<String, String> inboundRecipients = new ConcurrentHashMap<>();
    private final Map<String, List<InboundMessage>> inboundBySession = new ConcurrentHashMap<>();
    private final Map<String, List<SimulatedPresence>> presences = new ConcurrentHashMap<>();
    private final SimulatedGroups groups = new SimulatedGroups();
    private final Set<String> unlinkedDevices = ConcurrentHashMap.newKeySet();
    private final Set<String> bannedNumbers = ConcurrentHashMap.newKeySet();

    @Inject
    public SimulatedWhatsApp(SimulatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the servers' time: tests move it to close WhatsApp's edit and delete windows */
    public SimulatedWhatsApp(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        var timers = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("whatsapp-simulator").factory());
        // A pairing's QR rotation is cancelled once scanned: let it go then, not at its next due time.
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;
    }

    SimulatorSettings settings() {
        return settings;
    }

    /**
     * The server's answer to a send, after the server-ack delay; receipts follow for accepted messages.
     *
     * @param upload the media's bytes as the servers received them, for a media message
     */
    CompletableFuture<SendOutcome> accept(
            String fromSessionId, String fromPhoneNumber, OutboundMessage message, @Nullable SimulatedUpload upload) {
        var answer = new CompletableFuture<SendOutcome>();
        schedule(
                settings.serverAckDelay(),
                () -> answer.complete(answer(fromSessionId, fromPhoneNumber, message, upload)));
        return answer;
    }

    private SendOutcome answer(
            String fromSessionId, String fromPhoneNumber, OutboundMessage message, @Nullable SimulatedUpload upload) {
        RecipientBehaviour behaviour = RecipientBehaviour.of(message.to());
        return switch (behaviour) {
            case NOT_ON_WHATSAPP -> new SendOutcome.Rejected("not_on_whatsapp", message.to() + " is not on WhatsApp");
            case SERVER_REJECTS -> new SendOutcome.Rejected("server_rejected", "WhatsApp refused the message");
            case DELIVERED_NEVER_READ, SERVER_ACK_ONLY, READS, REPLIES -> {
                String waId = message.waMessageId();
                // A resend of a known id is acked again, never checked or delivered again.
                if (!messages.containsKey(waId)) {
                    Optional<SendOutcome.Rejected> refused = targetRule(fromSessionId, message);
                    if (refused.isPresent()) {
                        yield refused.get();
                    }
                }
                serverCopies.computeIfAbsent(waId, id -> new AtomicInteger()).incrementAndGet();
                Instant now = clock.instant();
                var stored = SimulatedMessage.of(fromSessionId, fromPhoneNumber, message, upload, now);
                if (messages.putIfAbsent(waId, stored) == null) {
                    scheduleReceipts(stored, behaviour);
                }
                yield new SendOutcome.Acked(waId, now);
            }
        };
    }

    /** What WhatsApp checks about the message a reaction, an edit or a deletion aims at. */
    private Optional<SendOutcome.Rejected> targetRule(String sessionId, OutboundMessage message) {
        return switch (message.content()) {
            case OutboundMessage.Reaction reaction ->
                knownTo(sessionId, reaction.target().waMessageId())
                        ? Optional.empty()
                        : SimulatedRules.reject(
                                "reaction_target_not_found",
                                "no message " + reaction.target().waMessageId());
            case OutboundMessage.Edit edit -> {
                SimulatedMessage target = messages.get(edit.target().waMessageId());
                if (target == null || !target.fromSessionId().equals(sessionId)) {
                    yield SimulatedRules.reject("edit_not_allowed", "only your own messages can be edited");
                }
                if (!(target.content() instanceof OutboundMessage.Text)) {
                    yield SimulatedRules.reject("edit_not_allowed", "only texts can be edited");
                }
                yield target.acceptedAt().plus(SimulatedRules.EDIT_WINDOW).isBefore(clock.instant())
                        ? SimulatedRules.reject("edit_not_allowed", "the time to edit this message is over")
                        : Optional.empty();
            }
            case OutboundMessage.Revoke revoke -> {
                SimulatedMessage target = messages.get(revoke.target().waMessageId());
                if (target == null || !target.fromSessionId().equals(sessionId)) {
                    yield SimulatedRules.reject("revoke_not_allowed", "only your own messages can be deleted");
                }
                yield target.acceptedAt().plus(SimulatedRules.REVOKE_WINDOW).isBefore(clock.instant())
                        ? SimulatedRules.reject(
                                "revoke_not_allowed", "the time to delete this message for everyone is over")
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** Whether the session sent or received the message with this WhatsApp id. */
    private boolean knownTo(String sessionId, String waMessageId) {
        SimulatedMessage sent = messages.get(waMessageId);
        return sent != null && sent.fromSessionId().equals(sessionId)
                || sessionId.equals(inboundRecipients.get(waMessageId));
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
            // Reactions, edits and deletions change another message: nobody "reads" them.
            if (behaviour.read() && !message.aimed()) {
                schedule(settings.readDelay(), () -> read(message, behaviour));
            }
        });
    }

    private void read(SimulatedMessage message, RecipientBehaviour behaviour) {
        receipt(message.fromSessionId(), message.waMessageId(), Receipt.READ);
        if (played(message)) {
            schedule(
                    settings.readDelay(),
                    () -> receipt(message.fromSessionId(), message.waMessageId(), Receipt.PLAYED));
        }
        if (behaviour == RecipientBehaviour.REPLIES) {
            SimulatedPhone.repliesTo(message).forEach(reply -> deliverInbound(message.fromSessionId(), reply));
        }
    }

    /** Voice notes and videos are played after they are read (a GIF just loops: never "played"). */
    private static boolean played(SimulatedMessage message) {
        return message.content() instanceof OutboundMessage.Media media
                && (media.kind() == MediaKind.VOICE_NOTE || media.kind() == MediaKind.VIDEO && !media.gifPlayback());
    }

    /** A message a simulated phone sends to one of the sessions. */
    void deliverInbound(String sessionId, InboundMessage message) {
        inboundRecipients.put(message.key().waMessageId(), sessionId);
        inboundBySession
                .computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>())
                .add(message);
        deliver(sessionId, new TransportEvent.MessageReceived(message));
    }

    private void receipt(String sessionId, String waMessageId, Receipt receipt) {
        deliver(sessionId, new MessageReceipt(waMessageId, receipt, Instant.now()));
    }

    private void deliver(String sessionId, TransportEvent event) {
        SimulatedConnection connection = online.get(sessionId);
        if (connection == null || !connection.deliver(event)) {
            waitingReceipts
                    .computeIfAbsent(sessionId, id -> new ConcurrentLinkedQueue<>())
                    .add(event);
        }
    }

    /** The account WhatsApp knows for a phone number, if any (see the test numbers). */
    Optional<Jid> lookup(String phoneNumber) {
        return Jid.parse(phoneNumber)
                .filter(jid -> jid.server() == Jid.Server.USER && phoneNumber.indexOf('@') < 0)
                .filter(jid -> RecipientBehaviour.of(jid) != RecipientBehaviour.NOT_ON_WHATSAPP);
    }

    SimulatedGroups groups() {
        return groups;
    }

    void presence(String sessionId, Jid chat, ChatPresence presence) {
        presences
                .computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>())
                .add(new SimulatedPresence(chat.toString(), presence, Instant.now()));
    }

    /**
     * Cuts the session's socket as a network blip would: the device stays linked and its
     * credentials stay valid. False when the session is not online.
     */
    public boolean dropConnection(String sessionId) {
        SimulatedConnection connection = online.get(sessionId);
        return connection != null && connection.drop();
    }

    /**
     * Bans the number of the session's linked device, as WhatsApp does to a number that broke its
     * terms: the session is logged out with ending BANNED (reason {@code banned}) and its credentials
     * never log in again. False when the session is not online.
     */
    public boolean ban(String sessionId) {
        SimulatedConnection connection = online.get(sessionId);
        if (connection == null || connection.phoneNumber().isEmpty()) {
            return false;
        }
        bannedNumbers.add(connection.phoneNumber().get());
        return connection.end(TransportEvent.Ending.BANNED, "banned");
    }

    /**
     * Another client takes the session's device over (WhatsApp Web opened elsewhere with the same
     * credentials): the session is logged out with ending REPLACED (reason {@code replaced}); its
     * credentials stay valid. False when the session is not online.
     */
    public boolean replace(String sessionId) {
        SimulatedConnection connection = online.get(sessionId);
        return connection != null && connection.end(TransportEvent.Ending.REPLACED, "replaced");
    }

    /** Whether a socket of the session is logged in right now. */
    public boolean isOnline(String sessionId) {
        return online.containsKey(sessionId);
    }

    boolean isBanned(String phoneNumber) {
        return bannedNumbers.contains(phoneNumber);
    }

    /** Called on the scheduler thread when a device logs in: it gets what waited for it. */
    void online(String sessionId, SimulatedConnection connection) {
        // One socket per linked device: the one still open from before is kicked, as WhatsApp does.
        SimulatedConnection previous = online.put(sessionId, connection);
        if (previous != null && previous != connection) {
            previous.end(TransportEvent.Ending.REPLACED, "replaced");
        }
        Queue<TransportEvent> waiting = waitingReceipts.remove(sessionId);
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

    /** The messages the simulated phones sent this session, oldest first. */
    public List<InboundMessage> inboundSentTo(String sessionId) {
        return List.copyOf(inboundBySession.getOrDefault(sessionId, List.of()));
    }

    /** What the session showed its chats (typing, recording, stopped), oldest first. */
    public List<SimulatedPresence> presenceUpdates(String sessionId) {
        return List.copyOf(presences.getOrDefault(sessionId, List.of()));
    }

    @PreDestroy
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
